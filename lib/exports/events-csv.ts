import "server-only";
// The events CSV, written by PostgreSQL itself (`COPY (SELECT ...) TO STDOUT WITH CSV`) and passed
// through to the response untouched: 1,000,000 events leave at close to the database's own speed
// and the server holds one network buffer at a time. It is the same file the generic exporter
// (lib/exports/write.ts) makes from DATASETS.events, column for column: labels in words, dates as
// yyyy-mm-dd, yes/no, and the formula guard of neutralise.ts done in SQL (tested side by side).
//
// COPY takes no bind parameters, so every value from the request goes in through pg's
// escapeLiteral after zod has parsed it (dates, numbers, ids, free text).
import { Readable } from "node:stream";
import { to as copyTo } from "pg-copy-streams";
import { stringify } from "csv-stringify/sync";
import { db } from "@/lib/db";
import { rawPool } from "@/lib/db-raw";
import type { CurrentMembership } from "@/lib/auth/current-user";
import { CRIME_LABELS } from "@/lib/labels";
import type { EventListQuery } from "@/lib/events/schemas";
import { eventOrderSql, lit, visibleEventsSql } from "@/lib/events/sql";
import type { Column } from "./datasets";


/** neutralise() in SQL: text starting with = + - @ tab or CR gets a leading apostrophe (ascii() reads only the first character). */
const safe = (expr: string) => `CASE WHEN ascii(${expr}) IN (61, 43, 45, 64, 9, 13) THEN '''' || ${expr} ELSE ${expr} END`;

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

/** Each exported column as SQL over `e` (the event). */
function columnSql(key: string, names: Names): string {
  switch (key) {
    case "eventDate":
      return `e."eventDate"::text`; // yyyy-mm-dd: the export's transaction sets DateStyle ISO
    case "eventType":
    case "subEventType":
    case "admin1":
    case "admin2":
    case "location":
    case "notes":
      return safe(`e."${key}"`);
    case "actor1":
    case "actor2":
      return safe(`e.${key}`);
    case "country":
      return safe(`e."countryIso3"::text`);
    case "latitude":
    case "longitude":
      return `trim_scale(e.${key})`;
    case "fatalities":
      return `e.fatalities`;
    case "civilianTargeting":
      return `CASE WHEN e."civilianTargeting" THEN 'yes' ELSE 'no' END`;
    case "crimes":
      return crimes;
    case "indicators":
      // Few events have linked indicators: a hashed membership test skips the lookup for the rest.
      return safe(
        `CASE WHEN e.id IN (SELECT "eventId" FROM "EventIndicator") THEN (SELECT string_agg(i.code, '; ' ORDER BY i.code) FROM "EventIndicator" ei JOIN "Indicator" i ON i.id = ei."indicatorId" WHERE ei."eventId" = e.id) END`,
      );
    case "situation":
      return safe(lookup(names.situations, `e."situationId"`, "Situation", "title"));
    case "externalId":
      return safe(`e."externalId"`);
    case "source":
      return safe(`e."sourceText"`);
    case "organisation":
      return safe(lookup(names.organisations, `e."organisationId"`, "Organisation", "name"));
    default:
      throw new Error(`No SQL for the events column "${key}"`);
  }
}

/**
 * The SELECT behind the export: visibility as two index-ordered parts (the organisation's own
 * events; events of situations other organisations share with the coalition) merged in the
 * list's order, as on screen.
 */
export async function eventsCsvQuery(membership: CurrentMembership, q: EventListQuery, columns: Column[]): Promise<string> {
  const own = membership.organisationId;
  // The situations whose events can appear (the organisation's own, those shared with the coalition), and their organisations' names.
  const situations = await db.situation.findMany({
    where: q.situation ? { id: q.situation } : { OR: [{ organisationId: own }, { visibility: "COALITION", archivedAt: null }] },
    select: { id: true, title: true, organisationId: true, visibility: true, archivedAt: true, organisation: { select: { name: true } } },
  });
  const names: Names = { situations: {}, organisations: { [own]: membership.organisationName } };
  for (const s of situations) {
    names.situations[s.id] = s.title;
    names.organisations[s.organisationId] = s.organisation.name;
  }
  const shared = situations.filter((s) => s.organisationId !== own && s.visibility === "COALITION" && !s.archivedAt);
  return `SELECT ${columns.map((c) => columnSql(c.key, names)).join(", ")} FROM (${visibleEventsSql(membership, q, shared)}) e ${eventOrderSql(q)}`;
}

/** The CSV file (UTF-8 with BOM, header row, optional HXL row), streamed straight from PostgreSQL. */
export async function eventsCsvStream(membership: CurrentMembership, q: EventListQuery, columns: Column[], opts: { hxl?: boolean } = {}): Promise<ReadableStream<Uint8Array>> {
  const sql = await eventsCsvQuery(membership, q, columns);
  const head = "\uFEFF" + stringify([columns.map((c) => c.header), ...(opts.hxl ? [columns.map((c) => c.hxl ?? "")] : [])]);
  const client = await rawPool().connect();
  let done = false;
  const release = (err?: Error) => {
    if (done) return;
    done = true;
    client.release(err); // with an error the connection is closed: a half-read COPY leaves it unusable
  };
  try {
    // In a transaction, so the settings stay with this export (and hold through a transaction-mode pooler):
    // dates as yyyy-mm-dd; no JIT compilation (PostgreSQL compiled this query's expressions at ~1 s
    // of cost to an export of 1,000,000 events, for nothing); and no parallel plan, which dropped the
    // index's order to sort every row again on disk (PostgreSQL 15: 5.5 -> 4.5 s with both off).
    await client.query("BEGIN READ ONLY; SET LOCAL DateStyle = 'ISO'; SET LOCAL jit = off; SET LOCAL max_parallel_workers_per_gather = 0");
  } catch (e) {
    client.release(e as Error);
    throw e;
  }
  const copy = client.query(copyTo(`COPY (${sql}) TO STDOUT WITH (FORMAT csv)`));
  copy.on("error", (e) => release(e));
  async function* body() {
    try {
      yield Buffer.from(head);
      // COPY sends a message per row: gather them into ~64 KB writes (fewer, larger chunks to the socket).
      let parts: Buffer[] = [];
      let size = 0;
      for await (const chunk of copy) {
        parts.push(chunk as Buffer);
        size += (chunk as Buffer).length;
        if (size >= 65536) {
          yield Buffer.concat(parts, size);
          parts = [];
          size = 0;
        }
      }
      if (size) yield Buffer.concat(parts, size);
      await client.query("COMMIT");
      release();
    } finally {
      release(new Error("The download stopped before the end."));
    }
  }
  return Readable.toWeb(Readable.from(body(), { objectMode: false })) as ReadableStream<Uint8Array>;
}
