// Risk factor x round heatmap: a real table (readable by screen readers), each cell coloured on a
// colour-blind-safe sequential scale with its number shown.
import Link from "next/link";
import type { RoundScores } from "@/lib/indicators/score";
import { isoDate } from "@/lib/format";
import { scoreColour } from "./score-summary";

export function FactorHeatmap({ rounds, titles, situationId }: { rounds: { id: string; assessedOn: Date; scores: RoundScores }[]; titles: Record<number, string>; situationId: string }) {
  return (
    <div className="table-scroll">
      <table className="heatmap">
        <caption>Risk factor scores by round (0–100; darker is higher)</caption>
        <thead>
          <tr>
            <th scope="col">Risk factor</th>
            {rounds.map((r) => (
              <th scope="col" key={r.id}>
                <Link href={`/situations/${situationId}/rounds/${r.id}`}>{isoDate(r.assessedOn)}</Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Object.keys(titles)
            .map(Number)
            .map((f) => (
              <tr key={f}>
                <th scope="row" title={titles[f]}>
                  {f}. {titles[f]}
                </th>
                {rounds.map((r) => {
                  const score = r.scores.factors[f]?.score ?? 0;
                  return (
                    <td key={r.id} style={scoreColour(score)} className="heat-cell">
                      {score}
                    </td>
                  );
                })}
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}
