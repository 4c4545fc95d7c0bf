// Who may see an event and who may change it, stated once (see ./situations.ts for the situation's rule).
import type { Prisma } from "@/lib/generated/prisma/client";
import { hasRole } from "@/lib/auth/roles";
import type { CurrentMembership } from "./session";
import { situationSharedWhere } from "./situations";

/**
 * May see an event: its own organisation's members, and every member of the coalition while its
 * situation is shared and not archived. (The event list's SQL reads the same two parts: the
 * organisation's own events, and those of the shared situations from situationSharedWhere.)
 */
export function eventVisibleWhere(membership: Pick<CurrentMembership, "organisationId">): Prisma.EventWhereInput {
  return { deletedAt: null, OR: [{ organisationId: membership.organisationId }, { situation: situationSharedWhere() }] };
}

/** May change an event: an analyst or administrator of its own organisation. */
export function canChangeEvent(membership: CurrentMembership, e: { organisationId: string }): boolean {
  return e.organisationId === membership.organisationId && hasRole(membership.role, "ANALYST");
}
