// Risk scores with the indicators that drive them. Plain component: used by the round page
// (stored scores) and live in the rating form (scores of what is being typed). Both scoring methods
// read here (lib/indicators/score.ts): method 2's with coverage, low-confidence never as a bare
// number; method 1's as published, with "coverage not recorded".
import Link from "next/link";
import { CRIME_LABELS, RATING_LEVEL_LABELS } from "@/lib/labels";
import { html, Markup } from "@/lib/markup";
import { COMMON_FACTORS, CONVENTION_CRIMES, CRIME_FACTORS_V1, INCITEMENT_CODES, LEVEL_POINTS, methodOf, SPECIFIC_FACTORS, type CrimeScore, type Driver, type PartScore, type RoundScores, type ScoredCrime } from "@/lib/indicators/score";
import { coverageText, FACTOR_SHORT_NAMES, isLowConfidence, methodText, overallText, SCORE_BAND_COLOURS, scoreBand, scoreText } from "@/lib/indicators/score-text";

export const SCORED_CRIMES: ScoredCrime[] = ["GENOCIDE", "WAR_CRIMES", "CRIMES_AGAINST_HUMANITY", "ETHNIC_CLEANSING", "INCITEMENT"];

/** The one colour scale of scores (lib/indicators/score-text.ts), as inline style; a low-confidence score is grey. */
export function scoreColour(score: number, lowConfidence = false): { background: string; color: string } {
  return lowConfidence ? { background: "#e6e6e6", color: "#1a1a1a" } : SCORE_BAND_COLOURS[scoreBand(score)];
}

export { scoreClass } from "@/lib/indicators/score-text";

/** A bar as long as the score, labelled for screen readers; a low-confidence score has a hatched grey bar and says so. */
export function scoreBar(score: number, label: string, lowConfidence = false, low?: string): Markup {
  if (lowConfidence) return html`<span class="score-bar heat-low" role="img" aria-label="${label}: ${low ?? "not enough assessed"}"></span>`;
  return html`<span class="score-bar" role="img" aria-label="${label}: ${score} out of 100"><span class="score-bar-fill heat-${scoreBand(score)}" style="width:${Math.min(100, score)}%"></span></span>`;
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
        Scores are an aid to judgement, never a prediction. An indicator not assessed counts for nothing either way: every score says how many
        indicators it rests on, and below the organisation&apos;s minimum it reads &ldquo;Not enough assessed&rdquo; instead of a number. Each crime
        has two results, its common risk factors (1 to 8) and its own, and the count of risk factors present.{" "}
        <Link href="/help/scores">How scores work, with worked examples</Link>
      </p>
    </details>
  );
}

/** How many of the overall score's drivers the summary lists. */
export const OVERALL_DRIVERS_SHOWN = 5;

/** A score's value in a cell: the number with its bar, or "Not enough assessed (…)". */
function valueCell(s: { score: number } & CrimeScore, label: string, crime?: ScoredCrime): Markup {
  const low = isLowConfidence(s);
  return low
    ? html`<span class="low-confidence">${scoreText(s, crime)}</span> ${scoreBar(s.score, label, true, scoreText(s, crime))}`
    : html`<strong>${s.score}</strong> ${scoreBar(s.score, label)}`;
}

/** A crime's part (its common factors, or its own): its result with what it rests on; too little assessed, no number. */
function partText(p: PartScore | undefined): string {
  if (!p || p.factorsAssessed === 0) return "Not assessed";
  if (p.lowConfidence) return `Not enough assessed (${p.rated} of ${p.total} indicators assessed; ${p.factorsPresent} of ${p.factors.length || 1} present)`;
  return `${p.score} (${p.factorsPresent} of ${p.factors.length || 1} present; ${p.rated} of ${p.total} indicators assessed)`;
}

/** The crime's own factors, named; a mapping that is this tool's, not the Framework's, says so. */
export function ownFactorsText(crime: ScoredCrime): string {
  if (crime === "INCITEMENT") return "Signs of incitement across the Framework (this tool's convention)";
  const names = SPECIFIC_FACTORS[crime].map((f) => `${f}. ${FACTOR_SHORT_NAMES[f]}`).join("; ");
  return CONVENTION_CRIMES.includes(crime) ? `${names} (this tool's convention)` : names;
}

/** The risk factors a method 1 score counted, named: "The common risk factors (1–8); 9. Intergroup tensions; 10. Intent to destroy a group". */
export function v1FactorsText(crime: ScoredCrime): string {
  return ["The common risk factors (1–8)", ...CRIME_FACTORS_V1[crime].slice(COMMON_FACTORS.length).map((f) => `${f}. ${FACTOR_SHORT_NAMES[f]}`)].join("; ");
}

// The score tables below are plain markup (lib/markup.ts): they are read-only and, on a round's page,
// hundreds of elements; the rating form shows the same while its scores change as the analyst types.

