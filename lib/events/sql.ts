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
import { situationVisibleSqlText } from "@/lib/access/situations";
import { eventNotOwnSqlText, eventOwnPartSqlText } from "@/lib/access/events";

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
  if (q.own) and.push(`t."organisationId" = ${v(ownOrgId)}`);
  if (q.situation) {
    and.push(
      `t."situationId" = ${v(q.situation)}`,
      `EXISTS (SELECT 1 FROM "Situation" v WHERE v.id = t."situationId" AND ${situationVisibleSqlText({ organisationId: ownOrgId }, "v", v)})`,
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

/** Another organisation's situation shared with the coalition: its id and its organisation. */
export type SharedSituation = { id: string; organisationId: string };

/**
 * Shared situations by organisation, the caller's own left out. An event's organisation is its
 * situation's (events are recorded and imported only into the organisation's own situations), so an
 * organisation's events in its shared situations are all the events of those situations.
 */
export function byOrganisation(shared: SharedSituation[], ownOrgId: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const s of shared) if (s.organisationId !== ownOrgId) out.set(s.organisationId, [...(out.get(s.organisationId) ?? []), s.id]);
  return out;
}

/**
 * Ids of the first `take` matching events, in the list's order, of other organisations'
 * coalition-shared situations, read down an index and merged: filtered by dates at most, each
 * situation's first down its (situationId, eventDate, id) index; filtered by type, each
 * organisation's first down its (organisationId, eventType, eventDate) index, keeping those of its
 * shared situations. A single query over all of them reads every event of every shared situation
 * and sorts them (0.4-0.6 s for a member of a coalition in which another organisation shares
 * 500,000). `null` with other filters (no index serves them) or past SHARED_PARTS_MAX organisations:
 * the caller reads them all at once.
 */
export function sharedEventIdsSql(membership: CurrentMembership, q: EventListQuery, shared: SharedSituation[], take: number): string | null {
  const dir = q.sort === "oldest" ? "ASC" : "DESC";
  const where = [...eventFilterSql(q, membership.organisationId), ...eventCursorSql(q)];
  const n = Math.floor(take);
  const order = (a: string) => `ORDER BY ${a}."eventDate" ${dir}, ${a}.id ${dir} LIMIT ${n}`;
  if (byDateOnly(q)) {
    return `SELECT ${INLINE_VALUES} e.id FROM unnest(ARRAY[${shared.map((s) => lit(s.id)).join(", ")}]::text[]) AS s(id)
    CROSS JOIN LATERAL (SELECT t.id, t."eventDate" FROM "Event" t WHERE ${[...where, `t."situationId" = s.id`, eventNotOwnSqlText(membership, "t", lit)].join(" AND ")} ${order("t")}) e
    ${order("e")}`;
  }
  const owners = byOrganisation(shared, membership.organisationId);
  if (!byTypeIndex(q) || owners.size === 0 || owners.size > SHARED_PARTS_MAX) return null;
  const parts = [...owners].map(
    ([org, ids]) => `(SELECT t.id, t."eventDate" FROM "Event" t WHERE ${[...where, `t."organisationId" = ${lit(org)}`, `t."situationId" IN (${ids.map(lit).join(", ")})`].join(" AND ")} ${order("t")})`,
  );
  return `SELECT ${INLINE_VALUES} e.id FROM (${parts.join(" UNION ALL ")}) e ${order("e")}`;
}

/** Whether the list is filtered by dates at most (the filters an index on the event date serves). */
export function byDateOnly(q: EventListQuery): boolean {
  return !q.type && !q.actor && !q.minFatalities && !q.civilian && !q.indicator;
}

/**
 * Whether the list is filtered by event type, with or without other filters: an organisation's
 * events of that type come newest first down its (organisationId, eventType, eventDate) index.
 */
export function byTypeIndex(q: EventListQuery): boolean {
  return !!q.type;
}

/** Shared situations (or their organisations) read as parts of their own by visibleEventsSql, at most. */
export const SHARED_PARTS_MAX = 250;

/** The list's order on the alias `e`. */
export function eventOrderSql(q: EventListQuery): string {
  const dir = q.sort === "oldest" ? "ASC" : "DESC";
  return `ORDER BY e."eventDate" ${dir}, e.id ${dir}`;
}

/**
 * The visible matching events in the list's order, as a UNION ALL of index-ordered parts (the
 * organisation's own; other organisations' coalition-shared situations), each optionally limited.
 * `shared`: other organisations' coalition-shared situations (unused with q.situation).
 */
export function visibleEventsSql(membership: CurrentMembership, q: EventListQuery, shared: SharedSituation[], opts: { columns?: string; limit?: number; params?: unknown[] } = {}): string {
  const own = membership.organisationId;
  const dir = q.sort === "oldest" ? "ASC" : "DESC";
  const v = opts.params ? bindTo(opts.params) : lit;
  const where = eventFilterSql(q, own, v);
  const limit = opts.limit ? ` LIMIT ${Math.floor(opts.limit)}` : "";
  const part = (extra: string[]) => `(SELECT ${opts.columns ?? "t.*"} FROM "Event" t WHERE ${[...where, ...extra].join(" AND ")} ORDER BY t."eventDate" ${dir}, t.id ${dir}${limit})`;
  const select = (parts: string[]) => `SELECT ${opts.params ? "" : INLINE_VALUES} * FROM (${parts.join(" UNION ALL ")}) e ${eventOrderSql(q)}${limit}`;
  if (q.situation) return select([part([])]);
  const notOwn = () => eventNotOwnSqlText(membership, "t", v); // bound only where used: PostgreSQL refuses a parameter the text does not use
  // With a limit and no filter but dates, one part per shared situation, each read down its
  // (situationId, eventDate, id) index: PostgreSQL merges them (Merge Append), reading only as far
  // into each as the limit needs. One part for all of them sorted every shared event first (0.8-1 s
  // for a coalition partner's map, against 500,000 shared events; about 0.1 s this way). Filtered by
  // type, one part per organisation down its (organisationId, eventType, eventDate) index, keeping
  // the events of its shared situations (0.4-0.6 s -> a few ms when they have such events; when all
  // of an organisation's events of that type are in situations it keeps to itself, it reads them
  // all, as the single part does). With other filters, a situation with few matching events is read
  // to its end: the single part. Planning grows with the parts: past SHARED_PARTS_MAX, the single part.
  const ids = shared.map((s) => s.id);
  const owners = byOrganisation(shared, own);
  const parts = !shared.length
    ? []
    : opts.limit && byDateOnly(q) && shared.length <= SHARED_PARTS_MAX
      ? ids.map((id) => part([`t."situationId" = ${v(id)}`, notOwn()]))
      : opts.limit && byTypeIndex(q) && owners.size <= SHARED_PARTS_MAX
        ? [...owners].map(([org, inOrg]) => part([`t."organisationId" = ${v(org)}`, `t."situationId" IN (${inOrg.map(v).join(", ")})`]))
        : [part([`t."situationId" IN (${ids.map(v).join(", ")})`, notOwn()])];
  return select([part([eventOwnPartSqlText(membership, "t", v)]), ...parts]);
}
