import "server-only";
import { cache } from "react";
import { db, type Db } from "@/lib/db";
import { readDb } from "@/lib/db-replica";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentMembership } from "@/lib/auth/current-user";
import { PAGE_SIZE } from "@/lib/paging";
import { situationVisibleWhere } from "@/lib/access/situations";
import { eventOwnPartWhere, eventSharedPartWhere, eventVisibleWhere, situationsSharedByOthersWhere } from "@/lib/access/events";
import type { EventListQuery } from "./schemas";
import { sharedEventIdsSql, visibleEventsSql, type SharedSituation } from "./sql";

/** Up to this many rows, the shared situations' events are read situation by situation and merged. */
const SHARED_MERGE_MAX = 200;

/** Events a member may see: their organisation's, and those of situations shared with the coalition (lib/access/events.ts). */
export function visibleEventsWhere(membership: CurrentMembership): Prisma.EventWhereInput {
  return eventVisibleWhere(membership);
}

/** The filters other than who may see what (see orderedVisible). */
function filters(q: EventListQuery): Prisma.EventWhereInput[] {
  const and: Prisma.EventWhereInput[] = [{ deletedAt: null }];
  if (q.from) and.push({ eventDate: { gte: new Date(q.from) } });
  if (q.to) and.push({ eventDate: { lte: new Date(q.to) } });
  if (q.type) and.push({ eventType: q.type });
  if (q.actor) and.push({ OR: [{ actor1: { contains: q.actor, mode: "insensitive" } }, { actor2: { contains: q.actor, mode: "insensitive" } }] });
  if (q.minFatalities) and.push({ fatalities: { gte: q.minFatalities } });
  if (q.civilian) and.push({ civilianTargeting: true });
  if (q.indicator) and.push({ indicators: { some: { indicatorId: q.indicator } } });
  if (q.after) {
    const [date, id] = [new Date(q.after.slice(0, 10)), q.after.slice(11)];
    // The bound on eventDate lets the index scan start at the cursor (either direction of the same index).
    if (q.sort === "oldest") and.push({ eventDate: { gte: date } }, { OR: [{ eventDate: { gt: date } }, { eventDate: date, id: { gt: id } }] });
    else and.push({ eventDate: { lte: date } }, { OR: [{ eventDate: { lt: date } }, { eventDate: date, id: { lt: id } }] });
  }
  return and;
}

const NEWEST: Prisma.EventOrderByWithRelationInput[] = [{ eventDate: "desc" }, { id: "desc" }];
const OLDEST: Prisma.EventOrderByWithRelationInput[] = [{ eventDate: "asc" }, { id: "asc" }];
const order = (q: EventListQuery) => (q.sort === "oldest" ? OLDEST : NEWEST);

/**
 * The newest `take` visible events matching the filters. Visibility (own organisation's events,
 * and events of coalition-shared situations) is never an OR in one query: each part runs as its
 * own query down its (organisationId | situationId, eventDate, id) index, and the parts are merged.
 * That keeps deep pages and 1,000,000-event logs fast.
 */
async function orderedVisible<T extends { id: string; eventDate: Date }>(
  membership: CurrentMembership,
  q: EventListQuery,
  take: number,
  fetch: (where: Prisma.EventWhereInput, take: number) => Promise<T[]>,
  client: Db,
): Promise<T[]> {
  const base = [...filters(q), ...(q.own ? [{ organisationId: membership.organisationId }] : [])];
  const run = (where: Prisma.EventWhereInput[]) => fetch({ AND: where }, take);
  if (q.situation) {
    const visible = { situation: situationVisibleWhere(membership) };
    return run([...base, { situationId: q.situation }, visible]);
  }
  const shared = q.own ? [] : await sharedSituations(membership);
  const sharedPart = async (): Promise<T[]> => {
    if (!shared.length) return [];
    // A page by date only (the list as it opens, paged, or a period), or by type: each shared
    // situation's (or organisation's) first rows down an index, merged (sharedEventIdsSql). With
    // other filters (a situation may hold few matching events, read to its end) or a large batch
    // (exports): one query, sorted.
    const sql = take > SHARED_MERGE_MAX ? null : sharedEventIdsSql(membership, q, shared, take);
    if (!sql) return run([...base, eventSharedPartWhere(membership, shared.map((s) => s.id))]);
    const ids = (await client.$queryRawUnsafe<{ id: string }[]>(sql)).map((r) => r.id);
    return ids.length ? fetch({ id: { in: ids } }, take) : [];
  };
  const parts = await Promise.all([run([...base, eventOwnPartWhere(membership)]), sharedPart()]);
  const dir = q.sort === "oldest" ? -1 : 1;
  return parts
    .flat()
    .sort((a, b) => dir * (b.eventDate.getTime() - a.eventDate.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)))
    .slice(0, take);
}

