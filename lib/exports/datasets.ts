import "server-only";
// What each list exports: its columns (typed, with HXL hashtags for events) and its rows, read
// in batches with the same filters and the same visibility as the list on screen.
import { z } from "zod";
import type { Db } from "@/lib/db";
import { readDb } from "@/lib/db-replica";
import type { CurrentMembership } from "@/lib/auth/current-user";
import { situationListWhere } from "@/lib/situations/queries";
import { situationListQuerySchema } from "@/lib/situations/schemas";
import { responseListWhere } from "@/lib/responses/queries";
import { responseListQuerySchema, EFFECT_LABELS } from "@/lib/responses/schemas";
import { searchWhere } from "@/lib/sources/queries";
import { eventListQuerySchema } from "@/lib/events/schemas";
import { eventRowBatches, eventsCsvStream, eventsJsonStream } from "./events-sql";
import { ratingRowBatches, ratingsCsvStream, ratingsJsonStream } from "./ratings-sql";
import {
  ACTOR_TYPE_LABELS,
  CRIME_LABELS,
  CRIME_ORDER,
  CRIME_STATUS_LABELS,
  PILLAR_LABELS,
  RESPONSE_STATUS_LABELS,
  RESPONSE_TYPE_LABELS,
  RISK_CATEGORY_LABELS,
  VISIBILITY_LABELS,
} from "@/lib/labels";
import type { CellValue } from "./neutralise";
import { Prisma } from "@/lib/generated/prisma/client";
import { appUrl } from "@/lib/mail";
import { PUBLISHED_ROUND, summaryScores, type ScoreSummaryJson } from "@/lib/indicators/rounds";
import type { RoundScores, ScoredCrime } from "@/lib/indicators/score";
import { coverageText, scoreText } from "@/lib/indicators/score-text";
import { auditQuerySchema, auditWhere, memberIdsOf } from "@/lib/audit/queries";

export type ColumnType = "string" | "number" | "date" | "boolean";
export interface Column {
  key: string;
  header: string;
  type: ColumnType;
  hxl?: string;
}
export type Row = Record<string, CellValue>;
export interface Dataset {
  title: string;
  /** Who may export it (VIEWER when absent). */
  minRole?: "ADMIN";
  columns: Column[];
  /** The columns for these query parameters, where a list has more than one set (events: ACLED's names, or ours). */
  columnsFor?: (params: Record<string, string>) => Column[];
  rows: (membership: CurrentMembership, params: Record<string, string>) => AsyncGenerator<Row[]>;
  /** A faster CSV and JSON of the same rows and columns, where there are (events, ratings: written by PostgreSQL). */
  csv?: (membership: CurrentMembership, params: Record<string, string>, opts: { hxl?: boolean }) => Promise<ReadableStream<Uint8Array>>;
  /** `head`: the JSON file's start (jsonHead in write.ts). */
  json?: (membership: CurrentMembership, params: Record<string, string>, head: string) => Promise<ReadableStream<Uint8Array>>;
}
export const ENTITIES = ["situations", "ratings", "responses", "events", "sources"] as const;
export type Entity = (typeof ENTITIES)[number] | "audit";

const BATCH = 2000;
const day = (d: Date | null | undefined) => (d ? new Date(d.toISOString().slice(0, 10)) : null);

/** Reads rows in id order, `BATCH` at a time: the same cost for the millionth row as for the first. */
async function* byId<T extends { id: string }>(fetch: (cursor: string | undefined) => Promise<T[]>) {
  let cursor: string | undefined;
  for (;;) {
    const rows = await fetch(cursor);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < BATCH) return;
    cursor = rows[rows.length - 1].id;
  }
}
const after = (cursor: string | undefined) => (cursor ? { id: { gt: cursor } } : {});
/** The events export's filters: the list's, without its page cursor (an export holds every page). */
const eventsQuery = (params: Record<string, string>) => ({ ...eventListQuerySchema.parse(params), after: undefined });
/** The ratings export's one filter: a situation (an id); malformed, it is left out, as the lists leave out theirs. */
const ratingsQuerySchema = z.object({ situation: z.string().min(1).max(40).optional().catch(undefined) });
const ratingsSituation = (params: Record<string, string>) => ratingsQuerySchema.parse(params).situation;

