"use client";

// Scores over a situation's published rounds. Okabe-Ito colours (colour-blind safe) and dash
// patterns so lines stay apart in print; the page shows the same figures as a table. Hidden from
// assistive technology, and so out of the tab order too (no keyboard layer: nothing focusable inside).
import { IMMINENCE_NAME } from "@/lib/indicators/score-text";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** A round's scores; null where a score is not enough assessed (a gap in its line, never a low point). */
export interface TrendPoint {
  date: string;
  overall: number | null;
  GENOCIDE: number | null;
  WAR_CRIMES: number | null;
  CRIMES_AGAINST_HUMANITY: number | null;
  ETHNIC_CLEANSING: number | null;
  INCITEMENT: number | null;
  /** Risk factors 7 and 8 (method 2 rounds only). */
  imminence: number | null;
}

/** The top of the chart's axis: the data's highest score with some room, in steps of 10, never above 100. */
export function axisTop(points: TrendPoint[]): number {
  let max = 0;
  for (const p of points) for (const s of SERIES) max = Math.max(max, (p[s.key] as number | null) ?? 0);
  return Math.min(100, Math.max(10, Math.ceil((max * 1.15) / 10) * 10));
}

export const SERIES: { key: keyof TrendPoint; name: string; colour: string; dash?: string; width?: number }[] = [
  { key: "overall", name: "Overall", colour: "#000000", width: 3 },
  { key: "GENOCIDE", name: "Genocide", colour: "#D55E00", dash: "6 3" },
  { key: "WAR_CRIMES", name: "War crimes", colour: "#0072B2", dash: "2 3" },
  { key: "CRIMES_AGAINST_HUMANITY", name: "Crimes against humanity", colour: "#009E73", dash: "10 4" },
  { key: "ETHNIC_CLEANSING", name: "Ethnic cleansing", colour: "#CC79A7", dash: "4 2 1 2" },
  { key: "INCITEMENT", name: "Incitement", colour: "#E69F00", dash: "1 2" },
  { key: "imminence", name: IMMINENCE_NAME, colour: "#56B4E9", dash: "8 2 2 2" },
];

export function ScoreTrendChart({ points }: { points: TrendPoint[] }) {
  const top = axisTop(points);
  return (
    <figure className="chart" aria-hidden="true">
      <figcaption className="muted small">{top < 100 ? `Scores are out of 100; the axis shows 0 to ${top} so the lines can be told apart.` : "Scores are out of 100."} A gap: not enough assessed in that round.</figcaption>
      <ResponsiveContainer width="100%" height={300}>
        <LineChart accessibilityLayer={false} data={points} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
          <CartesianGrid stroke="#ddd" />
          <XAxis dataKey="date" tick={{ fontSize: 12 }} />
          <YAxis domain={[0, top]} tick={{ fontSize: 12 }} width={40} label={{ value: `of 100`, angle: -90, position: "insideLeft", fontSize: 11 }} />
          <Tooltip />
          <Legend />
          {SERIES.map((s) => (
            <Line key={s.key} type="linear" dataKey={s.key} name={s.name} stroke={s.colour} strokeDasharray={s.dash} strokeWidth={s.width ?? 2} dot={{ r: 3 }} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
