import "server-only";
// Early-warning signals, read where the data is: PostgreSQL counts the events per situation and ISO
// week (Monday to Sunday; eventDate is a date, so no time zone enters) down the (situationId,
// eventDate) index, and this module tests the weeks (./stats.ts). At 1,000,000 events and 200
// situations, every situation's signals take 0.4-0.9 s in slow minutes (bench/HISTORY.md): most of it
// reading the rows from the table, one page per event (a situation's events are spread over it). A
// covering index made it 0.21 s but cost every insert into Event about 45 %: not taken (see there).
// Who sees what is lib/access's rule: a member sees the signals of the situations their lists show
// (situationListedSql), or of the one situation they may open (situationVisibleSql); a situation's
// events are those its own organisation recorded in it.
import { db, type Db, type Tx } from "@/lib/db";
import { readDb } from "@/lib/db-replica";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentMembership } from "@/lib/auth/current-user";
import { situationListedSql, situationVisibleSql } from "@/lib/access/situations";
import {
  BASELINE_WEEKS,
  NEW_KINDS,
  SERIES,
  VIOLENCE_AGAINST_CIVILIANS,
  addWeeks,
  fillWeeks,
  testWeeks,
  thresholdStatus,
  weekOf,
  type ActorKillings,
  type NewKind,
  type NewThing,
  type SeriesName,
  type SpikeTest,
  type ThresholdStatus,
  type WeekCounts,
  type WeekTests,
} from "./stats";

type Client = Db | Tx;

/** How many weeks the situation's chart shows (each tested against the 26 before it). */
export const CHART_WEEKS = 52;

export interface Spike {
  series: SeriesName;
  week: string;
  test: SpikeTest;
}

export interface SituationSignals {
  situationId: string;
  title: string;
  organisationId: string;
  sensitivity: number;
  /** The Monday of the week holding `asOf` (counted so far) and of the last complete week. */
  currentWeek: string;
  lastCompleteWeek: string;
  /** The weeks read (oldest first), tested where 26 weeks of record stand before them. */
  weeks: WeekTests[];
  firstEvent: string | null;
  /** The spikes of the last complete week and of the current week so far (of the last 90 days, for the brief). */
  spikes: Spike[];
  threshold: ThresholdStatus | null;
  /** Actors, pairings of actor types, regions and kinds of event first seen since the last complete week began. */
  newThings: NewThing[];
}

interface Scope {
  /** A condition on the Situation table "s". */
  where: Prisma.Sql;
}

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The Monday of the ISO week of the day `d`, in date arithmetic (2001-01-01 was a Monday): a quarter of the
 * CPU of date_trunc('week'), which goes through a timestamp with time zone (measured on 53,605 events:
 * 0.12 -> 0.03 s once the rows were read).
 */
const monday = Prisma.sql`(d - ((d - date '2001-01-01') % 7 + 7) % 7)`;

const isCivilian = Prisma.sql`(e."eventType" = ${VIOLENCE_AGAINST_CIVILIANS} OR e."civilianTargeting")`;

/**
 * The signals of the situations in `scope`, as of `asOf` (yyyy-mm-dd, today by default), with `weeks`
 * weeks of counts for the chart (the spike test needs 26 more before the first). Five queries, each
 * over the situations at once: the situations, the weekly counts, their first events, the actors'
 * killings of civilians over 12 months, and what is new since the last complete week began.
 */
