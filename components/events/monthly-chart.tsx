"use client";

// Events and people killed per month: bars (events) and a line (killed) on two axes, Okabe-Ito
// colours; the page shows the same figures as a table. Hidden from assistive technology, and so out
// of the tab order too (no keyboard layer: nothing focusable inside a hidden figure).
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export function MonthlyChart({ data }: { data: { month: string; events: number; fatalities: number }[] }) {
  return (
    <figure className="chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 10, right: 10, bottom: 10, left: 0 }}>
          <CartesianGrid stroke="#ddd" />
          <XAxis dataKey="month" tick={{ fontSize: 12 }} />
          <YAxis yAxisId="events" allowDecimals={false} tick={{ fontSize: 12 }} width={40} />
          <YAxis yAxisId="killed" orientation="right" allowDecimals={false} tick={{ fontSize: 12 }} width={50} />
          <Tooltip />
          <Legend />
          <Bar yAxisId="events" dataKey="events" name="Events" fill="#0072B2" isAnimationActive={false} />
          <Line yAxisId="killed" dataKey="fatalities" name="People killed (known)" stroke="#D55E00" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
