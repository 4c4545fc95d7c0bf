import "server-only";
import { db } from "@/lib/db";
import type { CurrentMembership } from "@/lib/auth/current-user";
import type { RiskCategory } from "@/lib/generated/prisma/enums";
import { externalRatingListedSql, externalRatingListedWhere, externalRatingVisibleSql, externalRatingVisibleWhere } from "@/lib/access/external-ratings";
import { divergingSituations, latestBySystem } from "./present";
import type { ExternalRatingFields } from "./schemas";

const SELECT = {
  id: true,
  situationId: true,
  organisationId: true,
  system: true,
  value: true,
  score: true,
  rank: true,
  rankOf: true,
  year: true,
  stage: true,
  ratedOn: true,
  url: true,
  note: true,
  createdAt: true,
  updatedAt: true,
} as const;

/**
 * A situation's external ratings the member may see, newest first (the situation page and the
 * brief). A plain query: Prisma's findMany with the rule's nested filters took twice the CPU.
 */
export function externalRatingsForSituation(membership: CurrentMembership, situationId: string): Promise<ExternalRatingRecord[]> {
  return db.$queryRaw<ExternalRatingRecord[]>`
    SELECT x.id, x."situationId", x."organisationId", x.system, x.value, x.score, x.rank, x."rankOf", x.year, x.stage, x."ratedOn", x.url, x.note, x."createdAt", x."updatedAt"
    FROM "ExternalRating" x JOIN "Situation" s ON s.id = x."situationId"
    WHERE x."situationId" = ${situationId} AND ${externalRatingVisibleSql(membership, "x", "s")}
    ORDER BY x."ratedOn" DESC, x."createdAt" DESC`;
}

/** An external rating as the situation page and the brief read it (SELECT's fields). */
export interface ExternalRatingRecord extends ExternalRatingFields {
  id: string;
  situationId: string;
  organisationId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** One rating to read or edit (null when it does not exist or the member may not see it). */
export function getExternalRating(membership: CurrentMembership, id: string) {
  return db.externalRating.findFirst({ where: { id, ...externalRatingVisibleWhere(membership) }, select: { ...SELECT, situation: { select: { id: true, title: true, riskCategory: true, organisationId: true, archivedAt: true } } } });
}

/** The latest rating of each system for each of these situations (the dashboard's panel), by situation id. */
export async function latestExternalRatingsFor(membership: CurrentMembership, situationIds: string[]) {
  const out = new Map<string, Awaited<ReturnType<typeof externalRatingsForSituation>>>();
  if (!situationIds.length) return out;
  const rows = await db.externalRating.findMany({
    where: { situationId: { in: situationIds }, ...externalRatingListedWhere(membership) },
    orderBy: [{ ratedOn: "desc" }, { createdAt: "desc" }],
    select: SELECT,
  });
  const bySituation = new Map<string, typeof rows>();
  for (const r of rows) (bySituation.get(r.situationId) ?? bySituation.set(r.situationId, []).get(r.situationId)!).push(r);
  for (const [id, list] of bySituation) out.set(id, latestBySystem(list));
  return out;
}

/**
 * The listed situations whose latest rating from another body differs from our category (the
 * dashboard's panel), most serious category of ours first. Reads every live rating of those
 * situations: a few per situation and year, so far fewer rows than the dashboard's other queries.
 * A plain query: Prisma's findMany with the listing rule's nested filters and the situation
 * included took 1.0-1.1 ms of CPU per dashboard with no rating at all (0.3-0.5 ms now).
 */
export async function divergingExternalRatings(membership: CurrentMembership) {
  const rows = await db.$queryRaw<
    { id: string; system: string; value: string; score: number | null; rank: number | null; rankOf: number | null; year: number | null; stage: number | null; ratedOn: Date; createdAt: Date; situationId: string; title: string; riskCategory: RiskCategory }[]
  >`
    SELECT x.id, x.system, x.value, x.score, x.rank, x."rankOf", x.year, x.stage, x."ratedOn", x."createdAt", s.id AS "situationId", s.title, s."riskCategory"::text AS "riskCategory"
    FROM "ExternalRating" x JOIN "Situation" s ON s.id = x."situationId"
    WHERE ${externalRatingListedSql(membership, "x", "s")}`;
  const bySituation = new Map<string, { situation: { id: string; title: string; riskCategory: RiskCategory }; ratings: ExternalRatingRow[] }>();
  for (const { situationId, title, riskCategory, ...rating } of rows) {
    const entry = bySituation.get(situationId) ?? bySituation.set(situationId, { situation: { id: situationId, title, riskCategory }, ratings: [] }).get(situationId)!;
    entry.ratings.push(rating);
  }
  return divergingSituations([...bySituation.values()]);
}

type ExternalRatingRow = { id: string; system: string; value: string; score: number | null; rank: number | null; rankOf: number | null; year: number | null; stage: number | null; ratedOn: Date; createdAt: Date };
