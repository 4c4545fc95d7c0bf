// Risk factor x round heatmap: a real table (readable by screen readers), each cell coloured on a
// colour-blind-safe sequential scale with its number shown.
import Link from "next/link";
import type { RoundScores } from "@/lib/indicators/score";
import { isoDate } from "@/lib/format";
import { scoreClass, scoreText } from "@/lib/indicators/score-text";

export function FactorHeatmap({ rounds, titles, situationId }: { rounds: { id: string; assessedOn: Date; scores: RoundScores }[]; titles: Record<number, string>; situationId: string }) {
  return (
    <div className="table-scroll">
      <table className="heatmap">
        <caption>Risk factor scores by round (0–100; darker is higher; hatched grey: not enough assessed)</caption>
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
                  const s = r.scores.factors[f] ?? { score: 0 };
                  const low = s.lowConfidence === true;
                  return (
                    <td key={r.id} className={scoreClass(s.score, low)} title={low ? scoreText(s) : undefined}>
                      {low ? (
                        <>
                          <span aria-hidden="true">–</span>
                          <span className="visually-hidden">{scoreText(s)}</span>
                        </>
                      ) : (
                        s.score
                      )}
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
