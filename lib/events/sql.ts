import "server-only";
// The event list's filters and visibility as SQL text, for the queries Prisma cannot express:
// the CSV export (COPY takes no bind parameters) and the map's aggregation. Every value from the
// request goes in through pg's escapeLiteral, after zod has parsed it. Same rules as
// lib/events/queries.ts (filters, orderedVisible); tests compare the two.
import pg from "pg";
import type { CurrentMembership } from "@/lib/auth/current-user";
import type { EventListQuery } from "./schemas";
import { INLINE_VALUES } from "@/lib/db-client";

export const lit = (v: string) => pg.escapeLiteral(v);

/** The list's filters as SQL conditions on the table `t` (the cursor is not one of them). */
export function eventFilterSql(q: EventListQuery, ownOrgId: string): string[] {
  const and = [`t."deletedAt" IS NULL`];
  if (q.from) and.push(`t."eventDate" >= ${lit(q.from)}::date`);
  if (q.to) and.push(`t."eventDate" <= ${lit(q.to)}::date`);
  if (q.type) and.push(`t."eventType" = ${lit(q.type)}`);
  if (q.actor) {
    const pattern = lit(`%${q.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    and.push(`(t.actor1 ILIKE ${pattern} OR t.actor2 ILIKE ${pattern})`);
  }
  if (q.minFatalities) and.push(`t.fatalities >= ${Number(q.minFatalities)}`);
  if (q.civilian) and.push(`t."civilianTargeting"`);
  if (q.indicator) and.push(`EXISTS (SELECT 1 FROM "EventIndicator" x WHERE x."eventId" = t.id AND x."indicatorId" = ${lit(q.indicator)})`);
  if (q.situation) {
    and.push(
      `t."situationId" = ${lit(q.situation)}`,
      `EXISTS (SELECT 1 FROM "Situation" v WHERE v.id = t."situationId" AND (v."organisationId" = ${lit(ownOrgId)} OR (v.visibility = 'COALITION' AND v."archivedAt" IS NULL)))`,
    );
  }
  return and;
}

/** The list's order on the alias `e`. */
export function eventOrderSql(q: EventListQuery): string {
  const dir = q.sort === "oldest" ? "ASC" : "DESC";
  return `ORDER BY e."eventDate" ${dir}, e.id ${dir}`;
}

/**
 * The visible matching events in the list's order, as a UNION ALL of index-ordered parts (the
 * organisation's own; other organisations' coalition-shared situations), each optionally limited.
 * `sharedIds`: ids of other organisations' coalition-shared situations (unused with q.situation).
 */
export function visibleEventsSql(membership: CurrentMembership, q: EventListQuery, sharedIds: string[], opts: { columns?: string; limit?: number } = {}): string {
  const own = membership.organisationId;
  const dir = q.sort === "oldest" ? "ASC" : "DESC";
  const where = eventFilterSql(q, own);
  const limit = opts.limit ? ` LIMIT ${Math.floor(opts.limit)}` : "";
  const part = (extra: string[]) => `(SELECT ${opts.columns ?? "t.*"} FROM "Event" t WHERE ${[...where, ...extra].join(" AND ")} ORDER BY t."eventDate" ${dir}, t.id ${dir}${limit})`;
  const parts = q.situation
    ? [part([])]
    : [part([`t."organisationId" = ${lit(own)}`]), ...(sharedIds.length ? [part([`t."situationId" IN (${sharedIds.map(lit).join(", ")})`, `t."organisationId" <> ${lit(own)}`])] : [])];
  return `SELECT ${INLINE_VALUES} * FROM (${parts.join(" UNION ALL ")}) e ${eventOrderSql(q)}${limit}`;
}