/** Overall score with its drivers, and the score of each crime with what drives it. */
export function scoreSummaryMarkup(scores: RoundScores, text: Record<string, string>, heading: "h2" | "h3" = "h2"): Markup {
  const h = new Markup(heading);
  const v2 = methodOf(scores) === 2;
  const o = scores.overall;
  const overallLow = isLowConfidence(o);
  const overallLabel = o.crime
    ? overallLow
      ? "No crime is assessed enough to say which is most at risk."
      : `Driven by ${CRIME_LABELS[o.crime].toLowerCase()}.`
    : "No indicator rated above None.";
  const overallValue = overallLow ? html`<span class="low-confidence">${overallText(scores)}</span>` : html`${o.score}<span class="muted"> / 100</span>`;
  const coverage = v2 ? coverageText(o) : `Rated ${scores.rated} of ${scores.total} indicators; an indicator not rated counted as None. Coverage not recorded.`;
  const im = scores.imminence;
  const imminence =
    v2 && im
      ? html`<p class="imminence"><strong>Imminence</strong> (enabling circumstances or preparatory action, and triggering factors): ${
          isLowConfidence(im) ? scoreText(im) : `${im.score} / 100`
        }. ${`${im.factorsPresent} of ${im.factorsTotal} of these risk factors present; ${coverageText(im).toLowerCase()}.`}</p>`
      : null;
  const head = v2
    ? html`<tr><th scope="col">Crime</th><th scope="col">Score</th><th scope="col">Common risk factors (1–8)</th><th scope="col">Its own risk factors</th><th scope="col">Risk factors present</th><th scope="col">Driven by</th></tr>`
    : html`<tr><th scope="col">Crime</th><th scope="col">Score</th><th scope="col">Risk factors counted</th><th scope="col">Driven by</th></tr>`;
  const rows = SCORED_CRIMES.map((c) => {
    const s = scores.crimes[c];
    if (!v2) return html`<tr><th scope="row">${CRIME_LABELS[c]}</th><td class="score-cell">${valueCell(s, CRIME_LABELS[c])}</td><td>${v1FactorsText(c)}</td><td>${crimeDrivers(scores, c)}</td></tr>`;
    return html`<tr><th scope="row">${CRIME_LABELS[c]}</th><td class="score-cell">${valueCell(s, CRIME_LABELS[c], c)}<div class="muted small">${coverageText(s)}</div></td><td>${partText(s.common)}</td><td><div>${partText(s.specific)}</div><div class="muted small">${ownFactorsText(c)}</div></td><td>${
      s.factorsPresent ?? 0
    } of ${s.factorsTotal ?? 0}</td><td>${crimeDrivers(scores, c)}</td></tr>`;
  });
  return html`<${h}>Risk scores</${h}><p class="muted">An aid to judgement, not a prediction. ${coverage} ${methodText(scores)} <a href="/help/scores">How scores work</a></p><div class="overall-score panel"><div><div class="muted">Overall score</div><div class="num" data-testid="overall-score">${overallValue}</div><div class="muted">${overallLabel}</div></div><div><div class="muted">Indicators driving it</div>${driverList(
    o.drivers,
    text,
    OVERALL_DRIVERS_SHOWN,
  )}</div></div>${imminence}<table class="score-table"><caption>${v2 ? "Score by crime: the common risk factors and the crime's own, each a result of its own; the score is their mean" : "Score by crime (common risk factors plus the crime's own)"}</caption><thead>${head}</thead><tbody>${rows}</tbody></table>`;
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

const factorOf = (code: string) => Number(code.split(".")[0]);
/** Drivers grouped under their risk factor's name, in the order given: "Triggers: 8.2 (Severe), 8.7 (Present); Weak State structures: 3.1 (Present)". */
function codes(ds: Driver[]): string {
  const by = new Map<number, string[]>();
  for (const d of ds) by.set(factorOf(d.code), [...(by.get(factorOf(d.code)) ?? []), `${d.code} (${RATING_LEVEL_LABELS[d.level]})`]);
  return [...by].map(([f, items]) => `${FACTOR_SHORT_NAMES[f] ?? `Risk factor ${f}`}: ${items.join(", ")}`).join("; ");
}
const byLevel = (a: Driver, b: Driver) => LEVEL_POINTS[b.level] - LEVEL_POINTS[a.level];

/** A crime's drivers, its own risk factors first: what sets one crime apart from another. */
function crimeDrivers(scores: RoundScores, crime: ScoredCrime): Markup | string {
  const ownFactors = methodOf(scores) === 2 ? SPECIFIC_FACTORS[crime] : CRIME_FACTORS_V1[crime].slice(COMMON_FACTORS.length);
  const own =
    methodOf(scores) === 2 && crime === "INCITEMENT"
      ? Object.values(scores.factors).flatMap((f) => f.drivers.filter((d) => INCITEMENT_CODES.includes(d.code)))
      : ownFactors.flatMap((f) => scores.factors[f]?.drivers ?? []);
  const common = COMMON_FACTORS.flatMap((f) => scores.factors[f]?.drivers ?? []).sort(byLevel);
  if (!own.length && !common.length) return "—";
  return html`${own.length > 0 && html`<div><span class="muted">Its own factors:</span> ${codes([...own].sort(byLevel).slice(0, 4))}</div>`}${
    common.length > 0 && html`<div><span class="muted">Common factors:</span> ${codes(common.slice(0, 3))}${common.length > 3 ? ` and ${common.length - 3} more` : ""}</div>`
  }`;
}

/** Each risk factor's score and the indicators that drive it. */
export function factorScoreTable(scores: RoundScores, titles: Record<number, string>): Markup {
  const v2 = methodOf(scores) === 2;
  return html`<table class="score-table"><caption>Score by risk factor</caption><thead><tr><th scope="col">Risk factor</th><th scope="col">Score</th><th scope="col">Assessed</th><th scope="col">Driven by</th></tr></thead><tbody>${Object.keys(titles)
    .map(Number)
    .map((f) => {
      const s = scores.factors[f] ?? { score: 0, drivers: [] };
      const value = v2 && s.rated === 0 ? html`<span class="low-confidence">Not assessed</span> ${scoreBar(0, titles[f], true, "not assessed")}` : valueCell(s, titles[f]);
      return html`<tr><th scope="row"><a href="#rf-${f}">${f}. ${titles[f]}</a></th><td class="score-cell">${value}</td><td>${v2 ? coverageText(s) : "Coverage not recorded"}</td><td>${
        s.drivers.length ? codes(s.drivers) : "—"
      }</td></tr>`;
    })}</tbody></table>`;
}
