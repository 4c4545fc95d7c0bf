import "server-only";
// The country brief as a Word file (issue #29), built with `docx`: the same content as the PDF, in
// Word's own styles (Title, Heading 1 and 2, tables whose header row repeats on every page and
// whose rows do not split), so an organisation can restyle it; every claim that cites sources
// carries a footnote per source naming its number in the numbered source list; the sensitivity
// marking in the header and footer of every page.
import {
  AlignmentType,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { CRIME_LABELS, CRIME_ORDER, CRIME_STATUS_LABELS, PILLAR_LABELS, RATING_LEVEL_LABELS, RESPONSE_STATUS_LABELS, RISK_CATEGORY_LABELS } from "@/lib/labels";
import { isoDate } from "@/lib/format";
import { coverageText, factorName, methodText, scoreText } from "@/lib/indicators/score-text";
import type { ScoredCrime } from "@/lib/indicators/score";
import { describeExternalRating, divergenceSentence, diverges } from "@/lib/external-ratings/present";
import { markersOf, sourceEntry, type CitedSource } from "./citations";
import type { BriefData } from "./data";
import { recentEventsSentence, recentHeading, sinceLastSentence } from "./wording";
import { BRIEF_SIGNALS_HEADING, briefSignalSentences, briefSignalsNote } from "@/lib/signals/brief";
import { fitWithin, imageSize } from "./image-size";

/** An organisation's logo (lib/admin/logo.ts organisationLogo). */
export type BriefLogo = { data: Buffer; type: string } | null;

/** The logo above the title, within 240 x 80 pixels (96 to the inch), its proportions kept; nothing when its size cannot be read. */
export function logoParagraph(logo: BriefLogo, organisationName: string): Paragraph[] {
  const size = logo && imageSize(logo.data, logo.type);
  if (!logo || !size) return [];
  const { width, height } = fitWithin(size, { width: 240, height: 80 });
  const alt = `${organisationName}'s logo`;
  return [new Paragraph({ children: [new ImageRun({ type: logo.type === "image/png" ? "png" : "jpg", data: logo.data, transformation: { width, height }, altText: { name: alt, description: alt, title: alt } })] })];
}

type Runs = (TextRun | FootnoteReferenceRun)[];

/** One footnote per cited source: "Source 3: <the entry of the numbered list>". */
function citations(sourceIds: string[], data: BriefData): FootnoteReferenceRun[] {
  const bySource = new Map(data.claims.sources.map((s) => [s.n, s]));
  return markersOf(sourceIds, data.claims.numbers).map((n) => new FootnoteReferenceRun({ children: [new Paragraph(`Source ${n}: ${sourceEntry(bySource.get(n) as CitedSource)}`)] }));
}

export const p = (text: string, opts: { bold?: boolean; style?: string } = {}) => new Paragraph({ style: opts.style, children: [new TextRun({ text, bold: opts.bold })] });
export const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_1) => new Paragraph({ heading: level, children: [new TextRun(text)] });

/** Text with line breaks kept, followed by footnote markers. */
export function para(text: string, markers: FootnoteReferenceRun[] = []): Paragraph {
  const lines = text.split(/\r?\n/);
  const runs: Runs = lines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined }));
  return new Paragraph({ children: [...runs, ...markers] });
}

function cell(content: string | Paragraph[], width: number | undefined, header = false): TableCell {
  const children = typeof content === "string" ? [new Paragraph({ children: [new TextRun({ text: content, bold: header })] })] : content;
  return new TableCell({ children, width: width ? { size: width, type: WidthType.PERCENTAGE } : undefined });
}

/**
 * A table whose first row is its header, repeated on every page; rows do not split across pages.
 * `widths`: each column's share of the page in percent (running text gets the widest).
 */
export function table(headers: string[], rows: (string | Paragraph[])[][], widths?: number[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h, i) => cell(h, widths?.[i], true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, widths?.[i])) })),
    ],
  });
}

/** The period's events: the sentence, the most affected places, the weeks; and what changed since the last brief. */
export function recentEventsDocx(ev: BriefData["recent"], sinceLast: BriefData["sinceLast"] | null, nested = false): (Paragraph | Table)[] {
  const sub = nested ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_2;
  const out: (Paragraph | Table)[] = [heading(recentHeading(ev), nested ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_1), p(recentEventsSentence(ev))];
  if (ev.events > 0) {
    out.push(heading("Most affected places", sub), table(["Place", "Events", "People killed (known)"], ev.places.map((pl) => [pl.place, pl.events.toLocaleString("en"), pl.killed.toLocaleString("en")]), [50, 25, 25]));
    out.push(heading("Events per week", sub), table(["Week of", "Events", "People killed (known)"], ev.weeks.map((w) => [w.week, w.events.toLocaleString("en"), w.killed.toLocaleString("en")]), [50, 25, 25]));
  }
  if (sinceLast) out.push(p(sinceLastSentence(sinceLast)));
  return out;
}

