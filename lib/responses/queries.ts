import "server-only";
import { db } from "@/lib/db";
import { readDb } from "@/lib/db-replica";
import { PAGE_SIZE, pageCount, pageSkip } from "@/lib/paging";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentMembership } from "@/lib/auth/current-user";
import { responseListedWhere, responseVisibleWhere } from "@/lib/access/responses";
import type { ResponseListQuery } from "./schemas";

/** The list's filters as a query condition (also used by exports). */
export function responseListWhere(membership: CurrentMembership, query: ResponseListQuery): Prisma.ResponseWhereInput {
  const and: Prisma.ResponseWhereInput[] = [responseListedWhere(membership)];
  if (query.pillar) and.push({ pillar: query.pillar });
  if (query.type) and.push({ type: query.type });
  if (query.actor) and.push({ actorType: query.actor });
  if (query.situation) and.push({ situationId: query.situation });
  if (query.from) and.push({ startDate: { gte: new Date(query.from) } });
  if (query.to) and.push({ startDate: { lte: new Date(query.to) } });
  return { AND: and };
}

export async function listResponses(membership: CurrentMembership, query: ResponseListQuery) {
  const where = responseListWhere(membership, query);
  const page = query.page ?? 1;
  const client = await readDb();
  const [rows, total] = await Promise.all([
    client.response.findMany({
      where,
      orderBy: [{ startDate: "desc" }, { id: "desc" }],
      skip: pageSkip(page),
      take: PAGE_SIZE,
      include: { situation: { select: { id: true, title: true } } },
    }),
    client.response.count({ where }),
  ]);
  return { rows, total, page, pageCount: pageCount(total) };
}

/** A situation's responses with their cited sources, oldest first (for its timeline). */
export function responsesForSituation(situationId: string) {
  return db.response.findMany({
    where: { situationId, deletedAt: null },
    orderBy: [{ startDate: "asc" }, { id: "asc" }],
    include: { citations: { select: { source: { select: { id: true, title: true, publisher: true, reliability: true, credibility: true } } } } },
  });
}

/** A response to read or edit: the organisation's own, or one of a situation shared with the coalition (read only). */
export function getResponse(membership: CurrentMembership, id: string) {
  return db.response.findFirst({
    where: { id, ...responseVisibleWhere(membership) },
    include: { situation: { select: { id: true, title: true } }, citations: { select: { source: { select: { id: true, title: true, publisher: true, reliability: true, credibility: true } } } } },
  });
}
