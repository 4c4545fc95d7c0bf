// Which indicators an organisation works with, and who may change them, stated once: the UN
// Framework's own indicators (no organisation) are everyone's and nobody changes them; an
// organisation's own indicators are its members' alone, changed by its administrators.
import { Prisma } from "@/lib/generated/prisma/client";
import { hasRole } from "@/lib/auth/roles";
import type { CurrentMembership } from "./session";

type Member = Pick<CurrentMembership, "organisationId">;

/** The organisation's catalogue: the Framework's indicators and its own (retired ones included; callers filter those). */
export function indicatorCatalogueWhere(membership: Member): Prisma.IndicatorWhereInput {
  return { OR: [{ organisationId: null }, { organisationId: membership.organisationId }] };
}

/** indicatorCatalogueWhere as a Prisma.Sql fragment on the Indicator table (unaliased), for $queryRaw. */
export function indicatorCatalogueSql(membership: Member): Prisma.Sql {
  return Prisma.sql`("organisationId" IS NULL OR "organisationId" = ${membership.organisationId})`;
}

/** In the organisation's catalogue (may be rated, cited and shown there). */
export function isInCatalogue(membership: Member, indicator: { organisationId: string | null }): boolean {
  return indicator.organisationId === null || indicator.organisationId === membership.organisationId;
}

/** The Framework's own indicators are nobody's to change. */
export function isFrameworkIndicator(indicator: { organisationId: string | null }): boolean {
  return indicator.organisationId === null;
}

/** May change (word, retire) an indicator: an administrator of the organisation whose own indicator it is. */
export function canChangeIndicator(membership: CurrentMembership, indicator: { organisationId: string | null }): boolean {
  return indicator.organisationId === membership.organisationId && hasRole(membership.role, "ADMIN");
}