const listSelect = {
  id: true,
  eventDate: true,
  eventType: true,
  subEventType: true,
  actor1: true,
  actor2: true,
  fatalities: true,
  civilianTargeting: true,
  location: true,
  admin1: true,
  organisationId: true,
  country: { select: { name: true } },
  situation: { select: { id: true, title: true } },
} satisfies Prisma.EventSelect;

/** One page, newest (or oldest) first, by keyset (eventDate, id): as fast on page 40,000 as on page 1. */
export async function listEvents(membership: CurrentMembership, q: EventListQuery) {
  const client = await readDb();
  const rows = await orderedVisible(membership, q, PAGE_SIZE + 1, (where, take) => client.event.findMany({ where, orderBy: order(q), take, select: listSelect }), client);
  const more = rows.length > PAGE_SIZE;
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  return { rows: page, next: more && last ? `${last.eventDate.toISOString().slice(0, 10)}_${last.id}` : null };
}

/** The ids of one page of `take` visible events in the list's order, by the list's own query (the partner API reads its rows by these). */
export async function eventPageIds(membership: CurrentMembership, q: EventListQuery, take: number, client: Db = db) {
  return orderedVisible(membership, q, take, (where, take) => client.event.findMany({ where, orderBy: order(q), take, select: { id: true, eventDate: true } }), client);
}

/**
 * Other organisations' situations shared with the coalition (whose events a member also sees), with
 * their organisation. Read once per request: the event list and its map both ask for them.
 */
export const sharedSituations = cache(async (membership: CurrentMembership): Promise<SharedSituation[]> =>
  db.situation.findMany({ where: situationsSharedByOthersWhere(membership), select: { id: true, organisationId: true } }),
);

export interface EventPlace {
  key: string;
  lat: number;
  lon: number;
  events: number;
  /** People killed in the events whose figure is known; null when none is known. */
  fatalities: number | null;
  /** Events there whose number killed is unknown: the total is then "at least" (lib/format killed()). */
  unknownFatalities: number;
  /** The place name of the newest event there. */
  label: string;
  last: string;
}

/**
 * Where the newest `limit` matching events happened, for the map: grouped in the database by place
 * (0.1 degree, about 10 km; the newest event's position and name stand for the place), so the page
 * receives a few hundred places instead of thousands of rows. `considered`: how many of the newest
 * events were looked at (equal to `limit` when there are more).
 */
