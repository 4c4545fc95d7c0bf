import Link from "next/link";
import { fullScores, indicatorsFor, listRounds, roundScoreSummaries } from "@/lib/indicators/rounds";
import { CRIME_LABELS } from "@/lib/labels";
import { isoDate, todayIso } from "@/lib/format";
import { riskFactors } from "@/lib/indicators/risk-factors";
import { DownloadLinks } from "@/components/exports/download-links";
import { StartRoundForm } from "@/components/indicators/start-round-form";
import { ScoreTrendChart, type TrendPoint } from "@/components/indicators/score-trend-chart";
import { FactorHeatmap } from "@/components/indicators/factor-heatmap";
import { SCORED_CRIMES, ScoreSummary } from "@/components/indicators/score-summary";
import { IMMINENCE_NAME, scoreText } from "@/lib/indicators/score-text";

export async function IndicatorsTab({ situationId, organisationId, canEdit }: { situationId: string; organisationId: string; canEdit: boolean }) {
  const [rounds, summaries, factors, indicators] = await Promise.all([
    listRounds(situationId),
    roundScoreSummaries(situationId),
    riskFactors(),
    indicatorsFor(organisationId),
  ]);
  const titles = Object.fromEntries(factors.map((f) => [f.number, f.title]));
  const text = Object.fromEntries(indicators.map((i) => [i.id, i.text]));
  const published = summaries;
  // A round not enough assessed has no crime most at risk to name.
  const crimeOf = new Map(summaries.map((r) => [r.id, r.scores.overall.lowConfidence ? null : r.scores.overall.crime]));
  const draft = rounds.find((r) => r.status === "DRAFT");
  const latest = published.at(-1);
  const latestScores = latest ? await fullScores(latest.id) : null;
  // A score not enough assessed is a gap in its line (null), never a low point.
  const value = (s: { score: number; lowConfidence?: boolean }) => (s.lowConfidence ? null : s.score);
  const points: TrendPoint[] = published.map((r) => ({
    date: isoDate(r.assessedOn),
    overall: value(r.scores.overall),
    ...(Object.fromEntries(SCORED_CRIMES.map((c) => [c, value(r.scores.crimes[c])])) as Omit<TrendPoint, "date" | "overall" | "imminence">),
    imminence: r.scores.imminence ? value(r.scores.imminence) : null,
  }));
  const summaryOf = new Map(published.map((r) => [r.id, r.scores]));

  return (
    <section aria-label="Indicators">
      {canEdit &&
        (draft ? (
          <p className="notice">
            A draft round dated {isoDate(draft.assessedOn)} is open ({draft._count.ratings} indicators rated).{" "}
            <Link className="button" href={`/situations/${situationId}/rounds/${draft.id}`}>
              Continue the draft round
            </Link>
          </p>
        ) : (
          <StartRoundForm situationId={situationId} today={todayIso()} previous={latest ? isoDate(latest.assessedOn) : null} />
        ))}

      <h2>Assessment rounds</h2>
      <DownloadLinks entity="ratings" params={{ situation: situationId }} />
      {rounds.length === 0 ? (
        <p className="muted">No round yet: the indicators of this situation have not been rated.</p>
      ) : (
        <table>
          <caption className="visually-hidden">Assessment rounds, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Status</th>
              <th scope="col">Overall score</th>
              <th scope="col">Crime most at risk</th>
              <th scope="col">Indicators rated</th>
              <th scope="col">By</th>
            </tr>
          </thead>
          <tbody>
            {rounds.map((r) => {
              const crime = crimeOf.get(r.id);
              return (
                <tr key={r.id}>
                  <td>
                    <Link href={`/situations/${situationId}/rounds/${r.id}`}>{isoDate(r.assessedOn)}</Link>
                  </td>
                  <td>{r.status === "PUBLISHED" ? `Published ${r.publishedAt ? isoDate(r.publishedAt) : ""}` : "Draft"}</td>
                  <td>{summaryOf.has(r.id) ? scoreText(summaryOf.get(r.id)!.overall) : "—"}</td>
                  <td>{crime ? CRIME_LABELS[crime] : "—"}</td>
                  <td>{r._count.ratings}</td>
                  <td>{r.publishedBy?.name ?? r.createdBy.name}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      {latest && latestScores && (
        <>
          <h2>Latest published round: {isoDate(latest.assessedOn)}</h2>
          <ScoreSummary scores={latestScores} text={text} heading="h3" />
        </>
      )}

      {published.length > 0 && (
        <>
          <h2>Trends</h2>
          <p className="muted">
            Rounds scored with method 1 counted an indicator not rated as None; method 2 leaves it out and shows coverage. <Link href="/help/scores">How scores work</Link>
          </p>
          <ScoreTrendChart points={points} />
          <details>
            <summary>The scores by round, as a table</summary>
            <table>
              <caption>Scores by published round (0–100)</caption>
              <thead>
                <tr>
                  <th scope="col">Round</th>
                  <th scope="col">Overall</th>
                  {SCORED_CRIMES.map((c) => (
                    <th scope="col" key={c}>
                      {CRIME_LABELS[c]}
                    </th>
                  ))}
                  <th scope="col">{IMMINENCE_NAME}</th>
                </tr>
              </thead>
              <tbody>
                {published.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{isoDate(r.assessedOn)}</th>
                    <td>{scoreText(r.scores.overall)}</td>
                    {SCORED_CRIMES.map((c) => (
                      <td key={c}>{scoreText(r.scores.crimes[c], c)}</td>
                    ))}
                    <td>{r.scores.imminence ? scoreText(r.scores.imminence) : "Not recorded (method 1)"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
          <h2>Risk factors over time</h2>
          <FactorHeatmap rounds={published.slice(-12)} titles={titles} situationId={situationId} />
        </>
      )}
    </section>
  );
}
