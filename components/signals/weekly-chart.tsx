"use client";

// Events, attacks on civilians and people killed per ISO week, as the Events tab's monthly chart
// draws them (components/events/monthly-chart.tsx): bars for events, lines for the rest, Okabe-Ito
// colours. A flagged week is marked: its bar in vermilion, its line point as a large ringed dot.
// Hidden from assistive technology: the page gives the same figures, and the tests, as a table.
import { Bar, CartesianGrid, Cell, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface WeeklyChartPoint {
  week: string;
  events: number;
  civilian: number;
  killed: number;
  eventsFlagged: boolean;
  civilianFlagged: boolean;
  killedFlagged: boolean;
}

type DotProps = { cx?: number; cy?: number; payload?: WeeklyChartPoint; index?: number };

function flaggedDot(key: "civilianFlagged" | "killedFlagged", colour: string) {
  function FlaggedDot({ cx, cy, payload, index }: DotProps) {
    if (cx === undefined || cy === undefined || !payload) return <g key={index} />;
    return payload[key] ? (
      <circle key={index} cx={cx} cy={cy} r={7} fill={colour} stroke="#000" strokeWidth={2} />
    ) : (
      <circle key={index} cx={cx} cy={cy} r={2} fill={colour} />
    );
  }
  return FlaggedDot;
}

export function WeeklySignalsChart({ data }: { data: WeeklyChartPoint[] }) {
  return (
    <figure className="chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={280}>
        <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 10, right: 10, bottom: 10, left: 0 }}>
          <CartesianGrid stroke="#ddd" />
          <XAxis dataKey="week" tick={{ fontSize: 12 }} />
          <YAxis yAxisId="events" allowDecimals={false} tick={{ fontSize: 12 }} width={40} />
          <YAxis yAxisId="killed" orientation="right" allowDecimals={false} tick={{ fontSize: 12 }} width={50} />
          <Tooltip />
          <Legend />
          <Bar yAxisId="events" dataKey="events" name="Events" fill="#0072B2" isAnimationActive={false}>
            {data.map((d) => (
              <Cell key={d.week} fill={d.eventsFlagged ? "#D55E00" : "#0072B2"} />
            ))}
          </Bar>
          <Line yAxisId="events" dataKey="civilian" name="Attacks on civilians" stroke="#009E73" strokeWidth={2} dot={flaggedDot("civilianFlagged", "#009E73")} isAnimationActive={false} />
          <Line yAxisId="killed" dataKey="killed" name="People killed (known)" stroke="#CC79A7" strokeWidth={2} dot={flaggedDot("killedFlagged", "#CC79A7")} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
