"use client";
// A published (or read-only) round: its scores, the comparison with another round and its ratings,
// as plain markup (lib/markup.ts). The markup is made here, from the round's data, rather than on
// the server: a server component's markup would travel twice, once as HTML and once inside the
// page's payload (as an escaped string, about 100 KB for a fully rated round), and carrying it
// there cost a third of the page's server time. The data is a fraction of that size, and the same
// functions make the same markup on the server (for the HTML) and in the browser.
import { useState } from "react";
import { html } from "@/lib/markup";
import type { RatingLevel } from "@/lib/generated/prisma/enums";
import type { RoundComparison } from "@/lib/indicators/compare";
import type { RoundScores } from "@/lib/indicators/score";
import { factorScoreTable, ScoreExplainer, scoreSummaryMarkup } from "./score-summary";
import { roundComparisonMarkup } from "./round-comparison";
import { ratingsTable } from "./ratings-table";
import { receivedIndicator, receivedRating, type SentIndicator } from "./round-view-data";

export interface RoundViewProps {
  factors: { number: number; title: string }[];
  /** The catalogue (retired indicators too: a round may have rated them), each with the round's rating of it. */
  indicators: SentIndicator[];
  scores: RoundScores;
  comparison: RoundComparison | null;
  /** The round compared with, and the published rounds one can compare with instead. */
  against: { id: string; date: string } | null;
  others: { id: string; date: string }[];
  linkSources: boolean;
}

/** Which ratings the list shows: every indicator, or those rated at least this level. */
type Shown = "ALL" | "PRESENT" | "SIGNIFICANT";
const SHOWN: { value: Shown; label: string }[] = [
  { value: "ALL", label: "Every indicator" },
  { value: "PRESENT", label: "Rated Present or above" },
  { value: "SIGNIFICANT", label: "Rated Significant or Severe" },
];
const RANK: Record<RatingLevel, number> = { NONE: 0, PRESENT: 1, SIGNIFICANT: 2, SEVERE: 3 };

export function RoundView(p: RoundViewProps) {
  const [shown, setShown] = useState<Shown>("ALL");
  const { summary, body, ratings, counts } = roundMarkup(p, shown);
  return (
    <>
      <section aria-label="Risk scores" className="scores">
        <div dangerouslySetInnerHTML={{ __html: summary }} />
        <ScoreExplainer />
      </section>
      <div dangerouslySetInnerHTML={{ __html: body }} />
      <h2 id="ratings">Ratings</h2>
      <fieldset className="inline-choices">
        <legend>Show</legend>
        {SHOWN.map((o) => (
          <label key={o.value} className="choice">
            <input type="radio" name="shown" value={o.value} checked={shown === o.value} onChange={() => setShown(o.value)} /> {o.label} ({counts[o.value]})
          </label>
        ))}
      </fieldset>
      <div dangerouslySetInnerHTML={{ __html: ratings }} />
    </>
  );
}

function roundMarkup({ factors, indicators: sent, scores, comparison, against, others, linkSources }: RoundViewProps, shown: Shown) {
  const titles = Object.fromEntries(factors.map((f) => [f.number, f.title]));
  const indicators = sent.map((i) => ({ ...receivedIndicator(i), rating: i.rating && receivedRating(i.rating) }));
  const text = Object.fromEntries(indicators.map((i) => [i.id, i.text]));
  const summary = scoreSummaryMarkup(scores, text).value;
  const listed = indicators.filter((i) => !i.retired || i.rating);
  const atLeast = (level: RatingLevel) => (i: (typeof listed)[number]) => i.rating !== undefined && RANK[i.rating.level] >= RANK[level];
  const counts: Record<Shown, number> = { ALL: listed.length, PRESENT: listed.filter(atLeast("PRESENT")).length, SIGNIFICANT: listed.filter(atLeast("SIGNIFICANT")).length };
  const body = html`${factorScoreTable(scores, titles)}${
    others.length > 0 &&
    html`<form method="get" class="actions-row" style="margin-top:1rem"><label for="compare">Compare with the round of</label><select id="compare" name="compare" class="inline">${others.map(
      (r) => html`<option value="${r.id}"${r.id === against?.id ? html` selected` : null}>${r.date}</option>`,
    )}</select><button type="submit" class="secondary">Compare</button></form>`
  }${
    comparison && against
      ? roundComparisonMarkup({ comparison, text, titles, againstLabel: `the round of ${against.date}` })
      : html`<p class="muted">This is the first published round: there is nothing earlier to compare with.</p>`
  }`.value;
  const ratings = html`${factors.map((f) => {
    const all = listed.filter((i) => i.factor === f.number);
    const rows = (shown === "ALL" ? all : all.filter(atLeast(shown))).map(({ rating, ...indicator }) => ({ indicator, rating }));
    return html`<section aria-labelledby="rf-${f.number}"><h3 id="rf-${f.number}">Risk factor ${f.number}: ${f.title}</h3>${
      rows.length > 0 ? ratingsTable(rows, { linkSources }) : html`<p class="muted">None of its ${all.length} indicators is rated ${shown === "PRESENT" ? "Present or above" : "Significant or Severe"}.</p>`
    }</section>`;
  })}`.value;
  return { summary, body, ratings, counts };
}