async function signalsFor(client: Client, scope: Scope, asOf: string, weeks: number, recentFrom?: string): Promise<SituationSignals[]> {
  const currentWeek = weekOf(asOf);
  const lastCompleteWeek = addWeeks(currentWeek, -1);
  /** Spikes and new things count from this Monday (the last complete week's, unless asked otherwise). */
  const since = recentFrom ?? lastCompleteWeek;
  const from = addWeeks(currentWeek, -(weeks - 1) - BASELINE_WEEKS);
  const situations = await client.$queryRaw<{ id: string; title: string; organisationId: string; sensitivity: number }[]>`
    SELECT s.id, s.title, s."organisationId", o."signalSensitivity" AS sensitivity
    FROM "Situation" s JOIN "Organisation" o ON o.id = s."organisationId"
    WHERE ${scope.where}
    ORDER BY s.title, s.id`;
  if (situations.length === 0) return [];
  const ids = situations.map((s) => s.id);
  // Events are the situation's own organisation's (what its viewers may see: lib/access/events.ts).
  const own = Prisma.sql`e."situationId" = s.id AND e."organisationId" = s."organisationId" AND e."deletedAt" IS NULL`;
  // The weeks' counts and the actors' killings of civilians in one read of the rows (the 12 months
  // and the charted weeks): as two queries, the rows of the weeks were read twice. Every situation's
  // signals at 1,000,000 events, six runs alternating with the two-query version in slow minutes:
  // 405-944 ms (median 517) against 438-1,578 (median 662), the same signals.
  const [parts, firsts, fresh] = await Promise.all([
    client.$queryRaw<{ part: "W" | "A"; situationId: string; key: string; n: number; civilian: number; killed: number; unknownKilled: number }[]>`
      WITH r AS MATERIALIZED (
        SELECT e."situationId" AS sid, e."eventDate" AS d, ${isCivilian} AS civ, e.fatalities AS f, e.actor1 AS a
        FROM "Situation" s JOIN "Event" e ON ${own}
        WHERE s.id = ANY(${ids}::text[]) AND e."eventDate" >= least(${from}::date, (${asOf}::date - interval '12 months')::date + 1) AND e."eventDate" <= ${asOf}::date
      )
      SELECT 'W' AS part, sid AS "situationId", to_char(${monday}, 'YYYY-MM-DD') AS key, count(*)::int AS n, (count(*) FILTER (WHERE civ))::int AS civilian,
             coalesce(sum(f), 0)::int AS killed, (count(*) - count(f))::int AS "unknownKilled"
      FROM r WHERE d >= ${from}::date GROUP BY sid, ${monday}
      UNION ALL
      SELECT 'A', sid, a, count(*)::int, 0, coalesce(sum(f), 0)::int, (count(*) - count(f))::int
      FROM r WHERE civ AND a IS NOT NULL AND a <> '' AND d > ${asOf}::date - interval '12 months' GROUP BY sid, a`,
    client.$queryRaw<{ situationId: string; first: string | null }[]>`
      SELECT s.id AS "situationId",
             (SELECT to_char(min(e."eventDate"), 'YYYY-MM-DD') FROM "Event" e WHERE ${own} AND e."eventDate" <= ${asOf}::date) AS first
      FROM "Situation" s WHERE s.id = ANY(${ids}::text[])`,
    newSince(client, ids, since, asOf),
  ]);
  const counts: (WeekCounts & { situationId: string })[] = parts
    .filter((r) => r.part === "W")
    .map((r) => ({ situationId: r.situationId, week: r.key, events: r.n, civilian: r.civilian, killed: r.killed, unknownKilled: r.unknownKilled }));
  const actors: (ActorKillings & { situationId: string })[] = parts
    .filter((r) => r.part === "A")
    .map((r) => ({ situationId: r.situationId, actor: r.key, killed: r.killed, events: r.n, unknownKilled: r.unknownKilled }));
  const countsBy = group(counts, (r) => r.situationId);
  const firstBy = new Map(firsts.map((f) => [f.situationId, f.first]));
  const actorsBy = group(actors, (r) => r.situationId);
  const freshBy = group(fresh, (r) => r.situationId);
  return situations.map((s) => {
    const firstEvent = firstBy.get(s.id) ?? null;
    const tested = testWeeks(fillWeeks(countsBy.get(s.id) ?? [], from, currentWeek), firstEvent, s.sensitivity).slice(BASELINE_WEEKS);
    const spikes: Spike[] = [];
    for (const w of tested) {
      if (w.week < since) continue;
      for (const series of SERIES) {
        const test = w.tests[series];
        if (test?.flagged) spikes.push({ series, week: w.week, test });
      }
    }
    return {
      situationId: s.id,
      title: s.title,
      organisationId: s.organisationId,
      sensitivity: s.sensitivity,
      currentWeek,
      lastCompleteWeek,
      weeks: tested,
      firstEvent,
      spikes,
      threshold: thresholdStatus((actorsBy.get(s.id) ?? []).map(({ actor, killed, events, unknownKilled }) => ({ actor, killed, events, unknownKilled }))),
      newThings: (freshBy.get(s.id) ?? []).map(({ kind, value, first, events }) => ({ kind, value, first, events })),
    };
  });
}

