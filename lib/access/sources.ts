// Who may see a source and who may change it, stated once: a source belongs to one
// organisation's library and is never shared (what cites it may be; its title shows there).
import type { Prisma } from "@/lib/generated/prisma/client";
import { hasRole } from "@/lib/auth/roles";
import type { CurrentMembership } from "./session";

/** May see a source (and its attached file): the members of its organisation, while it is not deleted. */
export function sourceVisibleWhere(membership: Pick<CurrentMembership, "organisationId">): Prisma.SourceWhereInput {
  return { organisationId: membership.organisationId, deletedAt: null };
}

/** May change a source (and attach or remove its file): an analyst or administrator of its organisation. */
export function canChangeSource(membership: CurrentMembership, s: { organisationId: string }): boolean {
  return s.organisationId === membership.organisationId && hasRole(membership.role, "ANALYST");
}

/**
 * May open the sources a record cites: a record cites only its own organisation's sources, so their
 * pages open for that organisation's members; others (the coalition, on a shared situation) read
 * the cited title and grading only.
 */
export function canOpenCitedSources(membership: Pick<CurrentMembership, "organisationId">, record: { organisationId: string }): boolean {
  return record.organisationId === membership.organisationId;
}
