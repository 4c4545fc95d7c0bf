import "server-only";
import { db } from "@/lib/db";
import type { CurrentMembership } from "@/lib/auth/current-user";
import { externalRatingListedWhere, externalRatingVisibleWhere } from "@/lib/access/external-ratings";
import { RISK_CATEGORY_ORDER } from "@/lib/labels";
import { diverges, latestBySystem } from "./present";

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

/** A situation's external ratings the member may see, newest first. */
export function externalRatingsForSituation(membership: CurrentMembership, situationId: string) {
  return db.externalRating.findMany({
    where: { situationId, ...externalRatingVisibleWhere(membership) },
    orderBy: [{ ratedOn: "desc" }, { createdAt: "desc" }],
    select: SELECT,
  });
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
 */
export async function divergingExternalRatings(membership: CurrentMembership) {
  const rows = await db.externalRating.findMany({
    where: externalRatingListedWhere(membership),
    orderBy: [{ ratedOn: "desc" }, { createdAt: "desc" }],
    select: { ...SELECT, situation: { select: { id: true, title: true, riskCategory: true } } },
  });
  const bySituation = new Map<string, typeof rows>();
  for (const r of rows) (bySituation.get(r.situationId) ?? bySituation.set(r.situationId, []).get(r.situationId)!).push(r);
  const out: { situation: (typeof rows)[number]["situation"]; ratings: typeof rows }[] = [];
  for (const list of bySituation.values()) {
    const situation = list[0].situation;
    const differing = latestBySystem(list).filter((r) => diverges(r, situation.riskCategory));
    if (differing.length) out.push({ situation, ratings: differing });
  }
  return out.sort((a, b) => RISK_CATEGORY_ORDER.indexOf(a.situation.riskCategory) - RISK_CATEGORY_ORDER.indexOf(b.situation.riskCategory) || a.situation.title.localeCompare(b.situation.title));
}