/**
 * What each situation's events show since `since` (a Monday) that none of its earlier events did:
 * an actor (actor 1 or 2), a pairing of actor types (ACLED's interaction), a first-level region, an
 * event type or sub-type. Only for situations with events before `since` (a first import is all
 * new, and says nothing). Each value seen since is looked for among the earlier events down the
 * (situationId, eventDate) index, newest first, stopped by LIMIT 1, so a value seen before is found
 * within a few rows (written as NOT EXISTS, PostgreSQL hashed every earlier event of every
 * situation instead: 0.9 s at 1,000,000 events).
 */
function newSince(client: Client, ids: string[], since: string, asOf: string) {
  return client.$queryRaw<(NewThing & { situationId: string })[]>`
    WITH recent AS (
      SELECT e."situationId", k.kind, k.value, to_char(min(e."eventDate"), 'YYYY-MM-DD') AS first, count(*)::int AS events
      FROM "Situation" s JOIN "Event" e ON e."situationId" = s.id AND e."organisationId" = s."organisationId" AND e."deletedAt" IS NULL
      CROSS JOIN LATERAL (VALUES ('ACTOR', e.actor1), ('ACTOR', e.actor2), ('INTERACTION', e.interaction), ('ADMIN1', e.admin1),
                                 ('EVENT_TYPE', e."eventType"), ('SUB_EVENT_TYPE', e."subEventType")) AS k(kind, value)
      WHERE s.id = ANY(${ids}::text[]) AND e."eventDate" >= ${since}::date AND e."eventDate" <= ${asOf}::date AND k.value IS NOT NULL AND k.value <> ''
      GROUP BY 1, 2, 3
    )
    SELECT r."situationId", r.kind, r.value, r.first, r.events FROM recent r JOIN "Situation" s ON s.id = r."situationId"
    CROSS JOIN LATERAL (SELECT 1 AS found FROM "Event" p WHERE p."situationId" = s.id AND p."organisationId" = s."organisationId" AND p."deletedAt" IS NULL AND p."eventDate" < ${since}::date LIMIT 1) earlier
    LEFT JOIN LATERAL (
      SELECT 1 AS seen FROM "Event" p WHERE p."situationId" = s.id AND p."organisationId" = s."organisationId" AND p."deletedAt" IS NULL AND p."eventDate" < ${since}::date
        AND CASE r.kind WHEN 'ACTOR' THEN p.actor1 = r.value OR p.actor2 = r.value WHEN 'INTERACTION' THEN p.interaction = r.value
                        WHEN 'ADMIN1' THEN p.admin1 = r.value WHEN 'EVENT_TYPE' THEN p."eventType" = r.value ELSE p."subEventType" = r.value END
      ORDER BY p."eventDate" DESC LIMIT 1) before ON true
    WHERE before.seen IS NULL
    ORDER BY r."situationId", array_position(${[...NEW_KINDS]}::text[], r.kind), r.first, r.value`.then((rows) => rows.map((r) => ({ ...r, kind: r.kind as NewKind })));
}