/*
 * The events export has two sets of columns. By default ACLED's own: its column names, in its
 * order, with its values (dates yyyy-mm-dd, the country's ISO numeric code and name, "Civilian
 * targeting" or empty), so that the file goes back in through the import (lib/events/acled.ts maps
 * ACLED's headers by itself) and changes nothing: see tests/integration/events-round-trip.test.ts.
 * An event without an id from another system (recorded by hand) is written with its record id as
 * event_id_cnty; the import matches such an id to the organisation's own event of that id.
 * ACLED's inter1, inter2 and region are not stored, so not written. Our own columns follow ACLED's.
 * `names=readable` gives our readable headers instead.
 */
export const ACLED_EVENT_COLUMNS: Column[] = [
  { key: "event_id_cnty", header: "event_id_cnty", type: "string", hxl: "#event+id" },
  { key: "event_date", header: "event_date", type: "date", hxl: "#date+occurred" },
  { key: "year", header: "year", type: "number", hxl: "#date+year" },
  { key: "time_precision", header: "time_precision", type: "number" },
  { key: "disorder_type", header: "disorder_type", type: "string" },
  { key: "event_type", header: "event_type", type: "string", hxl: "#event+type" },
  { key: "sub_event_type", header: "sub_event_type", type: "string", hxl: "#event+type+sub" },
  { key: "actor1", header: "actor1", type: "string", hxl: "#group+name+first" },
  { key: "assoc_actor_1", header: "assoc_actor_1", type: "string" },
  { key: "actor2", header: "actor2", type: "string", hxl: "#group+name+second" },
  { key: "assoc_actor_2", header: "assoc_actor_2", type: "string" },
  { key: "interaction", header: "interaction", type: "string" },
  { key: "civilian_targeting", header: "civilian_targeting", type: "string" },
  { key: "iso", header: "iso", type: "number" },
  { key: "country", header: "country", type: "string", hxl: "#country+name" },
  { key: "admin1", header: "admin1", type: "string", hxl: "#adm1+name" },
  { key: "admin2", header: "admin2", type: "string", hxl: "#adm2+name" },
  { key: "admin3", header: "admin3", type: "string", hxl: "#adm3+name" },
  { key: "location", header: "location", type: "string", hxl: "#loc+name" },
  { key: "latitude", header: "latitude", type: "number", hxl: "#geo+lat" },
  { key: "longitude", header: "longitude", type: "number", hxl: "#geo+lon" },
  { key: "geo_precision", header: "geo_precision", type: "number" },
  { key: "source", header: "source", type: "string" },
  { key: "source_scale", header: "source_scale", type: "string" },
  { key: "notes", header: "notes", type: "string", hxl: "#description" },
  { key: "fatalities", header: "fatalities", type: "number", hxl: "#affected+killed" },
  { key: "tags", header: "tags", type: "string" },
  { key: "timestamp", header: "timestamp", type: "number" },
  // Ours, after ACLED's.
  { key: "iso3", header: "iso3", type: "string", hxl: "#country+code" },
  { key: "situation", header: "situation", type: "string" },
  { key: "crimes", header: "crimes", type: "string" },
  { key: "indicators", header: "linked_indicators", type: "string" },
  { key: "citedSources", header: "cited_sources", type: "string" },
  { key: "organisation", header: "organisation", type: "string", hxl: "#org+name" },
];

/** Our readable names (`names=readable`). */
export const READABLE_EVENT_COLUMNS: Column[] = [
  { key: "eventDate", header: "Date", type: "date", hxl: "#date+occurred" },
  { key: "eventType", header: "Event type", type: "string", hxl: "#event+type" },
  { key: "subEventType", header: "Sub-type", type: "string", hxl: "#event+type+sub" },
  { key: "actor1", header: "First actor", type: "string", hxl: "#group+name+first" },
  { key: "actor2", header: "Second actor", type: "string", hxl: "#group+name+second" },
  { key: "country", header: "Country (ISO3)", type: "string", hxl: "#country+code" },
  { key: "admin1", header: "Admin 1", type: "string", hxl: "#adm1+name" },
  { key: "admin2", header: "Admin 2", type: "string", hxl: "#adm2+name" },
  { key: "admin3", header: "Admin 3", type: "string", hxl: "#adm3+name" },
  { key: "location", header: "Place", type: "string", hxl: "#loc+name" },
  { key: "latitude", header: "Latitude", type: "number", hxl: "#geo+lat" },
  { key: "longitude", header: "Longitude", type: "number", hxl: "#geo+lon" },
  { key: "fatalities", header: "People killed", type: "number", hxl: "#affected+killed" },
  { key: "civilianTargeting", header: "Civilians targeted", type: "boolean" },
  { key: "notes", header: "Notes", type: "string", hxl: "#description" },
  { key: "crimes", header: "Crimes", type: "string" },
  { key: "indicators", header: "Linked indicators", type: "string" },
  { key: "citedSources", header: "Cited sources", type: "string" },
  { key: "situation", header: "Situation", type: "string" },
  { key: "externalId", header: "Event id", type: "string", hxl: "#event+id" },
  { key: "source", header: "Source field", type: "string" },
  { key: "organisation", header: "Organisation", type: "string", hxl: "#org+name" },
];

