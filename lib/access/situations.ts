// Who may see a situation and who may change it, stated once. Everything that reads situations
// (Prisma queries, raw SQL, COPY exports) and everything hanging off one (rounds, responses,
// events) asks here for its condition instead of writing the coalition rule again.
import { Prisma } from "@/lib/generated/prisma/client";
import { hasRole } from "@/lib/auth/roles";
import type { CurrentMembership } from "./session";

type Member = Pick<CurrentMembership, "organisationId" | "inCoalition">;

/**
 * An organisation whose situations the coalition sees (issue #30): one that has not left the
 * coalition (or been removed by the secretariat) and is not suspended by the secretariat. Its own
 * members see its situations either way (while it is not suspended: then they cannot work in it at
 * all, lib/access/session.ts).
 */
export function organisationSharingWhere() {
  return { suspendedAt: null, leftAt: null } satisfies Prisma.OrganisationWhereInput;
}

/**
 * Shared with the coalition: every member of every organisation may see it, while it is not
 * archived and its organisation shares with the coalition (organisationSharingWhere).
 */
export function situationSharedWhere() {
  return { visibility: "COALITION", archivedAt: null, organisation: organisationSharingWhere() } satisfies Prisma.SituationWhereInput;
}

/** The member's organisation is in the coalition (it has not left it, nor been removed): it sees what others share. */
export function sharesInCoalition(membership: Member): boolean {
  return membership.inCoalition !== false;
}

/**
 * What the member sees of others' situations: situationSharedWhere, or nothing for a member of an
 * organisation that left the coalition (or was removed from it). Every read of the coalition's
 * situations (this file, events.ts, responses.ts) goes through here.
 */
export function situationSharedWithWhere(membership: Member): Prisma.SituationWhereInput {
  return sharesInCoalition(membership) ? situationSharedWhere() : { id: { in: [] } };
}

/**
 * May see (open) a situation: its own organisation's members, archived or not, and every member of
 * the coalition while it is shared and not archived (not a member of an organisation out of the coalition).
 */
export function situationVisibleWhere(membership: Member): Prisma.SituationWhereInput {
  return { OR: [{ organisationId: membership.organisationId }, situationSharedWithWhere(membership)] };
}

/** What lists, counts, dashboards and exports show: the visible situations that are not archived. */
export function situationListedWhere(membership: Member): Prisma.SituationWhereInput {
  return { archivedAt: null, ...situationVisibleWhere(membership) };
}

/** How a value goes into SQL text: a literal (pg's escapeLiteral) or a bind parameter ($1...). */
export type SqlValue = (value: string) => string;

function tableAlias(alias: string) {
  if (!/^[a-z_][a-z0-9_]*$/i.test(alias)) throw new Error(`Not a table alias: ${alias}`);
  return `"${alias}"`;
}

/** situationSharedWhere as SQL text on the Situation table `alias`. */
function sharedSqlText(alias: string): string {
  const t = tableAlias(alias);
  return `(${t}.visibility = 'COALITION' AND ${t}."archivedAt" IS NULL AND EXISTS (SELECT 1 FROM "Organisation" sharing_org WHERE sharing_org.id = ${t}."organisationId" AND sharing_org."suspendedAt" IS NULL AND sharing_org."leftAt" IS NULL))`;
}

/** situationVisibleWhere as SQL text on the Situation table `alias`, for queries written as text (COPY takes no bind parameters). */
export function situationVisibleSqlText(membership: Member, alias: string, value: SqlValue): string {
  return `(${tableAlias(alias)}."organisationId" = ${value(membership.organisationId)} OR ${sharesInCoalition(membership) ? sharedSqlText(alias) : "FALSE"})`;
}

/** situationListedWhere as SQL text on the Situation table `alias`. */
export function situationListedSqlText(membership: Member, alias: string, value: SqlValue): string {
  return `${tableAlias(alias)}."archivedAt" IS NULL AND ${situationVisibleSqlText(membership, alias, value)}`;
}

/** SQL text whose values were written by `value` as NUL markers, as a Prisma.Sql with those values bound. */
function bound(build: (value: SqlValue) => string): Prisma.Sql {
  const values: string[] = [];
  const text = build((v) => {
    values.push(v);
    return "\u0000";
  });
  return new Prisma.Sql(text.split("\u0000"), values);
}