function group<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/** One situation's signals with a year of weeks for its chart, if the member may open it. */
export async function situationSignals(membership: Pick<CurrentMembership, "organisationId">, situationId: string, asOf = todayUtc()): Promise<SituationSignals | null> {
  const [s] = await signalsFor(db, { where: Prisma.sql`s.id = ${situationId} AND ${situationVisibleSql(membership, "s")}` }, asOf, CHART_WEEKS);
  return s ?? null;
}

/** Every situation the member's lists show, with the last complete week and the current one (the dashboard's panel). */
export async function listedSignals(membership: Pick<CurrentMembership, "organisationId">, asOf = todayUtc()): Promise<SituationSignals[]> {
  // The dashboard's heaviest read: on the read replica when there is one (lib/db-replica.ts).
  return signalsFor(await readDb(), { where: situationListedSql(membership, "s") }, asOf, 2);
}

/** How long the dashboard may show signals read earlier, at most (see listedSignalsCached). */
const CACHE_MS = 60_000;
const CACHE_ENTRIES = 200;
const globalForSignals = globalThis as unknown as { signalsCache?: Map<string, { at: number; value: Promise<SituationSignals[]> }> };

/**
 * listedSignals as the dashboard shows them, kept by this server process for the organisation while
 * nothing has changed: every change that can alter a signal (an event recorded, edited or deleted,
 * an import, a situation archived or shared, the sensitivity) writes an audit entry in its
 * transaction, so the newest audit entry's id is part of the key; and at most a minute, for a change
 * whose entry committed after a later one was read. Every situation's signals take 0.2-0.3 s at
 * 1,000,000 events even with no recent events (0.7-0.9 s with them), most of the dashboard's budget
 * on each view; this makes them one indexed max() per view while nothing changes.
 */
export async function listedSignalsCached(membership: Pick<CurrentMembership, "organisationId">, asOf = todayUtc()): Promise<SituationSignals[]> {
  const [{ last }] = await db.$queryRaw<{ last: string | null }[]>`SELECT max(id)::text AS last FROM "AuditEntry"`;
  const key = `${membership.organisationId}|${asOf}|${last ?? ""}`;
  const cache = (globalForSignals.signalsCache ??= new Map());
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && now - hit.at < CACHE_MS) return hit.value;
  const value = listedSignals(membership, asOf);
  cache.delete(key);
  cache.set(key, { at: now, value });
  value.catch(() => cache.delete(key)); // a failed read is not kept
  while (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  return value;
}

/**
 * Situations' current signals read in the caller's transaction, whoever asks (for the alerts a change
 * raises; the alerts go only to those who may see each situation, lib/alerts/raise.ts). Archived
 * situations raise none.
 */
export async function currentSignals(tx: Client, situationIds: string[], asOf = todayUtc()): Promise<SituationSignals[]> {
  if (situationIds.length === 0) return [];
  return signalsFor(tx, { where: Prisma.sql`s.id = ANY(${situationIds}::text[]) AND s."archivedAt" IS NULL` }, asOf, 2);
}

/** A situation's signals of the last 90 days (the weeks that began since), for its country brief, if the member may open it. */
export async function briefSignals(membership: Pick<CurrentMembership, "organisationId">, situationId: string, asOf = todayUtc()): Promise<SituationSignals | null> {
  const since = weekOf(new Date(Date.parse(`${asOf}T00:00:00Z`) - 90 * 86_400_000));
  const weeks = Math.round((Date.parse(weekOf(asOf)) - Date.parse(since)) / (7 * 86_400_000)) + 1;
  const [s] = await signalsFor(db, { where: Prisma.sql`s.id = ${situationId} AND ${situationVisibleSql(membership, "s")}` }, asOf, weeks, since);
  return s ?? null;
}

/** Anything to report: a spike, a crossed threshold, or something new. */
export function hasSignals(s: SituationSignals): boolean {
  return s.spikes.length > 0 || Boolean(s.threshold?.crossed) || s.newThings.length > 0;
}
