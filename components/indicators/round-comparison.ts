// "What changed" between two rounds, as plain markup (lib/markup.ts): read-only, and with long lists
// of indicators that rose or fell it is hundreds of elements.
import { CRIME_LABELS, RATING_LEVEL_LABELS } from "@/lib/labels";
import type { ComparedIndicator, RoundComparison } from "@/lib/indicators/compare";
import { html, type Markup } from "@/lib/markup";
import { SCORED_CRIMES } from "./score-summary";

function signed(n: number) {
  return n > 0 ? `+${n}` : n === 0 ? "no change" : `${n}`;
}

function changes(items: ComparedIndicator[], text: Record<string, string>, empty: string): Markup {
  if (items.length === 0) return html`<p class="muted">${empty}</p>`;
  return html`<ul class="drivers">${items.map(
    (i) => html`<li><strong>${RATING_LEVEL_LABELS[i.before]} → ${RATING_LEVEL_LABELS[i.after]}</strong> <span class="code">${i.code}</span> ${text[i.indicatorId]}</li>`,
  )}</ul>`;
}

/** The section comparing a round with an earlier one: scores before and after, indicators that rose, fell or became severe. */
export function roundComparisonMarkup({ comparison: c, text, titles, againstLabel }: { comparison: RoundComparison; text: Record<string, string>; titles: Record<number, string>; againstLabel: string }): Markup {
  const movedFactors = Object.entries(c.factors).filter(([, d]) => d.delta !== 0);
  const head = html`<thead><tr><th scope="col">Crime</th><th scope="col">Before</th><th scope="col">Now</th><th scope="col">Change</th></tr></thead>`;
  return html`<section aria-label="What changed" class="panel"><h2 style="margin-top:0">What changed since ${againstLabel}</h2><p>Overall score: ${c.overall.before} → <strong>${c.overall.after}</strong> (${signed(c.overall.delta)})</p><table class="score-table"><caption>Score change by crime</caption>${head}<tbody>${SCORED_CRIMES.map(
    (k) => html`<tr><th scope="row">${CRIME_LABELS[k]}</th><td>${c.crimes[k].before}</td><td>${c.crimes[k].after}</td><td>${signed(c.crimes[k].delta)}</td></tr>`,
  )}</tbody></table>${
    movedFactors.length > 0 &&
    html`<details><summary>Risk factors that moved (${movedFactors.length})</summary><table class="score-table"><thead><tr><th scope="col">Risk factor</th><th scope="col">Before</th><th scope="col">Now</th><th scope="col">Change</th></tr></thead><tbody>${movedFactors.map(
      ([f, d]) => html`<tr><th scope="row">${f}. ${titles[Number(f)]}</th><td>${d.before}</td><td>${d.after}</td><td>${signed(d.delta)}</td></tr>`,
    )}</tbody></table></details>`
  }<h3>New severe indicators</h3>${changes(c.newSevere, text, "None.")}<h3>Indicators that rose</h3>${changes(c.rose, text, "None rose.")}<h3>Indicators that fell</h3>${changes(c.fell, text, "None fell.")}</section>`;
}
