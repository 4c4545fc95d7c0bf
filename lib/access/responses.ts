// Who may see a response and who may change it, stated once (see ./situations.ts for the situation's rule).
import type { Prisma } from "@/lib/generated/prisma/client";
import { hasRole } from "@/lib/auth/roles";
import type { CurrentMembership } from "./session";
import { situationListedWhere, situationSharedWithWhere } from "./situations";

type Member = Pick<CurrentMembership, "organisationId" | "inCoalition">;

/** What the responses list and export show: the responses of the situations the member's lists show. */
export function responseListedWhere(membership: Member): Prisma.ResponseWhereInput {
  return { deletedAt: null, situation: situationListedWhere(membership) };
}

/**
 * May see (open) a response: its own organisation's members, and every member of the coalition
 * while its situation is shared and not archived.
 */
export function responseVisibleWhere(membership: Member): Prisma.ResponseWhereInput {
  return { deletedAt: null, OR: [{ organisationId: membership.organisationId }, { situation: situationSharedWithWhere(membership) }] };
}

/** May change a response: an analyst or administrator of its own organisation. */
export function canChangeResponse(membership: CurrentMembership, r: { organisationId: string }): boolean {
  return r.organisationId === membership.organisationId && hasRole(membership.role, "ANALYST");
}
