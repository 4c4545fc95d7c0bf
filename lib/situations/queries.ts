import "server-only";
import { db } from "@/lib/db";
import { readDb } from "@/lib/db-replica";
import { PAGE_SIZE, pageCount, pageSkip } from "@/lib/paging";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentMembership } from "@/lib/auth/current-user";
import { situationListedSql, situationListedWhere, situationVisibleWhere } from "@/lib/access/situations";
import type { RiskCategory } from "@/lib/generated/prisma/enums";
import type { SituationListQuery } from "./schemas";

/** What a member's lists show: their organisation's situations and those shared with the coalition, none archived (lib/access/situations.ts). */
export function visibleSituationsWhere(membership: CurrentMembership): Prisma.SituationWhereInput {
  return situationListedWhere(membership);
}

/** The same rule as SQL, for raw queries (`alias` is the Situation table's name in the query). */
export function visibleSituationsSql(membership: CurrentMembership, alias: string) {
  return situationListedSql(membership, alias);
}

const listSelect = {
  id: true,
  title: true,
  scope: true,
  riskCategory: true,
  visibility: true,
  isDemo: true,
  lastAssessedAt: true,
  updatedAt: true,
  archivedAt: true,
  organisationId: true,
  organisation: { select: { name: true } },
  country: { select: { name: true, iso3: true, region: true } },
  updatedBy: { select: { name: true } },
  crimes: { select: { crime: true, status: true } },
} satisfies Prisma.SituationSelect;

/**
 * Pages of situations load their relations per query: joined, they would be built for every
 * matching situation before the page is cut (4.9 vs 3.7 ms for 25 of 206; it grows with the list).
 */
const PAGED = "query" as const;

/** The most recently updated situations a member may see. */
export async function listVisibleSituations(membership: CurrentMembership, take = 50) {
  return db.situation.findMany({
    where: visibleSituationsWhere(membership),
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take,
    select: listSelect,
    relationLoadStrategy: PAGED,
  });
}

/**
 * The dashboard's "recently updated": a few situations with their country and last editor only. A
 * plain query: Prisma's findMany with the listing rule's nested filters and the two relations
 * joined took 2.7-3.7 ms of CPU for five rows at the benchmark's scale (the list's full rows and
 * relations: 5.3).
 */
export async function recentlyUpdatedSituations(membership: CurrentMembership, take: number) {
  const rows = await db.$queryRaw<{ id: string; title: string; riskCategory: RiskCategory; updatedAt: Date; countryName: string; updatedByName: string }[]>`
    SELECT s.id, s.title, s."riskCategory"::text AS "riskCategory", s."updatedAt",
      -- Looked up for the rows kept only (joined, every visible situation was: 0.80 -> 0.45 ms).
      (SELECT c.name FROM "Country" c WHERE c.iso3 = s."countryIso3") AS "countryName", (SELECT u.name FROM "User" u WHERE u.id = s."updatedById") AS "updatedByName"
    FROM "Situation" s
    WHERE ${visibleSituationsSql(membership, "s")}
    ORDER BY s."updatedAt" DESC, s.id DESC
    LIMIT ${take}`;
  return rows.map((r) => ({ id: r.id, title: r.title, riskCategory: r.riskCategory, updatedAt: r.updatedAt, country: { name: r.countryName }, updatedBy: { name: r.updatedByName } }));
}

