// Risk scores with the indicators that drive them. Plain component: used by the round page
// (stored scores) and live in the rating form (scores of what is being typed).
import { CRIME_LABELS, RATING_LEVEL_LABELS } from "@/lib/labels";
import { COMMON_FACTORS, CRIME_FACTORS, LEVEL_POINTS, type Driver, type RoundScores, type ScoredCrime } from "@/lib/indicators/score";

export const SCORED_CRIMES: ScoredCrime[] = ["GENOCIDE", "WAR_CRIMES", "CRIMES_AGAINST_HUMANITY", "ETHNIC_CLEANSING", "INCITEMENT"];

/** Sequential colour scale (ColorBrewer YlOrRd, colour-blind safe); the number is always shown too. */
export function scoreColour(score: number): { background: string; color: string } {
  if (score >= 60) return { background: "#800026", color: "#fff" };
  if (score >= 40) return { background: "#bd0026", color: "#fff" };
  if (score >= 25) return { background: "#fd8d3c", color: "#1a1a1a" };
  if (score >= 10) return { background: "#fed976", color: "#1a1a1a" };
  return { background: "#ffffcc", color: "#1a1a1a" };
}

/** The same colours as classes (heat-0 .. heat-4 in globals.css), for big tables: a class is shorter than a style. */
export function scoreClass(score: number): string {
  return `heat-cell heat-${score >= 60 ? 4 : score >= 40 ? 3 : score >= 25 ? 2 : score >= 10 ? 1 : 0}`;
}

export function ScoreBar({ score, label }: { score: number; label: string }) {
  return (
    <span className="score-bar" role="img" aria-label={`${label}: ${score} out of 100`}>
      <span className="score-bar-fill" style={{ width: `${Math.min(100, score)}%`, background: scoreColour(score).background }} />
    </span>
  );
}

export function DriverList({ drivers, text, limit = 10 }: { drivers: Driver[]; text: Record<string, string>; limit?: number }) {
  if (drivers.length === 0) return <span className="muted">No indicator rated above None.</span>;
  return (
    <ul className="drivers">
      {drivers.slice(0, limit).map((d) => (
        <li key={d.indicatorId}>
          <span className={`level level-${d.level}`}>{RATING_LEVEL_LABELS[d.level]}</span> <span className="code">{d.code}</span> {text[d.indicatorId] ?? ""}
        </li>
      ))}
    </ul>
  );
}

export function ScoreExplainer() {
  return (
    <details className="explainer">
      <summary>How these scores are worked out</summary>
      <p>
        Scores are an aid to judgement, never a prediction. Each indicator rated Present counts 1 point, Significant 2, Severe 3; an
        indicator not rated counts as None. A risk factor&apos;s score is its points as a share of the most it could have (0 to 100).
        A crime&apos;s score is the average of the eight common risk factors and the factors specific to that crime (genocide: 9 and
        10; crimes against humanity: 11 and 12; war crimes: 13 and 14; ethnic cleansing: 9 and 11; incitement: 9 and 10). The overall
        score is that of the crime most at risk. Retired indicators are left out.
      </p>
    </details>
  );
}

export function ScoreSummary({ scores, text, heading = "h2" }: { scores: RoundScores; text: Record<string, string>; heading?: "h2" | "h3" }) {
  const H = heading;
  const overallLabel = scores.overall.crime ? `driven by ${CRIME_LABELS[scores.overall.crime].toLowerCase()}` : "no indicator rated above None";
  return (
    <section aria-label="Risk scores" className="scores">
      <H>Risk scores</H>
      <p className="muted">
        An aid to judgement, not a prediction. Rated {scores.rated} of {scores.total} indicators.
      </p>
      <div className="overall-score panel">
        <div>
          <div className="muted">Overall score</div>
          <div className="num" data-testid="overall-score">
            {scores.overall.score}
            <span className="muted"> / 100</span>
          </div>
          <div className="muted">{overallLabel}</div>
        </div>
        <div>
          <div className="muted">Indicators driving it</div>
          <DriverList drivers={scores.overall.drivers} text={text} limit={5} />
        </div>
      </div>
      <table className="score-table">
        <caption>Score by crime (common risk factors plus the crime&apos;s own)</caption>
        <thead>
          <tr>
            <th scope="col">Crime</th>
            <th scope="col">Score</th>
            <th scope="col">Risk factors counted</th>
            <th scope="col">Driven by</th>
          </tr>
        </thead>
        <tbody>
          {SCORED_CRIMES.map((c) => (
            <tr key={c}>
              <th scope="row">{CRIME_LABELS[c]}</th>
              <td className="score-cell">
                <strong>{scores.crimes[c].score}</strong> <ScoreBar score={scores.crimes[c].score} label={CRIME_LABELS[c]} />
              </td>
              <td>1–8, {CRIME_FACTORS[c].slice(8).join(" and ")}</td>
              <td>
                <CrimeDrivers scores={scores} crime={c} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ScoreExplainer />
    </section>
  );
}

const codes = (ds: Driver[]) => ds.map((d) => `${d.code} (${RATING_LEVEL_LABELS[d.level]})`).join(", ");

/** A crime's drivers, its own risk factors first: what sets one crime apart from another. */
function CrimeDrivers({ scores, crime }: { scores: RoundScores; crime: ScoredCrime }) {
  const own = CRIME_FACTORS[crime].slice(COMMON_FACTORS.length).flatMap((f) => scores.factors[f]?.drivers ?? []);
  const common = COMMON_FACTORS.flatMap((f) => scores.factors[f]?.drivers ?? []).sort((a, b) => LEVEL_POINTS[b.level] - LEVEL_POINTS[a.level]);
  if (!own.length && !common.length) return <>—</>;
  return (
    <>
      {own.length > 0 && (
        <div>
          <span className="muted">Its own factors:</span> {codes(own.sort((a, b) => LEVEL_POINTS[b.level] - LEVEL_POINTS[a.level]).slice(0, 4))}
        </div>
      )}
      {common.length > 0 && (
        <div>
          <span className="muted">Common factors:</span> {codes(common.slice(0, 3))}
          {common.length > 3 ? ` and ${common.length - 3} more` : ""}
        </div>
      )}
    </>
  );
}

export function FactorScoreTable({ scores, titles }: { scores: RoundScores; titles: Record<number, string> }) {
  return (
    <table className="score-table">
      <caption>Score by risk factor</caption>
      <thead>
        <tr>
          <th scope="col">Risk factor</th>
          <th scope="col">Score</th>
          <th scope="col">Driven by</th>
        </tr>
      </thead>
      <tbody>
        {Object.keys(titles)
          .map(Number)
          .map((f) => (
            <tr key={f}>
              <th scope="row">
                {f}. {titles[f]}
              </th>
              <td className="score-cell">
                <strong>{scores.factors[f]?.score ?? 0}</strong> <ScoreBar score={scores.factors[f]?.score ?? 0} label={`Risk factor ${f}`} />
              </td>
              <td>{scores.factors[f]?.drivers.length ? codes(scores.factors[f].drivers) : "—"}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}
