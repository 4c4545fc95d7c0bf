// Published rounds recorded before scores were stored (earlier releases) get their scores
// computed once, with the method of their time (method 1: their methodVersion is 1). Run by the
// seed (npm run setup).
import type { Db } from "@/lib/db-client";
import { indicatorCatalogueWhere } from "@/lib/access/indicators";
import type { Prisma } from "@/lib/generated/prisma/client";
import { scoreRoundV1, toScoringInput } from "./score";

export async function backfillRoundScores(db: Db): Promise<number> {
  const rounds = await db.assessment.findMany({
    where: { status: "PUBLISHED", overallScore: null },
    select: { id: true, organisationId: true, ratings: { select: { indicatorId: true, level: true } } },
  });
  for (const r of rounds) {
    const indicators = await db.indicator.findMany({
      where: indicatorCatalogueWhere(r),
      select: { id: true, code: true, riskFactorNumber: true, retiredAt: true },
    });
    const scores = scoreRoundV1(
      indicators.map(toScoringInput),
      r.ratings,
    );
    await db.assessment.update({ where: { id: r.id }, data: { overallScore: scores.overall.score, scores: scores as unknown as Prisma.InputJsonValue } });
  }
  return rounds.length;
}