export async function eventPlaces(membership: CurrentMembership, q: EventListQuery, limit = 2000) {
  const newest = { ...q, after: undefined, sort: undefined };
  const shared = q.situation ? [] : await sharedSituations(membership);
  // Values as bind parameters: the text is the same for every map of its shape, parsed and planned
  // once per connection (a partner's map has a part per shared situation: 30-40 ms to parse each time).
  const params: unknown[] = [];
  const rows = await (await readDb()).$queryRawUnsafe<(Omit<EventPlace, "last"> & { last: Date; considered: number })[]>(`
    WITH n AS (${visibleEventsSql(membership, newest, shared, { columns: `t.id, t."eventDate", t.latitude, t.longitude, t.fatalities, t.location`, limit, params })})
    SELECT round(latitude, 1)::text || ',' || round(longitude, 1)::text AS key,
      (array_agg(latitude ORDER BY "eventDate" DESC, id DESC))[1]::float8 AS lat,
      (array_agg(longitude ORDER BY "eventDate" DESC, id DESC))[1]::float8 AS lon,
      count(*)::int AS events, sum(fatalities)::int AS fatalities, (count(*) - count(fatalities))::int AS "unknownFatalities",
      coalesce((array_agg(location ORDER BY "eventDate" DESC, id DESC))[1], '') AS label, max("eventDate") AS last,
      (SELECT count(*) FROM n)::int AS considered
    FROM n WHERE latitude IS NOT NULL AND longitude IS NOT NULL
    GROUP BY round(latitude, 1), round(longitude, 1)`, ...params);
  const considered = rows[0]?.considered ?? 0;
  const places: EventPlace[] = rows.map((r) => ({ key: r.key, lat: r.lat, lon: r.lon, events: r.events, fatalities: r.fatalities, unknownFatalities: r.unknownFatalities, label: r.label, last: r.last.toISOString().slice(0, 10) }));
  return { considered, places };
}

/**
 * Events and people killed per month for a situation (indexed by situationId, eventDate): the sum of
 * the known figures (null when none is known) and how many events have none (unknownFatalities).
 */
export function monthlyCounts(situationId: string) {
  return db.$queryRaw<{ month: Date; events: bigint; fatalities: bigint | null; unknownFatalities: bigint }[]>`
    SELECT date_trunc('month', "eventDate")::date AS month, count(*) AS events, sum(fatalities) AS fatalities, count(*) - count(fatalities) AS "unknownFatalities"
    FROM "Event" WHERE "situationId" = ${situationId} AND "deletedAt" IS NULL
    GROUP BY 1 ORDER BY 1`;
}

export async function getEvent(membership: CurrentMembership, id: string) {
  return db.event.findFirst({
    where: { id, ...visibleEventsWhere(membership) },
    include: {
      country: { select: { name: true } },
      situation: { select: { id: true, title: true } },
      createdBy: { select: { name: true } },
      import: { select: { id: true, fileName: true } },
      indicators: { include: { indicator: { select: { id: true, code: true, text: true } } } },
      citations: { include: { source: { select: { id: true, title: true, publisher: true, reliability: true, credibility: true } } } },
    },
  });
}

const exportSelect = {
  id: true,
  externalId: true,
  eventDate: true,
  eventType: true,
  subEventType: true,
  disorderType: true,
  actor1: true,
  assocActor1: true,
  actor2: true,
  assocActor2: true,
  interaction: true,
  civilianTargeting: true,
  countryIso3: true,
  admin1: true,
  admin2: true,
  admin3: true,
  location: true,
  latitude: true,
  longitude: true,
  fatalities: true,
  notes: true,
  sourceText: true,
  sourceScale: true,
  timePrecision: true,
  geoPrecision: true,
  tags: true,
  updatedAt: true,
  crimes: true,
  country: { select: { name: true } },
  situation: { select: { title: true } },
  organisation: { select: { name: true } },
  indicators: { select: { indicator: { select: { code: true, text: true } } }, orderBy: { indicator: { code: "asc" } } },
  citations: { where: { eventId: { not: null } }, select: { source: { select: { title: true } } }, orderBy: { source: { title: "asc" } } },
} satisfies Prisma.EventSelect;

/**
 * Every matching visible event, in the list's order, in batches by keyset, through the list's own
 * query: the reference the export (written by PostgreSQL, lib/exports/events-sql.ts) is tested against.
 */
export async function* iterateEvents(membership: CurrentMembership, q: EventListQuery, batch = 5000) {
  let after: string | undefined;
  for (;;) {
    const rows = await orderedVisible(membership, { ...q, after }, batch, (where, take) => db.event.findMany({ where, orderBy: order(q), take, select: exportSelect }), db);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batch) return;
    const last = rows[rows.length - 1];
    after = `${last.eventDate.toISOString().slice(0, 10)}_${last.id}`;
  }
}
