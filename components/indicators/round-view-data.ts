// The data a read-only round page sends to RoundView (round-view.tsx), which makes the page's
// markup from it. Every byte of it travels in the page's payload (about 0.1 ms of server time per
// KB here), so each indicator comes with its rating, fields that are empty for most ratings are
// left out, the Framework's own indicator texts come with the app's code instead (unless the
// database's text differs), and score details the page does not show are dropped. Plain module:
// the server shapes the data, the browser and the server expand it.
import type { Confidence, RatingLevel, Trend } from "@/lib/generated/prisma/enums";
import type { CatalogueIndicator } from "@/lib/indicators/rounds";
import type { RoundScores } from "@/lib/indicators/score";
import { FRAMEWORK_FACTORS } from "@/prisma/seed-data/framework";
import type { RatingRow } from "./ratings-table";
import { OVERALL_DRIVERS_SHOWN } from "./score-summary";

type Source = NonNullable<RatingRow["rating"]>["citations"][number]["source"];

/** A rating as sent: trend, confidence, evidence and sources only when there are some. */
export interface SentRating {
  level: RatingLevel;
  trend?: Trend;
  confidence?: Confidence;
  evidence?: string;
  sources?: Source[];
}

/** An indicator of the catalogue as sent, with the round's rating of it if any. */
export interface SentIndicator {
  id: string;
  code: string;
  factor: number;
  /** Left out when it is the Framework's text as this app ships it. */
  text?: string;
  retired?: true;
  rating?: SentRating;
}

/** The Framework's indicator texts as the app ships them (the database's reference data is seeded from them), by code. */
const FRAMEWORK_TEXT = new Map(FRAMEWORK_FACTORS.flatMap((f) => f.indicators.map((i) => [i.code, i.text] as const)));

export function sentIndicator(i: CatalogueIndicator, rating: NonNullable<RatingRow["rating"]> | undefined): SentIndicator {
  const out: SentIndicator = { id: i.id, code: i.code, factor: i.riskFactorNumber };
  if (i.organisationId !== null || FRAMEWORK_TEXT.get(i.code) !== i.text) out.text = i.text;
  if (i.retiredAt) out.retired = true;
  if (rating) out.rating = sentRating(rating);
  return out;
}

export function receivedIndicator(i: SentIndicator): RatingRow["indicator"] & { factor: number } {
  return { id: i.id, code: i.code, factor: i.factor, text: i.text ?? FRAMEWORK_TEXT.get(i.code) ?? "", retired: i.retired === true };
}

function sentRating(r: NonNullable<RatingRow["rating"]>): SentRating {
  const out: SentRating = { level: r.level };
  if (r.trend) out.trend = r.trend;
  if (r.confidence) out.confidence = r.confidence;
  if (r.evidence) out.evidence = r.evidence;
  if (r.citations.length) out.sources = r.citations.map(({ source: s }) => ({ id: s.id, title: s.title, reliability: s.reliability, credibility: s.credibility }));
  return out;
}

export function receivedRating(r: SentRating): NonNullable<RatingRow["rating"]> {
  return { level: r.level, trend: r.trend ?? null, confidence: r.confidence ?? null, evidence: r.evidence ?? "", citations: (r.sources ?? []).map((source) => ({ source })) };
}

/**
 * The scores as the page shows them (score-summary.tsx): every score, each risk factor's drivers
 * and the overall score's first five; not each crime's drivers (the page lists a crime's drivers
 * from its risk factors') nor the rest of the overall list.
 */
export function shownScores(s: RoundScores): RoundScores {
  const crimes = Object.fromEntries(Object.entries(s.crimes).map(([crime, c]) => [crime, { ...c, drivers: [] }])) as unknown as RoundScores["crimes"];
  return { ...s, crimes, overall: { ...s.overall, drivers: s.overall.drivers.slice(0, OVERALL_DRIVERS_SHOWN) } };
}
