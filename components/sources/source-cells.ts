import { html, type Markup } from "@/lib/markup";
import { isoDate } from "@/lib/format";
import { CREDIBILITY_LABELS, RELIABILITY_LABELS } from "@/lib/sources/schemas";

/** The four columns a list of sources starts with (title, publisher, grading, published), as table cells. */
export const SOURCE_COLUMNS = ["Title", "Publisher", "Grading", "Published"] as const;

/**
 * A source's first four cells in a list: its title (a link to its page where the reader may open
 * it) with its UN symbol, publisher, Admiralty grading (spelt out on hover) and publication date.
 */
export function sourceCells(s: { id: string; title: string; unSymbol: string | null; publisher: string; reliability: string; credibility: number; publishedOn: Date | null }, link: boolean): Markup {
  const grading = `${RELIABILITY_LABELS[s.reliability as keyof typeof RELIABILITY_LABELS]}; ${CREDIBILITY_LABELS[s.credibility]}`;
  return html`<td>${link ? html`<a href="/sources/${s.id}">${s.title}</a>` : s.title}${s.unSymbol && html`<div class="muted">${s.unSymbol}</div>`}</td><td>${s.publisher || "—"}</td><td><span title="${grading}">${s.reliability}${s.credibility}</span></td><td style="white-space:nowrap">${s.publishedOn ? isoDate(s.publishedOn) : "—"}</td>`;
}
