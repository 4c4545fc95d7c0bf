import "server-only";
// The brief's cited claims (issue #29), in the brief's order: each crime's status and rationale,
// the latest published round's ratings (every rated indicator, with its evidence), and the
// responses; each with the sources it cites. The sources are numbered at their first citation
// (./citations.ts) and listed with their grading, UN symbol or address and dates.
import { db } from "@/lib/db";
import { isoDate } from "@/lib/format";
import { compareCodes } from "@/lib/indicators/score";
import { numberSources, type CitedSource } from "./citations";

interface CrimeClaim {
  crime: string;
  status: string;
  rationale: string;
  sourceIds: string[];
}
interface ResponseClaim {
  id: string;
  sourceIds: string[];
}

export interface RatingClaim {
  indicatorId: string;
  code: string;
  factor: number;
  text: string;
  level: string;
  evidence: string;
  sourceIds: string[];
}

export interface BriefClaims {
  ratings: RatingClaim[];
  /** The number of each cited source. */
  numbers: Map<string, number>;
  /** The numbered source list, by number. */
  sources: CitedSource[];
}

/** The latest round's ratings with their evidence and citations, by indicator code. */
async function ratingClaims(roundId: string | null): Promise<RatingClaim[]> {
  if (!roundId) return [];
  const rows = await db.indicatorRating.findMany({
    where: { assessmentId: roundId },
    select: { indicatorId: true, level: true, evidence: true, indicator: { select: { code: true, riskFactorNumber: true, text: true } }, citations: { orderBy: { createdAt: "asc" }, select: { sourceId: true } } },
  });
  return rows
    .map((r) => ({ indicatorId: r.indicatorId, code: r.indicator.code, factor: r.indicator.riskFactorNumber, text: r.indicator.text, level: r.level, evidence: r.evidence, sourceIds: r.citations.map((c) => c.sourceId) }))
    .sort((a, b) => a.factor - b.factor || compareCodes(a.code, b.code));
}

export async function briefClaims(crimes: CrimeClaim[], latestRoundId: string | null, responses: ResponseClaim[]): Promise<BriefClaims> {
  const ratings = await ratingClaims(latestRoundId);
  const claims = [...crimes, ...ratings, ...responses];
  const cited = [...new Set(claims.flatMap((c) => c.sourceIds))];
  // A deleted source is not listed, and no claim is marked with it.
  const rows = cited.length
    ? await db.source.findMany({
        where: { id: { in: cited }, deletedAt: null },
        select: { id: true, title: true, publisher: true, reliability: true, credibility: true, url: true, unSymbol: true, publishedOn: true, accessedOn: true },
      })
    : [];
  const live = new Set(rows.map((r) => r.id));
  const numbers = numberSources(claims.map((c) => ({ sourceIds: c.sourceIds.filter((id) => live.has(id)) })));
  const sources = rows
    .map((s) => ({ ...s, n: numbers.get(s.id)!, publishedOn: s.publishedOn ? isoDate(s.publishedOn) : null, accessedOn: s.accessedOn ? isoDate(s.accessedOn) : null }))
    .sort((a, b) => a.n - b.n);
  return { ratings, numbers, sources };
}
