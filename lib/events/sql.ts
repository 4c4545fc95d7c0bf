import "server-only";
// The event list's filters and visibility as SQL text, for the queries Prisma cannot express:
// the CSV export (COPY takes no bind parameters) and the map's aggregation. Every value from the
// request goes in through pg's escapeLiteral (`lit`), after zod has parsed it, or as a bind
// parameter (`Binder`): then the text is the same for every request of its shape, and is prepared
// once per connection. Same rules as lib/events/queries.ts (filters, orderedVisible); tests compare
// the two.
import pg from "pg";
import type { CurrentMembership } from "@/lib/auth/current-user";
import type { EventListQuery } from "./schemas";
import { INLINE_VALUES } from "@/lib/db-client";

export const lit = (v: string) => pg.escapeLiteral(v);

/** How a value goes into the SQL text: inline as a literal (`lit`), or as a bind parameter. */
export type Binder = (value: string) => string;

/** A binder that collects the values in `params` and writes $1, $2... in their place. */
export function bindTo(params: unknown[]): Binder {
  return (value) => {
    params.push(value);
    return `$${params.length}`;
  };
}

/** The list's filters as SQL conditions on the table `t` (the cursor is not one of them). */
export function eventFilterSql(q: EventListQuery, ownOrgId: string, v: Binder = lit): string[] {
  const and = [`t."deletedAt" IS NULL`];
  if (q.from) and.push(`t."eventDate" >= ${v(q.from)}::date`);
  if (q.to) and.push(`t."eventDate" <= ${v(q.to)}::date`);
  if (q.type) and.push(`t."eventType" = ${v(q.type)}`);
  if (q.actor) {
    const pattern = v(`%${q.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    and.push(`(t.actor1 ILIKE ${pattern} OR t.actor2 ILIKE ${pattern})`);
  }
  if (q.minFatalities) and.push(`t.fatalities >= ${v(String(Number(q.minFatalities)))}::int`);
  if (q.civilian) and.push(`t."civilianTargeting"`);
  if (q.indicator) and.push(`EXISTS (SELECT 1 FROM "EventIndicator" x WHERE x."eventId" = t.id AND x."indicatorId" = ${v(q.indicator)})`);
  if (q.situation) {
    and.push(
      `t."situationId" = ${v(q.situation)}`,
      `EXISTS (SELECT 1 FROM "Situation" v WHERE v.id = t."situationId" AND (v."organisationId" = ${v(ownOrgId)} OR (v.visibility = 'COALITION' AND v."archivedAt" IS NULL)))`,
    );
  }
  return and;
}

/** The list's keyset cursor (`after`: the last row's date and id) as SQL conditions on `t`. */
export function eventCursorSql(q: EventListQuery): string[] {
  if (!q.after) return [];
  const date = `${lit(q.after.slice(0, 10))}::date`;
  const id = lit(q.after.slice(11));
  return q.sort === "oldest"
    ? [`t."eventDate" >= ${date}`, `(t."eventDate" > ${date} OR (t."eventDate" = ${date} AND t.id > ${id}))`]
    : [`t."eventDate" <= ${date}`, `(t."eventDate" < ${date} OR (t."eventDate" = ${date} AND t.id < ${id}))`];
}

/**
 * Ids of the first `take` matching events, in the list's order, of other organisations'
 * coalition-shared situations: each situation's first down its (situationId, eventDate, id) index,
 * then merged. A single query over all of them reads every event of every shared situation and
 * sorts them (0.6 s for a member of a coalition in which another organisation shares 1,000,000).
 */
export function sharedEventIdsSql(membership: CurrentMembership, q: EventListQuery, sharedIds: string[], take: number): string {
  const dir = q.sort === "oldest" ? "ASC" : "DESC";
  const where = [...eventFilterSql(q, membership.organisationId), ...eventCursorSql(q), `t."situationId" = s.id`, `t."organisationId" <> ${lit(membership.organisationId)}`];
  const n = Math.floor(take);
  return `SELECT ${INLINE_VALUES} e.id FROM unnest(ARRAY[${sharedIds.map(lit).join(", ")}]::text[]) AS s(id)
    CROSS JOIN LATERAL (SELECT t.id, t."eventDate" FROM "Event" t WHERE ${where.join(" AND ")} ORDER BY t."eventDate" ${dir}, t.id ${dir} LIMIT ${n}) e
    ORDER BY e."eventDate" ${dir}, e.id ${dir} LIMIT ${n}`;
}

/** Whether the list is filtered by dates at most (the filters an index on the event date serves). */
export function byDateOnly(q: EventListQuery): boolean {
  return !q.type && !q.actor && !q.minFatalities && !q.civilian && !q.indicator;
}

/** Shared situations read as parts of their own by visibleEventsSql, at most. */
export const SHARED_PARTS_MAX = 250;

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
export function visibleEventsSql(membership: CurrentMembership, q: EventListQuery, sharedIds: string[], opts: { columns?: string; limit?: number; params?: unknown[] } = {}): string {
  const own = membership.organisationId;
  const dir = q.sort === "oldest" ? "ASC" : "DESC";
  const v = opts.params ? bindTo(opts.params) : lit;
  const where = eventFilterSql(q, own, v);
  const limit = opts.limit ? ` LIMIT ${Math.floor(opts.limit)}` : "";
  const part = (extra: string[]) => `(SELECT ${opts.columns ?? "t.*"} FROM "Event" t WHERE ${[...where, ...extra].join(" AND ")} ORDER BY t."eventDate" ${dir}, t.id ${dir}${limit})`;
  const select = (parts: string[]) => `SELECT ${opts.params ? "" : INLINE_VALUES} * FROM (${parts.join(" UNION ALL ")}) e ${eventOrderSql(q)}${limit}`;
  if (q.situation) return select([part([])]);
  const ownValue = v(own); // bound only where used: PostgreSQL refuses a parameter the text does not use
  const notOwn = `t."organisationId" <> ${ownValue}`;
  // With a limit and no filter but dates, one part per shared situation, each read down its
  // (situationId, eventDate, id) index: PostgreSQL merges them (Merge Append), reading only as far
  // into each as the limit needs. One part for all of them sorted every shared event first (0.8-1 s
  // for a coalition partner's map, against 500,000 shared events; about 0.1 s this way). With other
  // filters, a situation with few matching events is read to its end: the single part. Planning
  // grows with the parts: past SHARED_PARTS_MAX situations, the single part too.
  const shared = !sharedIds.length
    ? []
    : opts.limit && byDateOnly(q) && sharedIds.length <= SHARED_PARTS_MAX
      ? sharedIds.map((id) => part([`t."situationId" = ${v(id)}`, notOwn]))
      : [part([`t."situationId" IN (${sharedIds.map(v).join(", ")})`, notOwn])];
  return select([part([`t."organisationId" = ${ownValue}`]), ...shared]);
}
