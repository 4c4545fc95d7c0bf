// Who may see an event and who may change it, stated once (see ./situations.ts for the situation's rule).
import type { Prisma } from "@/lib/generated/prisma/client";
import { hasRole } from "@/lib/auth/roles";
import type { CurrentMembership } from "./session";
import { situationSharedWithWhere, type SqlValue } from "./situations";

/**
 * May see an event: its own organisation's members, and every member of the coalition while its
 * situation is shared and not archived. (The event list's SQL reads the same two parts: the
 * organisation's own events, and those of the shared situations from situationSharedWhere.)
 */
export function eventVisibleWhere(membership: Pick<CurrentMembership, "organisationId" | "inCoalition">): Prisma.EventWhereInput {
  return { deletedAt: null, OR: [{ organisationId: membership.organisationId }, { situation: situationSharedWithWhere(membership) }] };
}

/** May change an event: an analyst or administrator of its own organisation. */
export function canChangeEvent(membership: CurrentMembership, e: { organisationId: string }): boolean {
  return e.organisationId === membership.organisationId && hasRole(membership.role, "ANALYST");
}

/** Other organisations' situations whose events a member sees: those shared with the coalition and not archived (none out of the coalition). */
export function situationsSharedByOthersWhere(membership: Pick<CurrentMembership, "organisationId" | "inCoalition">): Prisma.SituationWhereInput {
  return { ...situationSharedWithWhere(membership), organisationId: { not: membership.organisationId } };
}

/**
 * eventVisibleWhere in two disjoint parts, for lists read down their indexes part by part and
 * merged: the organisation's own events, and other organisations' events in the situations of
 * situationsSharedByOthersWhere (passed by id: they are read once per request).
 */
export function eventOwnPartWhere(membership: Pick<CurrentMembership, "organisationId">): Prisma.EventWhereInput {
  return { deletedAt: null, organisationId: membership.organisationId };
}

/** The second part of eventVisibleWhere (see eventOwnPartWhere). */
export function eventSharedPartWhere(membership: Pick<CurrentMembership, "organisationId">, sharedSituationIds: string[]): Prisma.EventWhereInput {
  return { deletedAt: null, situationId: { in: sharedSituationIds }, organisationId: { not: membership.organisationId } };
}

/** The own part as SQL text on the Event table `alias` (the caller adds "deletedAt" IS NULL with its filters). */
export function eventOwnPartSqlText(membership: Pick<CurrentMembership, "organisationId">, alias: string, value: SqlValue): string {
  return `${eventAlias(alias)}."organisationId" = ${value(membership.organisationId)}`;
}

/** The shared part's "not the organisation's own" as SQL text, beside the shared situations' ids. */
export function eventNotOwnSqlText(membership: Pick<CurrentMembership, "organisationId">, alias: string, value: SqlValue): string {
  return `${eventAlias(alias)}."organisationId" <> ${value(membership.organisationId)}`;
}

function eventAlias(alias: string) {
  if (!/^[a-z_][a-z0-9_]*$/i.test(alias)) throw new Error(`Not a table alias: ${alias}`);
  return alias;
}
