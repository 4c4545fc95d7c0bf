"use client";
// The dashboard heatmap's rows: up to 25 (or all) situations of 16 cells, as one escaped string
// (lib/markup.ts) made from compact data here rather than on the server, so the markup is not sent
// a second time inside the page's payload.
import { html } from "@/lib/markup";
import { scoreClass } from "@/lib/indicators/score-text";

export interface HeatmapRow {
  id: string;
  title: string;
  /** The latest published round's date. */
  date: string;
  /** The 14 risk factors' scores, in factor order; `low` says why one is not enough assessed ("Not enough assessed (coverage 9%)"). */
  scores: { score: number; low?: string }[];
}

export function HeatmapRows({ rows }: { rows: HeatmapRow[] }) {
  const markup = html`${rows.map(
    (r) =>
      html`<tr><th scope="row"><a href="/situations/${r.id}?tab=indicators">${r.title}</a></th><td>${r.date}</td>${r.scores.map((c) =>
        c.low
          ? html`<td class="${scoreClass(c.score, true)}" title="${c.low}"><span aria-hidden="true">–</span><span class="visually-hidden">${c.low}</span></td>`
          : html`<td class="${scoreClass(c.score)}">${c.score}</td>`,
      )}</tr>`,
  )}`.value;
  return <tbody dangerouslySetInnerHTML={{ __html: markup }} />;
}