/** situationVisibleWhere as a Prisma.Sql fragment on the Situation table `alias`, for $queryRaw. */
export function situationVisibleSql(membership: Member, alias: string): Prisma.Sql {
  return bound((value) => situationVisibleSqlText(membership, alias, value));
}

/** situationListedWhere as a Prisma.Sql fragment on the Situation table `alias`, for $queryRaw. */
export function situationListedSql(membership: Member, alias: string): Prisma.Sql {
  return bound((value) => situationListedSqlText(membership, alias, value));
}

/**
 * May see in any of their organisations: what a person's own things span (their alerts inbox),
 * not what one organisation's pages show.
 */
export function situationVisibleToAnyWhere(memberships: Member[]): Prisma.SituationWhereInput {
  const shared = memberships.some(sharesInCoalition);
  return { OR: [{ organisationId: { in: memberships.map((m) => m.organisationId) } }, ...(shared ? [situationSharedWhere()] : [])] };
}

/** situationVisibleToAnyWhere as a Prisma.Sql fragment on the Situation table `alias`. */
export function situationVisibleToAnySql(memberships: Member[], alias: string): Prisma.Sql {
  const ids = memberships.map((m) => m.organisationId);
  return Prisma.sql`(${Prisma.raw(tableAlias(alias))}."organisationId" = ANY(${ids}::text[]) OR ${Prisma.raw(memberships.some(sharesInCoalition) ? sharedSqlText(alias) : "FALSE")})`;
}

/** Shared with the coalition now, as situationSharedWhere says, for a situation already read with its organisation's status. */
function isShared(s: SituationWithOrganisation): boolean {
  return s.visibility === "COALITION" && !s.archivedAt && !s.organisation.suspendedAt && !s.organisation.leftAt;
}

/** A situation as the rules that decide on one already read need it: with its organisation's coalition status. */
export type SituationWithOrganisation = { organisationId: string; visibility: string; archivedAt?: Date | null; organisation: { suspendedAt: Date | null; leftAt: Date | null } };

/** What to select of a situation's organisation for those rules. */
export const SITUATION_ORGANISATION_STATUS = { select: { suspendedAt: true, leftAt: true } } as const;

/**
 * The people who may see a situation now, as a `User` filter: an active account with a membership
 * that is not deactivated, in an organisation that is not suspended: the owning organisation, or
 * any organisation in the coalition while the situation is shared with it (situationSharedWhere). Deactivating a member
 * ends only that membership's access (the account stays active for their other organisations), so
 * whoever is told about a situation (alerts, e-mails) is chosen by this.
 */
export function situationViewersWhere(situation: SituationWithOrganisation): Prisma.UserWhereInput {
  const own = { deactivatedAt: null, organisationId: situation.organisationId, organisation: { suspendedAt: null } } satisfies Prisma.MembershipWhereInput;
  const inCoalition = { deactivatedAt: null, organisation: { suspendedAt: null, leftAt: null } } satisfies Prisma.MembershipWhereInput;
  return { active: true, memberships: { some: isShared(situation) ? { OR: [own, inCoalition] } : own } };
}

/**
 * The members of the organisation that keeps a situation (active accounts, memberships not
 * deactivated), as a `User` filter: whom its own news concerns (alerts for "all our situations").
 */
export function situationMembersWhere(situation: { organisationId: string }): Prisma.UserWhereInput {
  return { active: true, memberships: { some: { organisationId: situation.organisationId, deactivatedAt: null, organisation: { suspendedAt: null } } } };
}

/** A situation another organisation shares with the coalition (what its events and responses show to others). */
export function isSharedSituation(membership: Member, s: SituationWithOrganisation): boolean {
  return s.organisationId !== membership.organisationId && sharesInCoalition(membership) && isShared(s);
}

/** The caller's organisation owns the situation: only its members change it and what hangs on it (rounds, responses, events). */
export function isOwnSituation(membership: Member, s: { organisationId: string }): boolean {
  return s.organisationId === membership.organisationId;
}

/** The situations the member's organisation keeps: the guard repeated in every write's WHERE. */
export function situationOwnedWhere(membership: Member): Prisma.SituationWhereInput {
  return { organisationId: membership.organisationId };
}

/** May change a situation: an analyst or administrator of its own organisation. */
export function canChangeSituation(membership: CurrentMembership, s: { organisationId: string }): boolean {
  return isOwnSituation(membership, s) && hasRole(membership.role, "ANALYST");
}
