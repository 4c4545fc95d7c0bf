import "server-only";
// The events export, written by PostgreSQL: the CSV by `COPY (SELECT ...) TO STDOUT WITH CSV`,
// passed through untouched (1,000,000 events leave at close to the database's own speed), the JSON
// rows by COPY too; XLSX from the same SELECT through a cursor, with typed values (pg-stream.ts).
// Column for column DATASETS.events, in ACLED's names and values or in ours (datasets.ts): labels
// in words, dates as yyyy-mm-dd, and for CSV the formula guard of neutralise.ts done in SQL
// (tested side by side with Prisma's read of the list).
//
// COPY takes no bind parameters, so every value from the request goes in through pg's
// escapeLiteral after zod has parsed it (dates, numbers, ids, free text).
import { db } from "@/lib/db";
import type { CurrentMembership } from "@/lib/auth/current-user";
import { isSharedSituation, situationVisibleWhere } from "@/lib/access/situations";
import { CRIME_LABELS } from "@/lib/labels";
import type { EventListQuery } from "@/lib/events/schemas";
import { eventOrderSql, lit, visibleEventsSql } from "@/lib/events/sql";
import { isoNumericCodes } from "@/lib/events/world-countries";
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
  /** ISO3 -> the country's name (the Country table's, as the import reads it back). */
  countries: Record<string, string>;
}

/** A list of linked records' names, '; '-separated in order: looked up only for events that have any (a hashed membership test). */
const linkedNames = (table: string, names: string, mode: ColumnMode) =>
  guard(`CASE WHEN e.id IN (SELECT "eventId" FROM "${table}"${table === "Citation" ? ` WHERE "eventId" IS NOT NULL` : ""}) THEN ${names} ${mode === "csv" ? "" : "ELSE ''"} END`, mode); // typed rows: '' as Prisma's read gave

/** ACLED's columns (by their names) as SQL; null for a key of ours, which columnSql writes. */
function acledColumnSql(key: string, names: Names, mode: ColumnMode): string | null {
  const text = (expr: string) => guard(expr, mode);
  switch (key) {
    case "event_id_cnty":
      return text(`COALESCE(e."externalId", e.id)`); // recorded by hand: its record id, which the import matches back
    case "event_date":
      return `e."eventDate"::text`;
    case "year":
      return `date_part('year', e."eventDate")::int`; // date_part: a float, cheaper per row than extract's numeric
    case "time_precision":
      return `e."timePrecision"`;
    case "geo_precision":
      return `e."geoPrecision"`;
    case "disorder_type":
      return text(`e."disorderType"`);
    case "event_type":
      return text(`e."eventType"`);
    case "sub_event_type":
      return text(`e."subEventType"`);
    case "assoc_actor_1":
      return text(`e."assocActor1"`);
    case "assoc_actor_2":
      return text(`e."assocActor2"`);
    case "interaction":
    case "tags":
      return text(`e.${key}`);
    case "civilian_targeting":
      return `CASE WHEN e."civilianTargeting" THEN 'Civilian targeting' END`;
    case "iso":
      return `(${lit(JSON.stringify(isoNumericCodes()))}::jsonb ->> e."countryIso3"::text)::int`;
    case "country":
      // The Country table's reference names (none starts with = + - @): not guarded, so looked up once a row, not up to four times.
      return `${lit(JSON.stringify(names.countries))}::jsonb ->> e."countryIso3"::text`;
    case "source_scale":
      return text(`e."sourceScale"`);
    case "timestamp":
      return `floor(date_part('epoch', e."updatedAt"))::bigint`; // when the record last changed, in seconds since 1970 (UTC), as ACLED's
    case "iso3":
      return text(`e."countryIso3"::text`);
    default:
      return null;
  }
}

/** Each exported column as SQL over `e` (the event): as CSV text, or as a typed value. `acled`: ACLED's columns are asked for. */
function columnSql(key: string, names: Names, mode: ColumnMode, acled: boolean): string {
  const text = (expr: string) => guard(expr, mode);
  const ofAcled = acled ? acledColumnSql(key, names, mode) : null;
  if (ofAcled) return ofAcled;
  switch (key) {
    case "eventDate":
      return `e."eventDate"::text`; // yyyy-mm-dd: the export's transaction sets DateStyle ISO
    case "eventType":
    case "subEventType":
    case "admin1":
    case "admin2":
    case "admin3":
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
    case "indicators":
      // Few events have linked indicators (or cited sources): a hashed membership test skips the lookup for the rest.
      // Our readable names: each indicator with its words ("8.7 Incitement…"), not its code alone; ACLED's: the codes.
      return linkedNames("EventIndicator", `(SELECT string_agg(${acled ? "i.code" : `i.code || ' ' || i.text`}, '; ' ORDER BY i.code) FROM "EventIndicator" ei JOIN "Indicator" i ON i.id = ei."indicatorId" WHERE ei."eventId" = e.id)`, mode);
    case "citedSources":
      return linkedNames("Citation", `(SELECT string_agg(s.title, '; ' ORDER BY s.title) FROM "Citation" c JOIN "Source" s ON s.id = c."sourceId" WHERE c."eventId" = e.id)`, mode);
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
  const acled = columns.some((c) => c.key === "event_id_cnty"); // ACLED's columns (datasets.ts), not our readable ones
  const countries = acled ? await db.country.findMany({ select: { iso3: true, name: true } }) : [];
  const names: Names = { situations: {}, organisations: { [own]: membership.organisationName }, countries: Object.fromEntries(countries.map((c) => [c.iso3, c.name])) };
  for (const s of situations) {
    names.situations[s.id] = s.title;
    names.organisations[s.organisationId] = s.organisation.name;
  }
  const shared = q.own ? [] : situations.filter((s) => isSharedSituation(membership, s));
  return { keyed: columns.map((c) => [c.key, columnSql(c.key, names, mode, acled)]), from: `FROM (${visibleEventsSql(membership, q, shared)}) e ${eventOrderSql(q)}` };
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
  // node-postgres gives dates as text (yyyy-mm-dd here) and numeric and bigint values as text: made Dates and numbers.
  const dates = columns.filter((c) => c.type === "date").map((c) => c.key);
  const numbers = columns.filter((c) => c.type === "number").map((c) => c.key);
  for await (const rows of cursorBatches<Row>(sql, batch)) {
    for (const r of rows) {
      for (const k of dates) if (r[k] !== null) r[k] = new Date(r[k] as string);
      for (const k of numbers) if (typeof r[k] === "string") r[k] = Number(r[k]);
    }
    yield rows;
  }
}
