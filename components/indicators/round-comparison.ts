// "What changed" between two rounds, as plain markup (lib/markup.ts): read-only, and with long lists
// of indicators that rose or fell it is hundreds of elements. "Not rated" is not None, each change is
// listed once, and indicators go with their risk factor's name.
import { CRIME_LABELS, RATING_LEVEL_LABELS } from "@/lib/labels";
import type { ComparedIndicator, RoundComparison, ScoreChange } from "@/lib/indicators/compare";
import { FACTOR_SHORT_NAMES, scoreText } from "@/lib/indicators/score-text";
import { html, type Markup } from "@/lib/markup";
import { SCORED_CRIMES } from "./score-summary";

function signed(n: number) {
  return n > 0 ? `+${n}` : n === 0 ? "no change" : `${n}`;
}

const levelText = (l: ComparedIndicator["before"]) => (l === null ? "Not rated" : RATING_LEVEL_LABELS[l]);

function changes(items: ComparedIndicator[], text: Record<string, string>, empty: string): Markup {
  if (items.length === 0) return html`<p class="muted">${empty}</p>`;
  return html`<ul class="drivers">${items.map(
    (i) =>
      html`<li><strong>${levelText(i.before)} → ${levelText(i.after)}</strong> <span class="code">${i.code}</span> <span class="muted">(${FACTOR_SHORT_NAMES[i.factor] ?? `Risk factor ${i.factor}`})</span> ${text[i.indicatorId]}</li>`,
  )}</ul>`;
}

const before = (d: ScoreChange) => scoreText({ score: d.before, ...d.beforeCoverage });
const after = (d: ScoreChange) => scoreText({ score: d.after, ...d.afterCoverage });
const deltaText = (d: ScoreChange, sameMethod: boolean) => (d.delta !== null ? signed(d.delta) : sameMethod ? "Not comparable (not enough assessed)" : "Not comparable (scored with another method)");

/** The section comparing a round with an earlier one: scores before and after, indicators that rose, fell or became severe. */
export function roundComparisonMarkup({ comparison: c, text, titles, againstLabel }: { comparison: RoundComparison; text: Record<string, string>; titles: Record<number, string>; againstLabel: string }): Markup {
  const movedFactors = Object.entries(c.factors).filter(([, d]) => d.delta !== 0);
  const head = html`<thead><tr><th scope="col">Crime</th><th scope="col">Before</th><th scope="col">Now</th><th scope="col">Change</th></tr></thead>`;
  return html`<section aria-label="What changed" class="panel"><h2 style="margin-top:0">What changed since ${againstLabel}</h2>${
    c.sameMethod ? null : html`<p class="muted">The two rounds were scored with different methods: their scores are shown side by side, not subtracted.</p>`
  }<p>Overall score: ${before(c.overall)} → <strong>${after(c.overall)}</strong> (${deltaText(c.overall, c.sameMethod)})</p><table class="score-table"><caption>Score change by crime</caption>${head}<tbody>${SCORED_CRIMES.map(
    (k) => html`<tr><th scope="row">${CRIME_LABELS[k]}</th><td>${before(c.crimes[k])}</td><td>${after(c.crimes[k])}</td><td>${deltaText(c.crimes[k], c.sameMethod)}</td></tr>`,
  )}</tbody></table>${
    movedFactors.length > 0 &&
    html`<details><summary>Risk factors that moved (${movedFactors.length})</summary><table class="score-table"><thead><tr><th scope="col">Risk factor</th><th scope="col">Before</th><th scope="col">Now</th><th scope="col">Change</th></tr></thead><tbody>${movedFactors.map(
      ([f, d]) => html`<tr><th scope="row">${f}. ${titles[Number(f)]}</th><td>${before(d)}</td><td>${after(d)}</td><td>${deltaText(d, c.sameMethod)}</td></tr>`,
    )}</tbody></table></details>`
  }<h3>New severe indicators</h3>${changes(c.newSevere, text, "None.")}<h3>Indicators that rose</h3>${changes(c.rose, text, "None rose.")}<h3>Indicators that fell</h3>${changes(
    c.fell,
    text,
    "None fell.",
  )}<h3>Indicators rated now, not rated before</h3>${changes(c.newlyRated, text, "None.")}<h3>Indicators rated before, not rated now</h3>${changes(c.noLongerRated, text, "None.")}</section>`;
}
