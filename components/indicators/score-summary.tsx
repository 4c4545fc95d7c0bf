// Risk scores with the indicators that drive them. Plain component: used by the round page
// (stored scores) and live in the rating form (scores of what is being typed).
import { CRIME_LABELS, RATING_LEVEL_LABELS } from "@/lib/labels";
import { html, Markup } from "@/lib/markup";
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

/** A bar as long as the score, labelled for screen readers. */
export function scoreBar(score: number, label: string): Markup {
  return html`<span class="score-bar" role="img" aria-label="${label}: ${score} out of 100"><span class="score-bar-fill" style="width:${Math.min(100, score)}%;background:${scoreColour(score).background}"></span></span>`;
}

/** The indicators driving a score, highest rating first. */
export function driverList(drivers: Driver[], text: Record<string, string>, limit = 10): Markup {
  if (drivers.length === 0) return html`<span class="muted">No indicator rated above None.</span>`;
  return html`<ul class="drivers">${drivers
    .slice(0, limit)
    .map((d) => html`<li><span class="level level-${d.level}">${RATING_LEVEL_LABELS[d.level]}</span> <span class="code">${d.code}</span> ${text[d.indicatorId] ?? ""}</li>`)}</ul>`;
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

/** How many of the overall score's drivers the summary lists. */
export const OVERALL_DRIVERS_SHOWN = 5;

// The score tables below are plain markup (lib/markup.ts): they are read-only and, on a round's page,
// hundreds of elements; the rating form shows the same while its scores change as the analyst types.

/** Overall score with its drivers, and the score of each crime with what drives it. */
export function scoreSummaryMarkup(scores: RoundScores, text: Record<string, string>, heading: "h2" | "h3" = "h2"): Markup {
  const overallLabel = scores.overall.crime ? `driven by ${CRIME_LABELS[scores.overall.crime].toLowerCase()}` : "no indicator rated above None";
  const h = new Markup(heading);
  return html`<${h}>Risk scores</${h}><p class="muted">An aid to judgement, not a prediction. Rated ${scores.rated} of ${scores.total} indicators.</p><div class="overall-score panel"><div><div class="muted">Overall score</div><div class="num" data-testid="overall-score">${scores.overall.score}<span class="muted"> / 100</span></div><div class="muted">${overallLabel}</div></div><div><div class="muted">Indicators driving it</div>${driverList(scores.overall.drivers, text, OVERALL_DRIVERS_SHOWN)}</div></div><table class="score-table"><caption>Score by crime (common risk factors plus the crime's own)</caption><thead><tr><th scope="col">Crime</th><th scope="col">Score</th><th scope="col">Risk factors counted</th><th scope="col">Driven by</th></tr></thead><tbody>${SCORED_CRIMES.map(
    (c) =>
      html`<tr><th scope="row">${CRIME_LABELS[c]}</th><td class="score-cell"><strong>${scores.crimes[c].score}</strong> ${scoreBar(scores.crimes[c].score, CRIME_LABELS[c])}</td><td>1–8, ${CRIME_FACTORS[c].slice(8).join(" and ")}</td><td>${crimeDrivers(scores, c)}</td></tr>`,
  )}</tbody></table>`;
}

export function ScoreSummary({ scores, text, heading = "h2" }: { scores: RoundScores; text: Record<string, string>; heading?: "h2" | "h3" }) {
  return (
    <section aria-label="Risk scores" className="scores">
      <div dangerouslySetInnerHTML={{ __html: scoreSummaryMarkup(scores, text, heading).value }} />
      {/* Outside the markup, so a score changing as the analyst types does not close it. */}
      <ScoreExplainer />
    </section>
  );
}

const codes = (ds: Driver[]) => ds.map((d) => `${d.code} (${RATING_LEVEL_LABELS[d.level]})`).join(", ");

/** A crime's drivers, its own risk factors first: what sets one crime apart from another. */
function crimeDrivers(scores: RoundScores, crime: ScoredCrime): Markup | string {
  const own = CRIME_FACTORS[crime].slice(COMMON_FACTORS.length).flatMap((f) => scores.factors[f]?.drivers ?? []);
  const common = COMMON_FACTORS.flatMap((f) => scores.factors[f]?.drivers ?? []).sort((a, b) => LEVEL_POINTS[b.level] - LEVEL_POINTS[a.level]);
  if (!own.length && !common.length) return "—";
  return html`${own.length > 0 && html`<div><span class="muted">Its own factors:</span> ${codes(own.sort((a, b) => LEVEL_POINTS[b.level] - LEVEL_POINTS[a.level]).slice(0, 4))}</div>`}${
    common.length > 0 && html`<div><span class="muted">Common factors:</span> ${codes(common.slice(0, 3))}${common.length > 3 ? ` and ${common.length - 3} more` : ""}</div>`
  }`;
}

/** Each risk factor's score and the indicators that drive it. */
export function factorScoreTable(scores: RoundScores, titles: Record<number, string>): Markup {
  return html`<table class="score-table"><caption>Score by risk factor</caption><thead><tr><th scope="col">Risk factor</th><th scope="col">Score</th><th scope="col">Driven by</th></tr></thead><tbody>${Object.keys(titles)
    .map(Number)
    .map(
      (f) =>
        html`<tr><th scope="row"><a href="#rf-${f}">${f}. ${titles[f]}</a></th><td class="score-cell"><strong>${scores.factors[f]?.score ?? 0}</strong> ${scoreBar(scores.factors[f]?.score ?? 0, `Risk factor ${f}`)}</td><td>${
          scores.factors[f]?.drivers.length ? codes(scores.factors[f].drivers) : "—"
        }</td></tr>`,
    )}</tbody></table>`;
}
