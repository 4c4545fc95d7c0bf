import "server-only";
// The events export, written by PostgreSQL: the CSV by `COPY (SELECT ...) TO STDOUT WITH CSV`,
// passed through untouched (1,000,000 events leave at close to the database's own speed), the JSON
// rows by COPY too; XLSX from the same SELECT through a cursor, with typed values (pg-stream.ts).
// Column for column DATASETS.events: labels in words, dates as yyyy-mm-dd, yes/no, and for CSV the
// formula guard of neutralise.ts done in SQL (tested side by side with Prisma's read of the list).
//
// COPY takes no bind parameters, so every value from the request goes in through pg's
// escapeLiteral after zod has parsed it (dates, numbers, ids, free text).
import { db } from "@/lib/db";
import type { CurrentMembership } from "@/lib/auth/current-user";
import { isSharedSituation, situationVisibleWhere } from "@/lib/access/situations";
import { CRIME_LABELS } from "@/lib/labels";
import type { EventListQuery } from "@/lib/events/schemas";
import { eventOrderSql, lit, visibleEventsSql } from "@/lib/events/sql";
import type { Column, Row } from "./datasets";
import { type ColumnMode, csvHead, copyCsvStream, copyJsonStream, cursorBatches, guard, selectOf } from "./pg-stream";

/** The crimes in words, in the order stored: enum names replaced longest first (none is part of another). */
const crimes = `nullif(${Object.entries(CRIME_LABELS)
  .sort(([a], [b]) => b.length - a.length)
  .reduce((sql, [k, v]) => `replace(${sql}, ${lit(k)}, ${lit(v)})`, `array_to_string(e.crimes, '; ')`)}, '')`;

/**
 * A name looked up in a JSON object literal (id -> name) that PostgreSQL parses once per query:
 * far cheaper per row than a join for the few hundred situations and organisations an export
 * can touch. Anything missing from the map is read from its table.
 */
const lookup = (map: Record<string, string>, idExpr: string, table: string, column: string) =>
  `CASE WHEN ${idExpr} IS NULL THEN NULL ELSE COALESCE(${lit(JSON.stringify(map))}::jsonb ->> ${idExpr}, (SELECT x.${column} FROM "${table}" x WHERE x.id = ${idExpr})) END`;

interface Names {
  situations: Record<string, string>;
  organisations: Record<string, string>;
}

/** Each exported column as SQL over `e` (the event): as CSV text, or as a typed value. */
function columnSql(key: string, names: Names, mode: ColumnMode): string {
  const text = (expr: string) => guard(expr, mode);
  switch (key) {
    case "eventDate":
      return `e."eventDate"::text`; // yyyy-mm-dd: the export's transaction sets DateStyle ISO
    case "eventType":
    case "subEventType":
    case "admin1":
    case "admin2":
    case "location":
    case "notes":
      return text(`e."${key}"`);
    case "actor1":
    case "actor2":
      return text(`e.${key}`);
    case "country":
      return text(`e."countryIso3"::text`);
    case "latitude":
    case "longitude":
      return mode === "json" ? `trim_scale(e.${key})` : `trim_scale(e.${key})::text`; // rows: Number() of it, as Prisma's Decimal gave
    case "fatalities":
      return `e.fatalities`;
    case "civilianTargeting":
      return mode === "csv" ? `CASE WHEN e."civilianTargeting" THEN 'yes' ELSE 'no' END` : `e."civilianTargeting"`;
    case "crimes":
      return mode === "csv" ? crimes : `coalesce(${crimes}, '')`;
    case "indicators": {
      // Few events have linked indicators: a hashed membership test skips the lookup for the rest.
      const codes = `(SELECT string_agg(i.code, '; ' ORDER BY i.code) FROM "EventIndicator" ei JOIN "Indicator" i ON i.id = ei."indicatorId" WHERE ei."eventId" = e.id)`;
      return text(`CASE WHEN e.id IN (SELECT "eventId" FROM "EventIndicator") THEN ${codes} ${mode === "csv" ? "" : "ELSE ''"} END`); // typed rows: '' as Prisma's read gave
    }
    case "situation":
      return text(lookup(names.situations, `e."situationId"`, "Situation", "title"));
    case "externalId":
      return text(`e."externalId"`);
    case "source":
      return text(`e."sourceText"`);
    case "organisation":
      return text(lookup(names.organisations, `e."organisationId"`, "Organisation", "name"));
    default:
      throw new Error(`No SQL for the events column "${key}"`);
  }
}

/**
 * The query behind the export: each column's SQL (by key) and the FROM clause. Visibility as two
 * index-ordered parts (the organisation's own events; events of situations other organisations
 * share with the coalition) merged in the list's order, as on screen.
 */
async function eventsExportParts(membership: CurrentMembership, q: EventListQuery, columns: Column[], mode: ColumnMode): Promise<{ keyed: [string, string][]; from: string }> {
  const own = membership.organisationId;
  // The situations whose events can appear (the organisation's own, those shared with the coalition), and their organisations' names.
  const situations = await db.situation.findMany({
    where: q.situation ? { id: q.situation } : situationVisibleWhere(membership),
    select: { id: true, title: true, organisationId: true, visibility: true, archivedAt: true, organisation: { select: { name: true, suspendedAt: true, leftAt: true } } },
  });
  const names: Names = { situations: {}, organisations: { [own]: membership.organisationName } };
  for (const s of situations) {
    names.situations[s.id] = s.title;
    names.organisations[s.organisationId] = s.organisation.name;
  }
  const shared = situations.filter((s) => isSharedSituation(membership, s));
  return { keyed: columns.map((c) => [c.key, columnSql(c.key, names, mode)]), from: `FROM (${visibleEventsSql(membership, q, shared)}) e ${eventOrderSql(q)}` };
}

/** The export as one SELECT, each column named by its key. */
async function eventsExportQuery(membership: CurrentMembership, q: EventListQuery, columns: Column[], mode: ColumnMode): Promise<string> {
  return selectOf(await eventsExportParts(membership, q, columns, mode));
}

/** The CSV file (UTF-8 with BOM, header row, optional HXL row), streamed straight from PostgreSQL. */
export async function eventsCsvStream(membership: CurrentMembership, q: EventListQuery, columns: Column[], opts: { hxl?: boolean } = {}): Promise<ReadableStream<Uint8Array>> {
  return copyCsvStream(await eventsExportQuery(membership, q, columns, "csv"), csvHead(columns, opts.hxl));
}

/** The JSON file (what it holds, then the rows with typed values), written by PostgreSQL. */
export async function eventsJsonStream(membership: CurrentMembership, q: EventListQuery, columns: Column[], head: string): Promise<ReadableStream<Uint8Array>> {
  const { keyed, from } = await eventsExportParts(membership, q, columns, "json");
  return copyJsonStream(from, keyed, head);
}

/** The same rows with typed values (dates, numbers, yes/no as booleans), a batch at a time, for XLSX. */
export async function* eventRowBatches(membership: CurrentMembership, q: EventListQuery, columns: Column[], batch: number): AsyncGenerator<Row[]> {
  const sql = await eventsExportQuery(membership, q, columns, "rows");
  for await (const rows of cursorBatches<Row>(sql, batch)) {
    for (const r of rows) {
      r.eventDate = new Date(r.eventDate as string);
      if (r.latitude !== null) r.latitude = Number(r.latitude);
      if (r.longitude !== null) r.longitude = Number(r.longitude);
    }
    yield rows;
  }
}
