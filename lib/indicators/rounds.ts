import "server-only";
import { db } from "@/lib/db";
import { scoreRound, type RoundScores } from "./score";

/** Every indicator an organisation rates with (the Framework's and its own), retired ones included. */
export function indicatorsFor(organisationId: string) {
  return db.indicator.findMany({
    where: { OR: [{ organisationId: null }, { organisationId }] },
    orderBy: [{ riskFactorNumber: "asc" }, { position: "asc" }],
    select: { id: true, code: true, text: true, riskFactorNumber: true, organisationId: true, retiredAt: true },
  });
}
export type CatalogueIndicator = Awaited<ReturnType<typeof indicatorsFor>>[number];

export function scoringInput(indicators: CatalogueIndicator[]) {
  return indicators.map((i) => ({ id: i.id, code: i.code, factor: i.riskFactorNumber, retired: i.retiredAt !== null }));
}

/** A situation's rounds, oldest first (live ones only). */
export function listRounds(situationId: string) {
  return db.assessment.findMany({
    where: { situationId, deletedAt: null },
    orderBy: [{ assessedOn: "asc" }, { publishedAt: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      assessedOn: true,
      status: true,
      overallScore: true,
      scores: true,
      version: true,
      publishedAt: true,
      createdBy: { select: { name: true } },
      publishedBy: { select: { name: true } },
      _count: { select: { ratings: true } },
    },
  });
}
export type RoundListItem = Awaited<ReturnType<typeof listRounds>>[number];

/** The scores stored at publication (see lib/indicators/score.ts). */
export function storedScores(round: { scores: unknown }): RoundScores | null {
  return (round.scores as RoundScores | null) ?? null;
}

export async function getRound(situationId: string, id: string) {
  return db.assessment.findFirst({
    where: { id, situationId, deletedAt: null },
    include: {
      createdBy: { select: { name: true } },
      publishedBy: { select: { name: true } },
      ratings: {
        select: {
          indicatorId: true,
          level: true,
          trend: true,
          confidence: true,
          evidence: true,
          citations: { select: { source: { select: { id: true, title: true, publisher: true, reliability: true, credibility: true } } }, orderBy: { createdAt: "asc" } },
        },
      },
    },
  });
}
export type RoundDetail = NonNullable<Awaited<ReturnType<typeof getRound>>>;

/** The round's scores: stored ones once published, computed from the current ratings for a draft. */
export function roundScores(round: { status: string; scores: unknown; ratings: { indicatorId: string; level: RoundScores["overall"]["drivers"][number]["level"] }[] }, indicators: CatalogueIndicator[]): RoundScores {
  const stored = round.status === "PUBLISHED" ? storedScores(round) : null;
  return stored ?? scoreRound(scoringInput(indicators), round.ratings);
}

/** The published round just before `round` (by date, then publication), to compare with. */
export function previousPublishedRound(situationId: string, round: { id: string; assessedOn: Date; publishedAt: Date | null }) {
  return db.assessment.findFirst({
    where: {
      situationId,
      deletedAt: null,
      status: "PUBLISHED",
      id: { not: round.id },
      OR: [{ assessedOn: { lt: round.assessedOn } }, ...(round.publishedAt ? [{ assessedOn: round.assessedOn, publishedAt: { lt: round.publishedAt } }] : [{ assessedOn: round.assessedOn }])],
    },
    orderBy: [{ assessedOn: "desc" }, { publishedAt: "desc" }],
    select: { id: true },
  });
}