function body(data: BriefData, author: string, generatedAt: Date, logo: BriefLogo): (Paragraph | Table)[] {
  const s = data.situation;
  const out: (Paragraph | Table)[] = [...logoParagraph(logo, data.organisation.name)];
  out.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(s.title)] }));
  out.push(p(`Country brief of ${data.organisation.name}: ${s.country.name}. Prepared by ${author} on ${isoDate(generatedAt)}.`));
  out.push(p(`Risk category: ${RISK_CATEGORY_LABELS[s.riskCategory]} (since ${isoDate(s.riskCategorySince)}).`, { bold: true }));

  for (const [title, text] of [
    ["Summary", s.summary],
    ["Background", s.background],
    ["Populations at risk", s.populationsAtRisk],
    ["Perpetrators", s.perpetrators],
    ["Recommended action", s.recommendedAction],
  ] as const) {
    if (!text.trim()) continue;
    out.push(heading(title), para(text));
  }

  out.push(heading("The four crimes and incitement"));
  const crimes = CRIME_ORDER.map((crime) => s.crimes.find((c) => c.crime === crime)).filter((c) => c !== undefined);
  out.push(
    table(
      ["Crime", "Status", "Rationale"],
      crimes.map((c) => [CRIME_LABELS[c.crime], CRIME_STATUS_LABELS[c.status], [para(c.rationale || "No rationale written.", citations(c.citations.map(({ source }) => source.id), data))]]),
      [22, 20, 58],
    ),
  );

  out.push(heading("Risk scores"));
  const latest = data.latest;
  if (!latest) {
    out.push(p("No assessment round has been published yet: there are no scores."));
  } else {
    const sc = latest.scores;
    out.push(p(`Latest published round: ${isoDate(latest.assessedOn)}. ${methodText(sc)} ${coverageText(sc.overall)}.`));
    out.push(
      table(
        ["Crime", "Score (0-100)", "Coverage"],
        CRIME_ORDER.filter((crime) => sc.crimes[crime as ScoredCrime]).map((crime) => [CRIME_LABELS[crime], scoreText(sc.crimes[crime as ScoredCrime], crime), coverageText(sc.crimes[crime as ScoredCrime])]),
        [40, 25, 35],
      ),
    );
    if (sc.imminence) out.push(p(`Imminence (enabling circumstances and triggers, factors 7 and 8): ${scoreText(sc.imminence)}; ${sc.imminence.factorsPresent} of ${sc.imminence.factorsTotal} factors with indicators present.`));

    out.push(heading("Risk factors"));
    out.push(p("Every risk factor of the UN Framework of Analysis, with what was assessed: a factor not assessed is shown as such, not as no risk."));
    out.push(
      table(
        ["Risk factor", "Score (0-100)", "Coverage", "Indicators driving it"],
        data.factors.map((f) => {
          const fs = sc.factors[f.number];
          return [factorName(f.number), scoreText(fs), coverageText(fs), fs?.drivers.length ? fs.drivers.map((d) => `${d.code} ${RATING_LEVEL_LABELS[d.level]}`).join(", ") : "None present"];
        }),
        [28, 17, 25, 30],
      ),
    );
    // Indicators rated None with nothing written or cited say nothing a reader needs: counted, not listed.
    const listed = data.claims.ratings.filter((r) => r.level !== "NONE" || r.evidence.trim() || r.sourceIds.length);
    const quiet = data.claims.ratings.length - listed.length;
    if (listed.length) {
      out.push(heading("Ratings of the latest round", HeadingLevel.HEADING_2));
      out.push(
        table(
          ["Indicator", "Rating", "Evidence"],
          listed.map((r) => [`${r.code} ${r.text}`, RATING_LEVEL_LABELS[r.level as keyof typeof RATING_LEVEL_LABELS], [para(r.evidence || "No evidence written.", citations(r.sourceIds, data))]]),
          [42, 16, 42],
        ),
      );
    }
    if (quiet) out.push(p(quiet === 1 ? "1 indicator rated None, with no evidence written, is not listed." : `${quiet} indicators rated None, with no evidence written, are not listed.`));
  }

  out.push(...recentEventsDocx(data.recent, data.sinceLast));
  // The event log's signals of the same 90 days (lib/signals/brief.ts, as the PDF and the printable page word them).
  out.push(heading(BRIEF_SIGNALS_HEADING), p(briefSignalsNote(data.signals)), ...briefSignalSentences(data.signals).map((line) => p(`• ${line}`)));

  out.push(heading("Responses under the three pillars"));
  if (!data.responses.length) out.push(p("No response is recorded."));
  else
    out.push(
      table(
        ["Pillar", "Response", "Status", "From"],
        data.responses.map((r) => [PILLAR_LABELS[r.pillar], [para(r.actorName ? `${r.title} (${r.actorName})` : r.title, citations(r.citations.map(({ source }) => source.id), data))], RESPONSE_STATUS_LABELS[r.status], isoDate(r.startDate)]),
        [22, 40, 20, 18],
      ),
    );

  if (data.externalRatings.length) {
    out.push(heading("Other bodies' ratings"));
    for (const r of data.externalRatings) {
      out.push(p(describeExternalRating(r)));
      if (diverges(r, s.riskCategory)) out.push(p(divergenceSentence(r, s.riskCategory)));
    }
  }

  out.push(heading("Sources"));
  if (!data.claims.sources.length) out.push(p("No claim in this brief cites a source."));
  for (const src of data.claims.sources) out.push(new Paragraph({ children: [new TextRun({ text: `${src.n}. `, bold: true }), new TextRun(sourceEntry(src))] }));
  return out;
}

/** The brief as a .docx file, with the organisation's logo above the title when it has one. */
export async function briefDocx(data: BriefData, author: string, generatedAt = new Date(), logo: BriefLogo = null): Promise<Buffer> {
  return wordFile({ title: `${data.situation.title}: country brief`, author, marking: data.marking, children: body(data, author, generatedAt, logo) });
}

/** A Word file in the briefs' look: Calibri, the marking in the header and footer of every page, the pages numbered. */
export function wordFile({ title, author, marking, children }: { title: string; author: string; marking: string; children: (Paragraph | Table)[] }): Promise<Buffer> {
  const doc = new Document({
    creator: author,
    title,
    description: marking,
    styles: { default: { document: { run: { font: "Calibri", size: 22 } } } },
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: marking, bold: true })] })] }) },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(`${marking} · page `), new TextRun({ children: [PageNumber.CURRENT] }), new TextRun(" of "), new TextRun({ children: [PageNumber.TOTAL_PAGES] })] })],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
