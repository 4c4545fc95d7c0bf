import "server-only";
// The coalition bulletin as a Word file (issue #29): the same content as its PDF, built from the
// Word brief's pieces (lib/briefs/docx.ts): the order and the category definitions, then a page
// per situation with its category, headline score, summary, the period's events and responses,
// and its five key factors.
import { HeadingLevel, Paragraph, TextRun, type Table as DocxTable } from "docx";
import { PILLAR_LABELS, RESPONSE_STATUS_LABELS, RISK_CATEGORY_DEFINITIONS, RISK_CATEGORY_LABELS, RISK_CATEGORY_ORDER } from "@/lib/labels";
import { isoDate } from "@/lib/format";
import { latestRoundSentence, overallText } from "@/lib/indicators/score-text";
import { keyFactorLine, keyFactors } from "./key-factors";
import { overviewMarking, type BriefData } from "./data";
import { heading, logoParagraph, p, recentEventsDocx, table, wordFile, type BriefLogo } from "./docx";
import { NO_RESPONSE_IN_PERIOD, NO_ROUND_YET, bulletinIntro, keyFactorsIntro, periodResponsesHeading, responseLine } from "./wording";

type Period = { from: string; to: string };

function situationPage(b: BriefData, period: Period): (Paragraph | DocxTable)[] {
  const s = b.situation;
  const out: (Paragraph | DocxTable)[] = [new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(s.title)] })];
  out.push(p(`Risk category: ${RISK_CATEGORY_LABELS[s.riskCategory]} (since ${isoDate(s.riskCategorySince)}).`, { bold: true }));
  out.push(p(b.latest ? latestRoundSentence(isoDate(b.latest.assessedOn), b.latest.scores, null) : NO_ROUND_YET));
  out.push(heading("Summary", HeadingLevel.HEADING_2), p(s.summary || "No summary recorded."));
  // The period's events, one level down (each situation is a Heading 1 of the bulletin).
  out.push(...recentEventsDocx(b.recent, null, true));
  const responses = b.responses.filter((r) => isoDate(r.startDate) >= period.from && isoDate(r.startDate) <= period.to);
  out.push(heading(periodResponsesHeading(period), HeadingLevel.HEADING_2));
  if (!responses.length) out.push(p(NO_RESPONSE_IN_PERIOD));
  for (const r of responses) out.push(p(`• ${PILLAR_LABELS[r.pillar]}. ${responseLine(r, RESPONSE_STATUS_LABELS[r.status])}`));
  const factors = b.latest ? keyFactors(b.latest.scores) : [];
  if (b.latest && factors.length) {
    // The factors only, as in the PDF, so that a situation keeps to about a page; the brief names the indicators behind them.
    out.push(heading("Five key factors", HeadingLevel.HEADING_2), p(keyFactorsIntro(isoDate(b.latest.assessedOn))));
    factors.forEach((f, i) => out.push(p(`${i + 1}. ${keyFactorLine(f)}`)));
  }
  out.push(heading("Recommended action", HeadingLevel.HEADING_2), p(s.recommendedAction || "Not recorded."));
  return out;
}

/** The bulletin as a .docx file: `briefs` in the bulletin's order, their recent events of `period`. */
export async function bulletinDocx(briefs: BriefData[], period: Period, author: string, generatedAt = new Date(), logo: BriefLogo = null): Promise<Buffer> {
  const org = briefs[0]?.organisation ?? { name: "", sensitivityMarking: "" };
  const children: (Paragraph | DocxTable)[] = [
    ...logoParagraph(logo, org.name),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun("Coalition bulletin")] }),
    p(`Prepared by ${author} on ${isoDate(generatedAt)}.`),
    p(bulletinIntro(briefs.length, period)),
    table(
      ["Situation", "Risk category", "Overall score", "Last assessed"],
      briefs.map((b) => [b.situation.title, RISK_CATEGORY_LABELS[b.situation.riskCategory], b.latest ? overallText(b.latest.scores) : "No round published", b.latest ? isoDate(b.latest.assessedOn) : "—"]),
      [40, 20, 20, 20],
    ),
    heading("Risk categories"),
    ...RISK_CATEGORY_ORDER.map((c) => new Paragraph({ children: [new TextRun({ text: `${RISK_CATEGORY_LABELS[c]}: `, bold: true }), new TextRun(RISK_CATEGORY_DEFINITIONS[c])] })),
    ...briefs.flatMap((b) => situationPage(b, period)),
  ];
  return wordFile({ title: "Coalition bulletin", author, marking: overviewMarking(org.sensitivityMarking, briefs), children });
}
