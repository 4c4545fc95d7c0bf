import "server-only";
// The analyst's decision on a suggested change of rating (issue #28): stored with its reason, and
// audited; taking it sets that one rating of the draft round (a new version of the round, so a form
// opened before merges it as it merges a colleague's save). A suggestion is never applied otherwise.
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/action";
import { writeAudit } from "@/lib/audit/write-audit";
import { ActionError, ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import { canChangeRound, roundVisibleWhere } from "@/lib/access/rounds";
import { RATING_LEVEL_LABELS as LEVEL_LABELS } from "@/lib/labels";
import { roundEvidence } from "./queries";
import type { DecideSuggestionInput } from "./schemas";

export async function decideSuggestion({ user, membership }: Actor, input: DecideSuggestionInput) {
  return db.$transaction(async (tx) => {
    // Serialises decisions and saves of this round: the row is locked until the transaction ends.
    await tx.$executeRaw`SELECT 1 FROM "Assessment" WHERE id = ${input.roundId} FOR UPDATE`;
    const round = await tx.assessment.findFirst({ where: { id: input.roundId, ...roundVisibleWhere(membership) }, include: { situation: { select: { archivedAt: true } } } });
    if (!round) throw new NotFoundError("This round does not exist, or you cannot see it.");
    if (!canChangeRound(membership, round)) throw new ForbiddenError("This round belongs to another organisation: you can read it but not change it.");
    if (round.status !== "DRAFT") throw new ActionError("This round is published: its ratings do not change. Start a new round to take the evidence into account.");
    if (round.situation.archivedAt) throw new ActionError("This situation is archived. Restore it before changing its rounds.");
    const evidence = (await roundEvidence(membership, round.situationId, round, tx, input.indicatorId)).indicators[input.indicatorId];
    if (!evidence?.suggested) throw new ActionError("The evidence no longer suggests a change for this indicator (events were edited or removed). Reload the page to see it as it is now.", "CONFLICT");
    if (evidence.decision) throw new ActionError(`${evidence.decision.decidedBy} already decided on this suggestion. Reload the page to see their decision.`, "CONFLICT");
    const current = await tx.indicatorRating.findUnique({ where: { assessmentId_indicatorId: { assessmentId: round.id, indicatorId: input.indicatorId } } });
    const record = {
      fromLevel: evidence.published,
      suggestedLevel: evidence.suggested,
      evidence: { events: evidence.events, killed: evidence.killed, unknownKilled: evidence.unknownKilled, sources: evidence.sources, recentEventIds: evidence.recent.map((e) => e.id) },
      decision: input.decision,
      reason: input.reason,
      decidedById: user.id,
      decidedAt: new Date(),
    };
    await tx.ratingSuggestion.upsert({
      where: { assessmentId_indicatorId: { assessmentId: round.id, indicatorId: input.indicatorId } },
      create: { assessmentId: round.id, indicatorId: input.indicatorId, ...record },
      update: record,
    });
    let version = round.version;
    if (input.decision === "ACCEPTED") {
      await tx.indicatorRating.upsert({
        where: { assessmentId_indicatorId: { assessmentId: round.id, indicatorId: input.indicatorId } },
        create: { assessmentId: round.id, indicatorId: input.indicatorId, level: evidence.suggested, evidence: input.reason },
        update: { level: evidence.suggested },
      });
      version = (await tx.assessment.update({ where: { id: round.id }, data: { version: { increment: 1 } }, select: { version: true } })).version;
    }
    await writeAudit(tx, {
      userId: user.id,
      organisationId: membership.organisationId,
      action: input.decision === "ACCEPTED" ? "assessment.suggestion_accepted" : "assessment.suggestion_declined",
      entityType: "Assessment",
      entityId: round.id,
      before: { level: current ? LEVEL_LABELS[current.level] : "Not assessed" },
      after: { level: input.decision === "ACCEPTED" ? LEVEL_LABELS[evidence.suggested] : current ? LEVEL_LABELS[current.level] : "Not assessed", suggested: LEVEL_LABELS[evidence.suggested], reason: input.reason },
      meta: { situationId: round.situationId, indicatorId: input.indicatorId, events: evidence.events },
    });
    return { situationId: round.situationId, roundId: round.id, version, decision: input.decision };
  });
}
