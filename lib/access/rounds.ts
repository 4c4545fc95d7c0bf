// Who may see an assessment round (and its ratings) and who may change it, stated once (see
// ./situations.ts for the situation's rule a round follows).
import type { Prisma } from "@/lib/generated/prisma/client";
import { hasRole } from "@/lib/auth/roles";
import type { CurrentMembership } from "./session";
import { situationVisibleWhere } from "./situations";

type Member = Pick<CurrentMembership, "organisationId">;

/**
 * May see a round and its ratings: whoever may see its situation (its own organisation's members,
 * and the coalition while the situation is shared and not archived), while the round is not deleted.
 */
export function roundVisibleWhere(membership: Member): Prisma.AssessmentWhereInput {
  return { deletedAt: null, situation: situationVisibleWhere(membership) };
}

/** May change a round (rate, publish, delete a draft): an analyst or administrator of the organisation that keeps it. */
export function canChangeRound(membership: CurrentMembership, round: { organisationId: string }): boolean {
  return round.organisationId === membership.organisationId && hasRole(membership.role, "ANALYST");
}
