// Who may see an external rating and who may change it, stated once (see ./situations.ts for the
// situation's rule). A rating is read wherever its situation is; only the organisation that
// recorded it changes it.
import { Prisma } from "@/lib/generated/prisma/client";
import { hasRole } from "@/lib/auth/roles";
import type { CurrentMembership } from "./session";
import { situationListedSql, situationListedWhere, situationVisibleSql, situationVisibleWhere } from "./situations";

type Member = Pick<CurrentMembership, "organisationId">;

/** May see an external rating: whoever may see its situation, while the rating is not deleted. */
export function externalRatingVisibleWhere(membership: Member): Prisma.ExternalRatingWhereInput {
  return { deletedAt: null, situation: situationVisibleWhere(membership) };
}

/** What lists and the dashboard show: the ratings of the situations the member's lists show. */
export function externalRatingListedWhere(membership: Member): Prisma.ExternalRatingWhereInput {
  return { deletedAt: null, situation: situationListedWhere(membership) };
}

/** externalRatingVisibleWhere as SQL: on the ExternalRating table `alias` joined to its situation as `situationAlias`, for $queryRaw. */
export function externalRatingVisibleSql(membership: Member, alias: string, situationAlias: string): Prisma.Sql {
  if (!/^[a-z_]+$/.test(alias)) throw new Error(`Not a table alias: ${alias}`);
  return Prisma.sql`${Prisma.raw(alias)}."deletedAt" IS NULL AND ${situationVisibleSql(membership, situationAlias)}`;
}

/**
 * externalRatingListedWhere as SQL: on the ExternalRating table `alias` joined to its situation as
 * `situationAlias` (the query joins them), for $queryRaw.
 */
export function externalRatingListedSql(membership: Member, alias: string, situationAlias: string): Prisma.Sql {
  if (!/^[a-z_]+$/.test(alias)) throw new Error(`Not a table alias: ${alias}`);
  return Prisma.sql`${Prisma.raw(alias)}."deletedAt" IS NULL AND ${situationListedSql(membership, situationAlias)}`;
}

/** May change (edit, delete) an external rating: an analyst or administrator of the organisation that recorded it. */
export function canChangeExternalRating(membership: CurrentMembership, r: { organisationId: string | null }): boolean {
  return r.organisationId !== null && r.organisationId === membership.organisationId && hasRole(membership.role, "ANALYST");
}
