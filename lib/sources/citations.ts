import "server-only";
import type { Tx } from "@/lib/db";

/** The claim a set of citations belongs to: exactly one of these. */
export type CitingClaim = { crimeAssessmentId: string } | { responseId: string } | { eventId: string } | { indicatorRatingId: string } | { situationId: string };

/**
 * Makes the claim cite exactly `sourceIds`: removes citations of sources no longer wanted and
 * adds the new ones (sources already validated with assertOwnSources).
 */
export async function syncCitations(tx: Tx, claim: CitingClaim, sourceIds: string[], userId: string): Promise<void> {
  const wanted = [...new Set(sourceIds)];
  await tx.citation.deleteMany({ where: { ...claim, sourceId: { notIn: wanted } } });
  const existing = await tx.citation.findMany({ where: { ...claim }, select: { sourceId: true } });
  const had = new Set(existing.map((c) => c.sourceId));
  const added = wanted.filter((s) => !had.has(s));
  if (added.length) await tx.citation.createMany({ data: added.map((sourceId) => ({ ...claim, sourceId, createdById: userId })) });
}
