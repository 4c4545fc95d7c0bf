import "server-only";
import { indicatorCatalogueSql } from "@/lib/access/indicators";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AssessmentStatus, Confidence, RatingLevel, SourceReliability, Trend } from "@/lib/generated/prisma/enums";
import { DEFAULT_MIN_COVERAGE, scoreRound, toScoringInput, type RoundScores, type ScoredCrime } from "./score";

export interface CatalogueIndicator {
  id: string;
  code: string;
  text: string;
  riskFactorNumber: number;
  organisationId: string | null;
  retiredAt: Date | null;
}

/**
 * Every indicator an organisation rates with (the Framework's and its own), retired ones included.
 * A plain query: ~140 rows, read by every round page, at half the CPU of Prisma's findMany.
 */
export function indicatorsFor(organisationId: string): Promise<CatalogueIndicator[]> {
  return db.$queryRaw<CatalogueIndicator[]>`
    SELECT id, code, text, "riskFactorNumber", "organisationId", "retiredAt" FROM "Indicator"
    WHERE ${indicatorCatalogueSql({ organisationId })}
    ORDER BY "riskFactorNumber", position`;
}

export function scoringInput(indicators: CatalogueIndicator[]) {
  return indicators.map(toScoringInput);
}

/** A situation's rounds, oldest first (live ones only), without their stored scores (see roundScoreSummaries). */
export async function listRounds(situationId: string) {
  const rounds = await db.assessment.findMany({
    where: { situationId, deletedAt: null },
    orderBy: [{ assessedOn: "asc" }, { publishedAt: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      assessedOn: true,
      status: true,
      overallScore: true,
      version: true,
      publishedAt: true,
      createdBy: { select: { name: true } },
      publishedBy: { select: { name: true } },
    },
  });
  // Counted per round through the (assessmentId, indicatorId) index; Prisma's _count would group the whole ratings table.
  const counts = rounds.length
    ? await db.$queryRaw<{ assessmentId: string; n: bigint }[]>`SELECT "assessmentId", count(*) AS n FROM "IndicatorRating" WHERE "assessmentId" IN (${Prisma.join(rounds.map((r) => r.id))}) GROUP BY 1`
    : [];
  const n = new Map(counts.map((c) => [c.assessmentId, Number(c.n)]));
  return rounds.map((r) => ({ ...r, _count: { ratings: n.get(r.id) ?? 0 } }));
}
export type RoundListItem = Awaited<ReturnType<typeof listRounds>>[number];

/** The scores stored at publication (see lib/indicators/score.ts). */
export function storedScores(round: { scores: unknown }): RoundScores | null {
  return (round.scores as RoundScores | null) ?? null;
}

export async function getRound(situationId: string, id: string) {
  const [round, ratings] = await Promise.all([
    db.assessment.findFirst({
      where: { id, situationId, deletedAt: null },
      include: { createdBy: { select: { name: true } }, publishedBy: { select: { name: true } } },
    }),
    roundRatings(situationId, id),
  ]);
  return round && { ...round, ratings };
}

/**
 * A round's ratings with the sources each cites (oldest citation first), in one plain query: about
 * 130 ratings, which through Prisma's nested include cost several times the CPU.
 */
async function roundRatings(situationId: string, id: string) {
  const rows = await db.$queryRaw<{ indicatorId: string; level: RatingLevel; trend: Trend | null; confidence: Confidence | null; evidence: string; citations: string | null }[]>`
    SELECT r."indicatorId", r.level::text AS level, r.trend::text AS trend, r.confidence::text AS confidence, r.evidence,
      (SELECT json_agg(json_build_array(s.id, s.title, s.publisher, s.reliability, s.credibility) ORDER BY c."createdAt")::text
         FROM "Citation" c JOIN "Source" s ON s.id = c."sourceId" WHERE c."indicatorRatingId" = r.id) AS citations
    FROM "IndicatorRating" r JOIN "Assessment" a ON a.id = r."assessmentId"
    WHERE r."assessmentId" = ${id} AND a."situationId" = ${situationId} AND a."deletedAt" IS NULL`;
  return rows.map(({ citations, ...r }) => ({
    ...r,
    citations: ((citations ? JSON.parse(citations) : []) as [string, string, string, SourceReliability, number][]).map(([id, title, publisher, reliability, credibility]) => ({
      source: { id, title, publisher, reliability, credibility },
    })),
  }));
}
export type RoundDetail = NonNullable<Awaited<ReturnType<typeof getRound>>>;

export interface RoundLevels {
  id: string;
  assessedOn: Date;
  status: AssessmentStatus;
  scoreSummary: Prisma.JsonValue;
  ratings: { indicatorId: string; level: RatingLevel }[];
}

/**
 * A round's levels and score numbers only (not the full scores with drivers, ~11 KB): enough to compare
 * another round with it. A plain query with the ratings as one JSON array: ~130 ratings through
 * Prisma's nested select cost twice the CPU.
 */
export async function getRoundLevels(situationId: string, id: string): Promise<RoundLevels | null> {
  const [row] = await db.$queryRaw<(Omit<RoundLevels, "ratings"> & { ratings: string | null })[]>`
    SELECT a.id, a."assessedOn", a.status::text AS status, a."scoreSummary",
      (SELECT json_agg(json_build_array(r."indicatorId", r.level))::text FROM "IndicatorRating" r WHERE r."assessmentId" = a.id) AS ratings
    FROM "Assessment" a WHERE a.id = ${id} AND a."situationId" = ${situationId} AND a."deletedAt" IS NULL`;
  if (!row) return null;
  const ratings = ((row.ratings ? JSON.parse(row.ratings) : []) as [string, RatingLevel][]).map(([indicatorId, level]) => ({ indicatorId, level }));
  return { ...row, ratings };
}

/** The scores of a round to compare with (numbers, no drivers): stored once published, computed from its ratings for a draft. */
export function comparedScores(round: RoundLevels, indicators: CatalogueIndicator[], minCoverage?: number): RoundScores {
  return round.status === "PUBLISHED" && round.scoreSummary ? summaryScores(round.scoreSummary as unknown as ScoreSummaryJson) : scoreRound(scoringInput(indicators), round.ratings, { minCoverage });
}

/** The organisation's minimum coverage (percent) below which a score is low-confidence (Organisation.minScoreCoverage). */
export async function minScoreCoverage(organisationId: string): Promise<number> {
  const org = await db.organisation.findUnique({ where: { id: organisationId }, select: { minScoreCoverage: true } });
  return org?.minScoreCoverage ?? DEFAULT_MIN_COVERAGE;
}

/** A situation's live rounds as choices (date, status, publication), oldest first: no counts, no names. */
export function roundChoices(situationId: string) {
  return db.assessment.findMany({
    where: { situationId, deletedAt: null },
    orderBy: [{ assessedOn: "asc" }, { publishedAt: "asc" }, { createdAt: "asc" }],
    select: { id: true, assessedOn: true, status: true, publishedAt: true },
  });
}

/** The round's scores: stored ones once published, computed from the current ratings for a draft. */
export function roundScores(
  round: { status: string; scores: unknown; ratings: { indicatorId: string; level: RoundScores["overall"]["drivers"][number]["level"] }[] },
  indicators: CatalogueIndicator[],
  minCoverage?: number,
): RoundScores {
  const stored = round.status === "PUBLISHED" ? storedScores(round) : null;
  return stored ?? scoreRound(scoringInput(indicators), round.ratings, { minCoverage });
}

/** A published round with scores, as SQL: the rounds that summaries, trends and dashboards read. */
export const PUBLISHED_ROUND = Prisma.raw(`status = 'PUBLISHED' AND "deletedAt" IS NULL AND "overallScore" IS NOT NULL`);

/**
 * The scores of a situation's published rounds, oldest first, without their driver lists: only the
 * numbers (Assessment.scoreSummary, kept by the database in step with the full scores). Trends and
 * briefs need nothing more, and the full documents are large.
 */
export async function roundScoreSummaries(situationId: string) {
  // The summary comes as text and is parsed here: Prisma's handling of JSON values in raw results costs several times more.
  const rows = await db.$queryRaw<{ id: string; situationId: string; assessedOn: Date; summary: string }[]>`
    SELECT id, "situationId", "assessedOn", "scoreSummary"::text AS summary FROM "Assessment"
    WHERE "situationId" = ${situationId} AND ${PUBLISHED_ROUND}
    ORDER BY "assessedOn", "publishedAt"`;
  return rows.map((r) => ({ id: r.id, situationId: r.situationId, assessedOn: r.assessedOn, scores: summaryScores(JSON.parse(r.summary) as ScoreSummaryJson) }));
}

/** [rated, total, coverage percent, low-confidence], as the summary keeps them (method 2). */
export type SummaryCoverage = [number, number, number, boolean];

/** Assessment.scoreSummary as stored (see the score_summary and score_summary_coverage migrations). */
export interface ScoreSummaryJson {
  overall: number;
  crime: string | null;
  crimes: Record<string, number>;
  factors: Record<string, number>;
  /** Method 2 only. */
  method?: 2;
  coverage?: { overall: SummaryCoverage; crimes: Record<string, SummaryCoverage>; factors: Record<string, SummaryCoverage> };
  imminence?: number;
  imminenceCoverage?: SummaryCoverage;
}

const coverageOf = (c: SummaryCoverage | undefined) => (c ? { rated: c[0], total: c[1], coverage: c[2], lowConfidence: c[3] } : {});

/** A score summary in the shape of full scores, without drivers (method 1's without coverage). */
export function summaryScores(summary: ScoreSummaryJson): RoundScores {
  // Plain loops: dashboards convert hundreds of these per request.
  const cov = summary.coverage;
  const crimes: Record<string, { score: number; drivers: [] }> = {};
  for (const k in summary.crimes) crimes[k] = { score: summary.crimes[k], drivers: [], ...coverageOf(cov?.crimes[k]) };
  const factors: Record<number, { score: number; drivers: [] }> = {};
  for (const k in summary.factors) factors[Number(k)] = { score: summary.factors[k], drivers: [], ...coverageOf(cov?.factors[k]) };
  const out: RoundScores = {
    overall: { score: summary.overall, drivers: [], crime: summary.crime as ScoredCrime | null, ...coverageOf(cov?.overall) },
    crimes: crimes as unknown as RoundScores["crimes"],
    factors: factors as RoundScores["factors"],
    rated: cov ? cov.overall[0] : 0,
    total: cov ? cov.overall[1] : 0,
  };
  if (summary.method === 2) {
    out.method = 2;
    if (summary.imminence !== undefined) out.imminence = { score: summary.imminence, drivers: [], factorsPresent: 0, factorsTotal: 2, ...coverageOf(summary.imminenceCoverage) };
  }
  return out;
}
export type RoundSummary = Awaited<ReturnType<typeof roundScoreSummaries>>[number];

/** The full stored scores (with drivers) of one round. */
export async function fullScores(id: string): Promise<RoundScores | null> {
  const a = await db.assessment.findUnique({ where: { id }, select: { scores: true } });
  return a ? storedScores(a) : null;
}

/** A published round in full: its scores with the indicators driving each. */
export interface PublishedRound {
  id: string;
  assessedOn: Date;
  scores: RoundScores;
  /** With `driverTexts`: the text of each indicator rated present among its risk factors' drivers, by id. */
  driverTexts: Record<string, string>;
}

/** The indicators rated present among a round's risk factors' drivers (the "five key factors" name them with their texts). */
const FACTOR_DRIVERS_PRESENT = `$.factors.*.drivers[*] ? (@.level != "NONE").indicatorId`;

/**
 * A situation's latest `take` published rounds in full, newest first (the order of
 * roundScoreSummaries, reversed), in one query down the partial index of published rounds: the
 * situation page's five key factors (take 1, with `driverTexts`) and the brief (the latest two). Read
 * this way instead of all the situation's summaries, then the full scores, then the texts, one
 * after another (bench/HISTORY.md). Full scores come as text and are parsed here (see
 * roundScoreSummaries); publishing and re-scoring always store them.
 */
export async function latestPublishedRounds(situationId: string, take: number, opts: { driverTexts?: boolean } = {}): Promise<PublishedRound[]> {
  const texts = opts.driverTexts
    ? // Looked up by id (an IN over the path's rows hashed the whole catalogue instead: 0.82 -> 0.55 ms a query).
      Prisma.sql`(SELECT json_object_agg(i.id, i.text)::text FROM "Indicator" i
         WHERE i.id = ANY(ARRAY(SELECT jsonb_path_query(a.scores, ${FACTOR_DRIVERS_PRESENT}::jsonpath) #>> '{}')))`
    : Prisma.sql`NULL::text`;
  const rows = await db.$queryRaw<{ id: string; assessedOn: Date; scores: string; texts: string | null }[]>`
    SELECT a.id, a."assessedOn", a.scores::text AS scores, ${texts} AS texts
    FROM "Assessment" a
    WHERE a."situationId" = ${situationId} AND ${PUBLISHED_ROUND}
    ORDER BY a."assessedOn" DESC, a."publishedAt" DESC
    LIMIT ${take}`;
  return rows.map((r) => ({
    id: r.id,
    assessedOn: r.assessedOn,
    scores: JSON.parse(r.scores) as RoundScores,
    driverTexts: r.texts ? (JSON.parse(r.texts) as Record<string, string>) : {},
  }));
}