/** Ids of situations whose title, summary or notes match a search, by PostgreSQL full-text search. */
async function searchIds(q: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Situation"
    WHERE to_tsvector('english', "title" || ' ' || "summary" || ' ' || "notes") @@ websearch_to_tsquery('english', ${q})
       OR "title" ILIKE ${"%" + q.replace(/[\\%_]/g, (c) => "\\" + c) + "%"}
    LIMIT 5000`;
  return rows.map((r) => r.id);
}

const ORDER: Record<NonNullable<SituationListQuery["sort"]>, Prisma.SituationOrderByWithRelationInput[]> = {
  updated: [{ updatedAt: "desc" }, { id: "desc" }],
  title: [{ title: "asc" }, { id: "asc" }],
  risk: [{ riskCategory: "asc" }, { updatedAt: "desc" }, { id: "desc" }],
  country: [{ country: { name: "asc" } }, { title: "asc" }, { id: "asc" }],
  assessed: [{ lastAssessedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
};

/** The situations list: filters, search, sort and pages, all from the URL. */
/** The list's filters as a query condition (also used by exports, so they export what the list shows). */
export async function situationListWhere(membership: CurrentMembership, query: SituationListQuery): Promise<Prisma.SituationWhereInput> {
  const and: Prisma.SituationWhereInput[] = [
    query.archived
      ? { archivedAt: { not: null }, organisationId: membership.organisationId }
      : visibleSituationsWhere(membership),
  ];
  if (query.risk) and.push({ riskCategory: query.risk });
  if (query.crime || query.status) and.push({ crimes: { some: { ...(query.crime ? { crime: query.crime } : {}), status: query.status ?? { not: "NOT_ASSESSED" } } } });
  if (query.country) and.push({ countryIso3: query.country });
  if (query.region) and.push({ country: { region: query.region } });
  if (query.org) and.push({ organisationId: query.org });
  if (query.days) and.push({ updatedAt: { gte: new Date(Date.now() - query.days * 86400_000) } });
  if (query.q) and.push({ id: { in: await searchIds(query.q) } });
  return { AND: and };
}

export const SITUATION_ORDER = ORDER;

export async function listSituations(membership: CurrentMembership, query: SituationListQuery) {
  const where = await situationListWhere(membership, query);
  const page = query.page ?? 1;
  const client = await readDb();
  const [rows, total] = await Promise.all([
    client.situation.findMany({
      where,
      orderBy: ORDER[query.sort ?? "updated"],
      skip: pageSkip(page),
      take: PAGE_SIZE,
      select: listSelect,
      relationLoadStrategy: PAGED,
    }),
    client.situation.count({ where }),
  ]);
  return { rows, total, page, pageCount: pageCount(total) };
}

/** Choices for the list's filters: regions and organisations that have visible situations (a few rows, grouped by PostgreSQL). */
export async function listFilterOptions(membership: CurrentMembership) {
  const rows = await db.$queryRaw<{ region: string; id: string; name: string }[]>`
    SELECT DISTINCT c.region, o.id, o.name
    FROM "Situation" s JOIN "Country" c ON c.iso3 = s."countryIso3" JOIN "Organisation" o ON o.id = s."organisationId"
    WHERE ${visibleSituationsSql(membership, "s")}`;
  const regions = [...new Set(rows.map((r) => r.region))].sort();
  const orgs = [...new Map(rows.map((r) => [r.id, r.name])).entries()]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { regions, orgs };
}

/** One situation the caller may open: their organisation's (archived too) or a live coalition-shared one. */
function openableSituationWhere(membership: CurrentMembership, id: string): Prisma.SituationWhereInput {
  return { id, ...situationVisibleWhere(membership) };
}

/** What a page inside a situation (a round, a response) shows of it: no crimes, no people. */
export function getSituationHeader(membership: CurrentMembership, id: string) {
  return db.situation.findFirst({
    where: openableSituationWhere(membership, id),
    select: { id: true, title: true, organisationId: true, riskCategory: true, archivedAt: true },
  });
}

/** One situation the member may see (archived ones only for their own organisation), or null. */
export async function getSituation(membership: CurrentMembership, id: string) {
  return db.situation.findFirst({
    where: openableSituationWhere(membership, id),
    include: {
      country: true,
      organisation: { select: { id: true, name: true } },
      createdBy: { select: { name: true } },
      updatedBy: { select: { name: true } },
      crimes: {
        include: {
          updatedBy: { select: { name: true } },
          citations: {
            orderBy: { createdAt: "asc" },
            select: { source: { select: { id: true, title: true, publisher: true, reliability: true, credibility: true, deletedAt: true } } },
          },
        },
      },
    },
  });
}

/** The situation's change history from the audit log, newest first. */
export async function getSituationHistory(situationId: string, take = 200) {
  return db.auditEntry.findMany({
    // With the re-scoring of its published rounds (issue #27): the scores before and after, side by side.
    where: { OR: [{ entityType: "Situation", entityId: situationId }, { entityType: "Assessment", action: "assessment.rescore", meta: { path: ["situationId"], equals: situationId } }] },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take,
    include: { user: { select: { name: true } } },
  });
}

export async function listCountries() {
  return db.country.findMany({ orderBy: { name: "asc" }, select: { iso3: true, name: true, region: true } });
}