/** `names=readable`: our names; anything else, ACLED's. */
const namesSchema = z.object({ names: z.enum(["acled", "readable"]).catch("acled").default("acled") });
export const eventColumnNames = (params: Record<string, string>) => namesSchema.parse(params).names;
export const eventColumns = (params: Record<string, string>) => (eventColumnNames(params) === "readable" ? READABLE_EVENT_COLUMNS : ACLED_EVENT_COLUMNS);

export const DATASETS: Record<Entity, Dataset> = {
  audit: {
    title: "Audit log",
    minRole: "ADMIN",
    columns: [
      { key: "at", header: "When (UTC)", type: "string" },
      { key: "user", header: "Who", type: "string" },
      { key: "email", header: "E-mail", type: "string" },
      { key: "action", header: "Action", type: "string" },
      { key: "entityType", header: "Record type", type: "string" },
      { key: "entityId", header: "Record", type: "string" },
      { key: "before", header: "Before", type: "string" },
      { key: "after", header: "After", type: "string" },
      { key: "meta", header: "Context", type: "string" },
    ],
    async *rows(membership, params) {
      const db = await readDb();
      const q = auditQuerySchema.parse(params);
      const where = auditWhere(membership.organisationId, { ...q, before: undefined }, await memberIdsOf(membership.organisationId));
      let before: bigint | undefined;
      for (;;) {
        const rows = await db.auditEntry.findMany({ where: { AND: [where, before ? { id: { lt: before } } : {}] }, orderBy: { id: "desc" }, take: BATCH, include: { user: { select: { name: true, email: true } } } });
        if (rows.length === 0) return;
        yield rows.map((e) => ({
          at: e.at.toISOString().slice(0, 19).replace("T", " "),
          user: e.user?.name ?? null,
          email: e.user?.email ?? null,
          action: e.action,
          entityType: e.entityType,
          entityId: e.entityId,
          before: e.before === null ? null : JSON.stringify(e.before),
          after: e.after === null ? null : JSON.stringify(e.after),
          meta: e.meta === null ? null : JSON.stringify(e.meta),
        }));
        if (rows.length < BATCH) return;
        before = rows[rows.length - 1].id;
      }
    },
  },
  situations: {
    title: "Situations",
    columns: [
      { key: "id", header: "Record id", type: "string" },
      { key: "link", header: "Link", type: "string" },
      { key: "title", header: "Situation", type: "string" },
      { key: "country", header: "Country", type: "string" },
      { key: "iso3", header: "ISO3", type: "string" },
      { key: "scope", header: "Area", type: "string" },
      { key: "riskCategory", header: "Risk category", type: "string" },
      { key: "riskCategorySince", header: "Risk category since", type: "date" },
      ...CRIME_ORDER.flatMap((c) => [
        { key: c, header: CRIME_LABELS[c], type: "string" as const },
        { key: `${c}_rationale`, header: `${CRIME_LABELS[c]}: rationale`, type: "string" as const },
      ]),
      { key: "summary", header: "Summary", type: "string" },
      { key: "background", header: "Background", type: "string" },
      { key: "populationsAtRisk", header: "Populations at risk", type: "string" },
      { key: "perpetrators", header: "Perpetrators", type: "string" },
      { key: "recommendedAction", header: "Recommended action", type: "string" },
      { key: "notes", header: "Notes", type: "string" },
      { key: "latestRound", header: "Latest published round", type: "date" },
      { key: "overallScore", header: "Overall score (0-100)", type: "string" },
      { key: "coverage", header: "Indicators assessed", type: "string" },
      ...CRIME_ORDER.map((c) => ({ key: `${c}_score`, header: `${CRIME_LABELS[c]}: score (0-100)`, type: "string" as const })),
      { key: "lastAssessedAt", header: "Last assessed", type: "date" },
      { key: "organisation", header: "Organisation", type: "string" },
      { key: "visibility", header: "Shared with", type: "string" },
      { key: "updatedAt", header: "Last updated", type: "date" },
    ],
    async *rows(membership, params) {
      const db = await readDb();
      const where = await situationListWhere(membership, situationListQuerySchema.parse(params));
      const base = appUrl();
      const batches = byId((cursor) =>
        db.situation.findMany({
          where: { AND: [where, after(cursor)] },
          orderBy: { id: "asc" },
          take: BATCH,
          include: { country: { select: { name: true } }, organisation: { select: { name: true } }, crimes: { select: { crime: true, status: true, rationale: true } } },
        }),
      );
      for await (const batch of batches) {
        const latest = await latestScores(db, batch.map((s) => s.id));
        yield batch.map((s) => {
          const l = latest.get(s.id);
          return {
            id: s.id,
            link: `${base}/situations/${s.id}`,
            title: s.title,
            country: s.country.name,
            iso3: s.countryIso3,
            scope: s.scope,
            riskCategory: RISK_CATEGORY_LABELS[s.riskCategory],
            riskCategorySince: day(s.riskCategorySince),
            ...Object.fromEntries(
              CRIME_ORDER.flatMap((c) => {
                const a = s.crimes.find((x) => x.crime === c);
                return [
                  [c, CRIME_STATUS_LABELS[a?.status ?? "NOT_ASSESSED"]],
                  [`${c}_rationale`, a?.rationale ?? ""],
                ];
              }),
            ),
            summary: s.summary,
            background: s.background,
            populationsAtRisk: s.populationsAtRisk,
            perpetrators: s.perpetrators,
            recommendedAction: s.recommendedAction,
            notes: s.notes,
            latestRound: l ? day(l.assessedOn) : null,
            overallScore: l ? scoreText(l.scores.overall) : null,
            coverage: l ? coverageText(l.scores.overall) : null,
            ...Object.fromEntries(CRIME_ORDER.map((c) => [`${c}_score`, l?.scores.crimes[c as ScoredCrime] ? scoreText(l.scores.crimes[c as ScoredCrime], c) : null])),
            lastAssessedAt: day(s.lastAssessedAt),
            organisation: s.organisation.name,
            visibility: VISIBILITY_LABELS[s.visibility],
            updatedAt: day(s.updatedAt),
          };
        });
      }
    },
  },
  ratings: {
    title: "Indicator ratings",
    columns: [
      { key: "situation", header: "Situation", type: "string" },
      { key: "assessedOn", header: "Round", type: "date" },
      { key: "code", header: "Indicator", type: "string" },
      { key: "text", header: "Indicator text", type: "string" },
      { key: "level", header: "Rating", type: "string" },
      { key: "points", header: "Points (0-3)", type: "number" },
      { key: "trend", header: "Trend", type: "string" },
      { key: "confidence", header: "Confidence", type: "string" },
      { key: "evidence", header: "Evidence", type: "string" },
    ],
    csv: (membership, params) => ratingsCsvStream(membership, ratingsSituation(params), DATASETS.ratings.columns),
    json: (membership, params, head) => ratingsJsonStream(membership, ratingsSituation(params), DATASETS.ratings.columns, head),
    rows: (membership, params) => ratingRowBatches(membership, ratingsSituation(params), DATASETS.ratings.columns, BATCH),
  },
  responses: {
    title: "Responses",
    columns: [
      { key: "situation", header: "Situation", type: "string" },
      { key: "pillar", header: "Pillar", type: "string" },
      { key: "type", header: "Type", type: "string" },
      { key: "actorType", header: "Who acted", type: "string" },
      { key: "actorName", header: "Actor", type: "string" },
      { key: "title", header: "What was done", type: "string" },
      { key: "startDate", header: "Date", type: "date" },
      { key: "endDate", header: "End date", type: "date" },
      { key: "reference", header: "Reference", type: "string" },
      { key: "status", header: "Status", type: "string" },
      { key: "effect", header: "Assessed effect", type: "string" },
      { key: "description", header: "Description", type: "string" },
    ],
    async *rows(membership, params) {
      const db = await readDb();
      const where = responseListWhere(membership, responseListQuerySchema.parse(params));
      yield* mapBatches(
        byId((cursor) => db.response.findMany({ where: { AND: [where, after(cursor)] }, orderBy: { id: "asc" }, take: BATCH, include: { situation: { select: { title: true } } } })),
        (r) => ({
          situation: r.situation.title,
          pillar: PILLAR_LABELS[r.pillar],
          type: RESPONSE_TYPE_LABELS[r.type],
          actorType: ACTOR_TYPE_LABELS[r.actorType],
          actorName: r.actorName,
          title: r.title,
          startDate: day(r.startDate),
          endDate: day(r.endDate),
          reference: r.reference,
          status: RESPONSE_STATUS_LABELS[r.status],
          effect: EFFECT_LABELS[r.effect],
          description: r.description,
        }),
      );
    },
  },
  events: {
    title: "Events",
    columns: ACLED_EVENT_COLUMNS,
    columnsFor: eventColumns,
    csv: (membership, params, opts) => eventsCsvStream(membership, eventsQuery(params), eventColumns(params), opts),
    json: (membership, params, head) => eventsJsonStream(membership, eventsQuery(params), eventColumns(params), head),
    rows: (membership, params) => eventRowBatches(membership, eventsQuery(params), eventColumns(params), BATCH),
  },
  sources: {
    title: "Sources",
    columns: [
      { key: "title", header: "Title", type: "string" },
      { key: "publisher", header: "Publisher", type: "string" },
      { key: "author", header: "Author", type: "string" },
      { key: "url", header: "Web address", type: "string" },
      { key: "unSymbol", header: "UN symbol", type: "string" },
      { key: "publishedOn", header: "Published", type: "date" },
      { key: "accessedOn", header: "Accessed", type: "date" },
      { key: "reliability", header: "Reliability (A-F)", type: "string" },
      { key: "credibility", header: "Credibility (1-6)", type: "number" },
      { key: "fileName", header: "Attached file", type: "string" },
      { key: "fileSha256", header: "File SHA-256", type: "string" },
      { key: "notes", header: "Notes", type: "string" },
    ],
    async *rows(membership, params) {
      const db = await readDb();
      const where = searchWhere(membership.organisationId, params.q?.slice(0, 200));
      yield* mapBatches(
        byId((cursor) => db.source.findMany({ where: { AND: [where, after(cursor)] }, orderBy: { id: "asc" }, take: BATCH })),
        (s) => ({
          title: s.title,
          publisher: s.publisher,
          author: s.author,
          url: s.url,
          unSymbol: s.unSymbol,
          publishedOn: day(s.publishedOn),
          accessedOn: day(s.accessedOn),
          reliability: s.reliability,
          credibility: s.credibility,
          fileName: s.fileName,
          fileSha256: s.fileSha256,
          notes: s.notes,
        }),
      );
    },
  },
};

/** The latest published round's score numbers (with coverage) of each situation, one query per batch. */
async function latestScores(db: Db, situationIds: string[]): Promise<Map<string, { assessedOn: Date; scores: RoundScores }>> {
  if (!situationIds.length) return new Map();
  const rows = await db.$queryRaw<{ situationId: string; assessedOn: Date; summary: string }[]>`
    SELECT DISTINCT ON ("situationId") "situationId", "assessedOn", "scoreSummary"::text AS summary FROM "Assessment"
    WHERE "situationId" IN (${Prisma.join(situationIds)}) AND ${PUBLISHED_ROUND} AND "scoreSummary" IS NOT NULL
    ORDER BY "situationId", "assessedOn" DESC, "publishedAt" DESC`;
  return new Map(rows.map((r) => [r.situationId, { assessedOn: r.assessedOn, scores: summaryScores(JSON.parse(r.summary) as ScoreSummaryJson) }]));
}

async function* mapBatches<T>(batches: AsyncGenerator<T[]>, map: (row: T) => Row): AsyncGenerator<Row[]> {
  for await (const batch of batches) yield batch.map(map);
}
