// The ratings of a round, one table per risk factor: read-only, about 130 rows with evidence and
// sources, so they are one escaped string (lib/markup.ts) rather than ~1,500 React elements.
import { CONFIDENCE_LABELS, RATING_LEVEL_LABELS, TREND_LABELS } from "@/lib/labels";
import { html, type Markup } from "@/lib/markup";
import type { Confidence, RatingLevel, Trend } from "@/lib/generated/prisma/enums";

export interface RatingRow {
  indicator: { id: string; code: string; text: string; retired: boolean };
  rating?: {
    level: RatingLevel;
    trend: Trend | null;
    confidence: Confidence | null;
    evidence: string;
    citations: { source: { id: string; title: string; reliability: string; credibility: string | number } }[];
  };
}

/** The table's rows; sources link to their pages only for the organisation that owns them. */
export function ratingRows(rows: RatingRow[], opts: { linkSources: boolean }): Markup {
  return html`${rows.map(({ indicator: i, rating: r }) => {
    const sources = r?.citations.length
      ? html`<ul class="rating-sources">${r.citations.map(
          ({ source: s }) => html`<li>${opts.linkSources ? html`<a href="/sources/${s.id}">${s.title}</a>` : s.title} (${s.reliability}${s.credibility})</li>`,
        )}</ul>`
      : null;
    return html`<tr><th scope="row"><span class="code">${i.code}</span> ${i.text}${i.retired ? " (retired)" : ""}</th><td>${
      r ? html`<span class="level level-${r.level}">${RATING_LEVEL_LABELS[r.level]}</span>` : html`<span class="muted">Not rated</span>`
    }</td><td>${r?.trend ? TREND_LABELS[r.trend] : "—"}</td><td>${r?.confidence ? CONFIDENCE_LABELS[r.confidence] : "—"}</td><td>${
      r?.evidence ? html`<p class="rating-evidence">${r.evidence}</p>` : null
    }${sources}${!r?.evidence && !sources ? "—" : null}</td></tr>`;
  })}`;
}

/** One risk factor's ratings as a table. */
export function ratingsTable(rows: RatingRow[], opts: { linkSources: boolean }): Markup {
  return html`<table class="ratings-table"><thead><tr><th scope="col">Indicator</th><th scope="col">Rating</th><th scope="col">Trend</th><th scope="col">Confidence</th><th scope="col">Evidence and sources</th></tr></thead><tbody>${ratingRows(rows, opts)}</tbody></table>`;
}
