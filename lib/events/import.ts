// The ACLED / CSV import: upload -> check (whole file streamed, problems listed by row and
// column, preview of the first rows as they will be stored) -> import (one transaction: all
// valid rows or none; rows with problems are skipped and listed before the analyst confirms).
// Re-importing updates events by their external id (ACLED event_id_cnty) instead of duplicating;
// events the file does not change are left as they are (counted as unchanged).
import { createHash } from "node:crypto";
import type { Db, Tx } from "@/lib/db-client";
import { Prisma } from "@/lib/generated/prisma/client";
import { prepareValue } from "pg/lib/utils";
import { writeAudit } from "@/lib/audit/write-audit";
import { raiseSignalAlerts } from "@/lib/signals/raise";
import { toEventRow, type ColumnMapping, type CountryLookup, type EventRow, type Problem } from "./acled";
import { CsvFileError, readCsvRows } from "./csv-file";
import { hasPlace, inArea } from "./area";
import { contentHash, RepeatFilter, RepeatTracker, type KeepRepeats, type Repeat, type RepeatCounts } from "./repeats";
import { worldCountryList } from "./world-countries";

export const MAX_PROBLEMS_KEPT = 1000;
export const PREVIEW_ROWS = 20;
/** Rows per statement. */
export const IMPORT_BATCH = 5000;

export async function countryLookup(db: Db | Tx): Promise<CountryLookup & { codes: string[] }> {
  const rows = await db.country.findMany({ select: { iso3: true, name: true } });
  const list = worldCountryList();
  const map = new Map<string, string>();
  for (const c of list) {
    if (c.ccn3) map.set(String(Number(c.ccn3)), c.cca3);
    map.set(c.name.common.toLowerCase(), c.cca3);
    map.set(c.name.official.toLowerCase(), c.cca3);
    for (const alt of c.altSpellings ?? []) map.set(alt.toLowerCase(), c.cca3);
  }
  for (const r of rows) {
    map.set(r.iso3.toLowerCase(), r.iso3);
    map.set(r.name.toLowerCase(), r.iso3);
  }
  const known = new Set(rows.map((r) => r.iso3));
  return {
    codes: [...known],
    resolve(value: string) {
      const v = value.trim().toLowerCase();
      const iso3 = map.get(/^\d+$/.test(v) ? String(Number(v)) : v) ?? null;
      return iso3 && known.has(iso3) ? iso3 : null;
    },
  };
}

export interface CheckResult extends RepeatCounts {
  totalRows: number;
  validRows: number;
  problemRows: number;
  problems: Problem[];
  preview: ({ row: number } & ({ event: EventRow } | { problems: Problem[] }))[];
  /** Ids on more than one valid row (the first MAX_REPEATS_KEPT), with their rows. */
  repeats: Repeat[];
}

/**
 * Reads the whole file through the mapping: counts, problems (the first MAX_PROBLEMS_KEPT), ids
 * repeated within the file (see ./repeats) and a preview.
 */
export async function checkFile(db: Db | Tx, file: string, delimiter: string, mapping: ColumnMapping, onProgress?: (rows: number) => void): Promise<CheckResult> {
  const countries = await countryLookup(db);
  const today = new Date().toISOString().slice(0, 10);
  const result: CheckResult = { totalRows: 0, validRows: 0, problemRows: 0, problems: [], preview: [], repeats: [], repeatedIds: 0, identicalRepeatRows: 0, differingRepeatIds: 0, differingRepeatRows: 0 };
  const repeats = new RepeatTracker();
  for await (const r of readCsvRows(file, delimiter)) {
    result.totalRows++;
    const parsed = r.record ? toEventRow(r.record, mapping, countries, r.row, today) : { problems: [{ row: r.row, column: "", problem: r.problem! }] };
    if ("event" in parsed) {
      result.validRows++;
      // A row without an id is known by its content: a repeat of it is always identical.
      if (parsed.event.externalId) repeats.see(parsed.event.externalId, parsed.event.externalId, r.row, contentHash(Object.values(parsed.event)));
      else repeats.see(rowKey(parsed.event), null, r.row, 0);
    } else {
      result.problemRows++;
      for (const p of parsed.problems) if (result.problems.length < MAX_PROBLEMS_KEPT) result.problems.push(p);
    }
    if (result.preview.length < PREVIEW_ROWS) result.preview.push({ row: r.row, ...parsed });
    if (onProgress && result.totalRows % 5000 === 0) onProgress(result.totalRows);
  }
  return { ...result, ...repeats.counts, repeats: repeats.list };
}

/** A row's key: its id, or for rows without one a stable id from their content, so re-importing the same file updates instead of duplicating. */
function rowKey(e: EventRow) {
  return e.externalId ?? "row:" + createHash("sha256").update(JSON.stringify(e)).digest("hex").slice(0, 32);
}

/**
 * The organisation's situation an event belongs to, matched by country, area and date: among the
 * country's situations (those monitored by the event's date first, the newest first), the one whose
 * area (a situation's optional sub-national scope) holds the event's place, else one that covers the
 * whole country. An event placed outside every area of its country's situations goes to no situation
 * (it stays in the organisation's log); one with no place at all, to the country's first situation.
 */
export async function situationMatcher(tx: Tx, organisationId: string) {
  const situations = await tx.situation.findMany({
    where: { organisationId, archivedAt: null },
    select: { id: true, countryIso3: true, scope: true, monitoringSince: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
  // Per country: its situations (newest first), and whether any of them has an area (else the place is not read).
  const byCountry = new Map<string, { situations: typeof situations; areas: boolean }>();
  for (const s of situations) {
    const c = byCountry.get(s.countryIso3) ?? byCountry.set(s.countryIso3, { situations: [], areas: false }).get(s.countryIso3)!;
    c.situations.push(s);
    c.areas ||= !!s.scope?.trim();
  }
  const match = (e: Pick<EventRow, "countryIso3" | "eventDate" | "admin1" | "admin2" | "location">) => {
    const country = e.countryIso3 ? byCountry.get(e.countryIso3) : undefined;
    if (!country) return null;
    const monitored = (s: (typeof situations)[number]) => !s.monitoringSince || s.monitoringSince.toISOString().slice(0, 10) <= e.eventDate;
    if (!country.areas || !hasPlace(e)) return (country.situations.find(monitored) ?? country.situations[0]).id;
    const byDate = [country.situations.filter(monitored), country.situations.filter((s) => !monitored(s))];
    for (const group of byDate) {
      const found = group.find((s) => s.scope?.trim() && inArea(s.scope, e)) ?? group.find((s) => !s.scope?.trim());
      if (found) return found.id;
    }
    return null;
  };
  return { match, ids: situations.map((s) => s.id) };
}

/*
 * Reference checks in bulk. PostgreSQL checks Event's five foreign keys with one query per row and
 * key: about half of an import's database time. Every value an import writes into those columns
 * comes from a short list it reads in its own transaction (the organisation, the user, the import,
 * the situations it matches to, the countries it knows). So the import locks those rows the way a
 * foreign-key check does (FOR KEY SHARE: nobody can delete them or change their key until it
 * commits), turns the per-row checks off for its batch statements only (SET LOCAL
 * session_replication_role = replica, back to origin before anything else is written), and
 * before committing counts the rows it wrote whose references are missing (a last guard against a
 * mistake in this code; the locks are what keep others from deleting a referenced row meanwhile).
 * Used when the database user may set that parameter and every trigger on Event is a foreign-key
 * trigger and it has no rules (anything else would be skipped too); otherwise, or if a listed row
 * has gone, the per-row checks run as usual.
 */

/** Whether this database lets the import check references in bulk (see above). */
export async function bulkReferenceChecksAvailable(db: Db | Tx): Promise<boolean> {
  try {
    const [r] = await db.$queryRaw<{ ok: boolean }[]>`
      SELECT has_parameter_privilege('session_replication_role', 'SET')
        AND NOT EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
                        WHERE t.tgrelid = '"Event"'::regclass AND NOT (t.tgisinternal AND left(p.proname, 8) = 'RI_FKey_'))
        AND NOT EXISTS (SELECT 1 FROM pg_rewrite WHERE ev_class = '"Event"'::regclass AND rulename <> '_RETURN') AS ok`;
    return r?.ok === true;
  } catch {
    return false; // e.g. PostgreSQL before 15 (no has_parameter_privilege): per-row checks
  }
}

/** Locks every row the import may reference (as a foreign-key check would); false if one is missing. */
export async function lockReferences(tx: Tx, refs: { organisationId: string; userId: string; importId: string; situationIds: string[]; countries: string[] }) {
  const [r] = await tx.$queryRaw<{ organisations: number; users: number; imports: number; situations: number; countries: number }[]>`
    WITH o AS (SELECT 1 FROM "Organisation" WHERE id = ${refs.organisationId} FOR KEY SHARE),
      u AS (SELECT 1 FROM "User" WHERE id = ${refs.userId} FOR KEY SHARE),
      i AS (SELECT 1 FROM "EventImport" WHERE id = ${refs.importId} FOR KEY SHARE),
      s AS (SELECT 1 FROM "Situation" WHERE id = ANY(${refs.situationIds}::text[]) FOR KEY SHARE),
      c AS (SELECT 1 FROM "Country" WHERE iso3 = ANY(${refs.countries}::text[]) FOR KEY SHARE)
    SELECT (SELECT count(*) FROM o)::int AS organisations, (SELECT count(*) FROM u)::int AS users, (SELECT count(*) FROM i)::int AS imports,
      (SELECT count(*) FROM s)::int AS situations, (SELECT count(*) FROM c)::int AS countries`;
  return r.organisations === 1 && r.users === 1 && r.imports === 1 && r.situations === new Set(refs.situationIds).size && r.countries === new Set(refs.countries).size;
}

/** Rows written by this import (its id is locked) whose situation, country, organisation or creator does not exist. */
export async function unreferencedRows(tx: Tx | Db, importId: string): Promise<number> {
  const [r] = await tx.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "Event" e
    WHERE e."importId" = ${importId} AND (
      (e."situationId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Situation" s WHERE s.id = e."situationId"))
      OR (e."countryIso3" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Country" c WHERE c.iso3 = e."countryIso3"))
      OR NOT EXISTS (SELECT 1 FROM "Organisation" o WHERE o.id = e."organisationId")
      OR NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = e."createdById"))`;
  return r.n;
}

/** The columns an import writes, with their SQL types: each goes to PostgreSQL as one array per batch. */
const COLUMNS = [
  ["id", "text"],
  ["situationId", "text"],
  ["externalId", "text"],
  ["eventDate", "date"],
  ["timePrecision", "int"],
  ["disorderType", "text"],
  ["eventType", "text"],
  ["subEventType", "text"],
  ["actor1", "text"],
  ["assocActor1", "text"],
  ["actor2", "text"],
  ["assocActor2", "text"],
  ["interaction", "text"],
  ["civilianTargeting", "boolean"],
  ["countryIso3", "text"],
  ["admin1", "text"],
  ["admin2", "text"],
  ["admin3", "text"],
  ["location", "text"],
  ["latitude", "numeric"],
  ["longitude", "numeric"],
  ["geoPrecision", "int"],
  ["sourceText", "text"],
  ["sourceScale", "text"],
  ["notes", "text"],
  ["fatalities", "int"],
  ["tags", "text"],
] as const;
type ImportRow = { e: EventRow; situationId: string | null; id: string; key: string };
type Cell = string | number | boolean | null;

function valueOf(r: ImportRow, column: (typeof COLUMNS)[number][0]): Cell {
  if (column === "id") return r.id;
  if (column === "situationId") return r.situationId;
  if (column === "externalId") return r.key;
  return r.e[column];
}

const quoted = (c: string) => `"${c}"`;
const UPSERT_HEAD = `INSERT INTO "Event" (${COLUMNS.map(([c]) => quoted(c)).join(", ")}, "organisationId", "importId", "createdById", "updatedAt")
  SELECT u.*, `;
const UPDATED = COLUMNS.map(([c]) => c).filter((c) => c !== "id" && c !== "situationId" && c !== "externalId");
const UPDATE_SET = UPDATED.map((c) => `${quoted(c)} = EXCLUDED.${quoted(c)}`).join(", ");
/** An event is rewritten only when the file (`src`: EXCLUDED or the batch's rows) says something else about it (or it had been deleted). */
const differs = (src: string) => `"Event"."deletedAt" IS NOT NULL
        OR (${UPDATED.map((c) => `"Event".${quoted(c)}`).join(", ")}) IS DISTINCT FROM (${UPDATED.map((c) => `${src}.${quoted(c)}`).join(", ")})`;
const CHANGED = `${differs("EXCLUDED")}
        OR (EXCLUDED."situationId" IS NOT NULL AND EXCLUDED."situationId" IS DISTINCT FROM "Event"."situationId")`;
const BY_ID_SET = UPDATED.map((c) => `${quoted(c)} = u.${quoted(c)}`).join(", ");
const BY_ID_CHANGED = differs("u");
const ROW_COLUMNS = COLUMNS.map(([c]) => quoted(c)).join(", ");
const KEY_COLUMN = COLUMNS.findIndex(([c]) => c === "externalId");

/**
 * One statement per batch: every column travels as a single array parameter and is unnested by
 * PostgreSQL (27 parameters for 5,000 rows instead of 155,000). New rows are inserted; rows whose
 * external id the organisation already has are updated in place (a re-import) when the file says
 * something else about them, and otherwise left as they are (same version, same last import).
 * Only the counts come back, not a row per event.
 */
/**
 * A batch's 27 columns as PostgreSQL array literals, made by node-postgres' own serialiser. Done for
 * the next batch while the previous one is being written: passed as 27 strings, the arrays no
 * longer cost their ~135,000 values' conversion between one statement and the next.
 */
function batchArrays(rows: ImportRow[]): string[] {
  return COLUMNS.map(([c]) => prepareValue(rows.map((r) => valueOf(r, c))) as string);
}

async function upsertBatch(tx: Tx, arrays: string[], rows: number, ctx: { organisationId: string; userId: string; importId: string }) {
  const [result] = await tx.$queryRaw<{ created: number; total: number }[]>`
    WITH written AS (
      ${Prisma.raw(UPSERT_HEAD)} ${ctx.organisationId}, ${ctx.importId}, ${ctx.userId}, now()
      FROM unnest(${Prisma.join(arrays.map((a, i) => Prisma.sql`${a}::${Prisma.raw(COLUMNS[i][1])}[]`))}) AS u
      ON CONFLICT ("organisationId", "externalId") DO UPDATE SET
        "situationId" = COALESCE(EXCLUDED."situationId", "Event"."situationId"), ${Prisma.raw(UPDATE_SET)},
        "importId" = EXCLUDED."importId", "deletedAt" = NULL, version = "Event".version + 1, "updatedAt" = now()
      WHERE ${Prisma.raw(CHANGED)}
      RETURNING (xmax = 0) AS inserted)
    SELECT (count(*) FILTER (WHERE inserted))::int AS created, count(*)::int AS total FROM written`;
  return { created: result.created, updated: result.total - result.created, unchanged: rows - result.total };
}

/*
 * An event recorded by hand has no external id: our events export writes its record id as
 * event_id_cnty (lib/exports/datasets.ts). A row whose id no event of the organisation has as its
 * external id, but which is the record id of one of the organisation's events without an external
 * id, is that event: updated in place when the file says something else about it, else left as it
 * is; its external id stays empty, and it stays in the situation its author chose. Found for a
 * whole batch by one lookup of its ids (recordIdsAmong), not a query per row; skipped altogether
 * when the organisation has no such event (hasEventsWithoutExternalId). Measured on 100,000 new
 * rows: the same statement for every row (a join in the upsert) cost 25-30 % of the import's speed;
 * this lookup, a few per cent.
 */

/** Whether the organisation has any event without an external id (one recorded by hand). */
export async function hasEventsWithoutExternalId(tx: Tx, organisationId: string): Promise<boolean> {
  const [r] = await tx.$queryRaw<{ any: boolean }[]>`SELECT EXISTS (SELECT 1 FROM "Event" WHERE "organisationId" = ${organisationId} AND "externalId" IS NULL) AS any`;
  return r.any;
}

/** Which of a batch's ids (its serialised keys array) are record ids of the organisation's events without an external id, and no event's external id. */
async function recordIdsAmong(tx: Tx, keys: string, organisationId: string): Promise<Set<string>> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT e.id FROM "Event" e
    WHERE e.id = ANY(${keys}::text[]) AND e."organisationId" = ${organisationId} AND e."externalId" IS NULL
      AND NOT EXISTS (SELECT 1 FROM "Event" x WHERE x."organisationId" = ${organisationId} AND x."externalId" = e.id)`;
  return new Set(rows.map((r) => r.id));
}

/** Events recorded by hand, rewritten by their record id when the file says something else about them. */
async function updateByRecordId(tx: Tx, arrays: string[], rows: number, ctx: { organisationId: string; importId: string }) {
  const changed = await tx.$executeRaw`
    UPDATE "Event" SET ${Prisma.raw(BY_ID_SET)}, "importId" = ${ctx.importId}, "deletedAt" = NULL, version = "Event".version + 1, "updatedAt" = now()
    FROM unnest(${Prisma.join(arrays.map((a, i) => Prisma.sql`${a}::${Prisma.raw(COLUMNS[i][1])}[]`))}) AS u(${Prisma.raw(ROW_COLUMNS)})
    WHERE "Event".id = u."externalId" AND "Event"."organisationId" = ${ctx.organisationId} AND "Event"."externalId" IS NULL AND (${Prisma.raw(BY_ID_CHANGED)})`;
  return { created: 0, updated: changed, unchanged: rows - changed };
}

/** A batch written: rows that are events recorded by hand (when `lookUp`) by their record id, the others by the upsert. */
async function writeBatch(tx: Tx, batch: ImportRow[], arrays: string[], lookUp: boolean, ctx: { organisationId: string; userId: string; importId: string }) {
  const byId = lookUp ? await recordIdsAmong(tx, arrays[KEY_COLUMN], ctx.organisationId) : new Set<string>();
  if (!byId.size) return upsertBatch(tx, arrays, batch.length, ctx);
  const hand = batch.filter((r) => byId.has(r.key));
  const rest = batch.filter((r) => !byId.has(r.key));
  const a = await updateByRecordId(tx, batchArrays(hand), hand.length, ctx);
  const b = rest.length ? await upsertBatch(tx, batchArrays(rest), rest.length, ctx) : { created: 0, updated: 0, unchanged: 0 };
  return { created: a.created + b.created, updated: a.updated + b.updated, unchanged: a.unchanged + b.unchanged };
}

/**
 * Imports every valid row of a checked file in one transaction (nothing is written if anything
 * fails); rows with problems are skipped and counted. Progress is written to the import record
 * from outside the transaction, for the progress bar.
 *
 * An id on several rows of the file is imported from one of them, never written twice:
 * `repeats` FIRST keeps the first row of each (the default), LAST the last one (the file is read
 * once more first, to find each id's last row); the other rows are skipped and counted
 * (repeatSkippedCount). NONE, when the check found no repeated id: nothing is remembered across
 * batches (no memory per id), and a repeat found after all stops the import.
 */
export async function runImport(
  db: Db,
  imp: { id: string; organisationId: string; situationId: string | null; fileName: string; sha256: string; file: string; delimiter: string; mapping: ColumnMapping },
  userId: string,
  opts: { perRowChecks?: boolean; repeats?: KeepRepeats | "NONE" } = {},
) {
  const repeatMode = opts.repeats ?? "FIRST";
  const countries = await countryLookup(db);
  const bulkAvailable = !opts.perRowChecks && (await bulkReferenceChecksAvailable(db));
  const today = new Date().toISOString().slice(0, 10);
  let processed = 0;
  let claimed = false;
  try {
    const counts = await db.$transaction(
      async (tx) => {
        // The import's transaction holds this lock until it ends, however it ends: a process that
        // dies takes it away with its connection, which is how a dead import is told from a live one
        // (importAbandoned). It is taken before the import is marked running, so a running import
        // always holds it.
        if (!(await holdImportLock(tx, imp.id))) throw new ImportBusyError();
        const claim = await db.eventImport.updateMany({ where: { id: imp.id, status: { in: ["PENDING", "FAILED"] } }, data: { status: "RUNNING", processedRows: 0, finishedAt: null } });
        if (claim.count !== 1) throw new ImportBusyError();
        claimed = true;
        const situations = imp.situationId ? { match: () => imp.situationId, ids: [imp.situationId] } : await situationMatcher(tx, imp.organisationId);
        const match = situations.match;
        const bulk =
          bulkAvailable &&
          (await lockReferences(tx, { organisationId: imp.organisationId, userId, importId: imp.id, situationIds: situations.ids, countries: countries.codes }));
        const handRecorded = await hasEventsWithoutExternalId(tx, imp.organisationId);
        if (bulk) await tx.$executeRaw`SET LOCAL session_replication_role = replica`;
        const filter = repeatMode === "NONE" ? null : new RepeatFilter(repeatMode);
        if (filter?.keep === "LAST") {
          for await (const r of readCsvRows(imp.file, imp.delimiter)) {
            const parsed = r.record ? toEventRow(r.record, imp.mapping, countries, r.row, today) : null;
            if (parsed && "event" in parsed) filter.noteRow(rowKey(parsed.event), r.row);
          }
        }
        let created = 0;
        let updated = 0;
        let unchanged = 0;
        let skipped = 0;
        let repeatSkipped = 0;
        let unmatched = 0;
        let batch: ImportRow[] = [];
        let batchKeys = new Set<string>();
        let seq = 0;
        // One batch is written while the next is read and checked: the file and the database work at the same time.
        let writing: Promise<void> = Promise.resolve();
        const flush = async () => {
          if (!batch.length) return;
          const arrays = batchArrays(batch);
          const rows = batch;
          const upTo = processed;
          batch = [];
          batchKeys = new Set();
          await writing; // batches go in file order
          writing = (async () => {
            const r = await writeBatch(tx, rows, arrays, handRecorded, { organisationId: imp.organisationId, userId, importId: imp.id });
            created += r.created;
            updated += r.updated;
            unchanged += r.unchanged;
            await db.eventImport.update({ where: { id: imp.id }, data: { processedRows: upTo } });
          })();
          writing.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled meanwhile
        };
        try {
          for await (const r of readCsvRows(imp.file, imp.delimiter)) {
            processed++;
            const parsed = r.record ? toEventRow(r.record, imp.mapping, countries, r.row, today) : null;
            if (!parsed || !("event" in parsed)) {
              skipped++;
              continue;
            }
            const key = rowKey(parsed.event);
            if (filter && !filter.keepRow(key, r.row)) {
              repeatSkipped++;
              continue;
            }
            // Only when the check found no repeated id (NONE): one it did not find is not written over.
            if (batchKeys.has(key)) throw new CsvFileError(`Row ${r.row} repeats the id of an earlier row, which the check did not find: check the file again.`);
            batchKeys.add(key);
            const situationId = match(parsed.event);
            if (!situationId) unmatched++;
            // Ids in file order (the import's id and a counter): new rows go to the end of the primary key's index.
            batch.push({ e: parsed.event, situationId, key, id: `${imp.id}-${(seq++).toString(36).padStart(6, "0")}` });
            if (batch.length >= IMPORT_BATCH) await flush();
          }
          await flush();
          await writing;
        } catch (e) {
          await writing.catch(() => undefined); // let the batch being written finish before the transaction rolls back
          throw e;
        }
        if (bulk) {
          await tx.$executeRaw`SET LOCAL session_replication_role = origin`;
          const broken = await unreferencedRows(tx, imp.id);
          if (broken) throw new Error(`${broken} imported rows refer to a situation, country, organisation or user that does not exist; nothing was imported.`);
        }
        const summary = { totalRows: processed, createdCount: created, updatedCount: updated, unchangedCount: unchanged, skippedCount: skipped, withoutSituationCount: unmatched };
        const repeats = { repeatSkippedCount: repeatSkipped, keepRepeats: repeatMode === "NONE" ? null : repeatMode };
        await tx.eventImport.update({ where: { id: imp.id }, data: { ...summary, processedRows: processed, status: "COMPLETED", finishedAt: new Date() } });
        // Kept with the check's report (which lists the repeated ids) rather than in columns of their own.
        await tx.$executeRaw`UPDATE "EventImport" SET problems = problems || ${JSON.stringify(repeats)}::jsonb WHERE id = ${imp.id} AND jsonb_typeof(problems) = 'object'`;
        await writeAudit(tx, {
          userId,
          organisationId: imp.organisationId,
          action: "event_import.complete",
          entityType: "EventImport",
          entityId: imp.id,
          after: { fileName: imp.fileName, sha256: imp.sha256, ...summary, ...repeats },
          meta: { situationId: imp.situationId },
        });
        // The event log's signals of the situations this import wrote to (lib/signals), raised as
        // alerts with the import, for those who may see each situation.
        const touched = await tx.$queryRaw<{ situationId: string }[]>`SELECT DISTINCT "situationId" FROM "Event" WHERE "importId" = ${imp.id} AND "situationId" IS NOT NULL`;
        const alertIds = await raiseSignalAlerts(tx, touched.map((r) => r.situationId), userId);
        return { ...summary, ...repeats, bulkChecks: bulk, alertIds };
      },
      { timeout: 30 * 60_000, maxWait: 10_000 },
    );
    return counts;
  } catch (e) {
    if (!claimed) throw e;
    const failed = await db.eventImport.updateMany({ where: { id: imp.id, status: "RUNNING" }, data: { status: "FAILED", finishedAt: new Date(), processedRows: processed } });
    if (failed.count === 0) throw e; // already marked failed by importAbandoned
    await writeAudit(db, {
      userId,
      organisationId: imp.organisationId,
      action: "event_import.fail",
      entityType: "EventImport",
      entityId: imp.id,
      after: { fileName: imp.fileName, sha256: imp.sha256, keepRepeats: repeatMode === "NONE" ? null : repeatMode, error: (e as Error).message.slice(0, 500) },
    });
    throw e;
  }
}

const IMPORT_LOCK = 72707370; // an advisory lock space of our own (Prisma's migration lock is 72707369)

export class ImportBusyError extends Error {
  constructor() {
    super("This import has already run or is running.");
  }
}

/** Takes the import's lock for the rest of the transaction; false when another transaction holds it. */
async function holdImportLock(tx: Tx, importId: string): Promise<boolean> {
  const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${IMPORT_LOCK}::int, hashtext(${importId})) AS locked`;
  return locked;
}

/**
 * An import marked running whose transaction is gone (its server process was killed or lost its
 * database connection: PostgreSQL rolled everything back) is marked failed, audited, and may be
 * run again. Returns the import's status as it now stands. Safe to call from any process.
 */
export async function importAbandoned(db: Db, imp: { id: string; status: string; organisationId: string; fileName: string; sha256: string; createdById: string }): Promise<string> {
  if (imp.status !== "RUNNING") return imp.status;
  return db.$transaction(async (tx) => {
    if (!(await holdImportLock(tx, imp.id))) return "RUNNING";
    const failed = await tx.eventImport.updateMany({ where: { id: imp.id, status: "RUNNING" }, data: { status: "FAILED", finishedAt: new Date() } });
    if (failed.count === 0) return (await tx.eventImport.findUniqueOrThrow({ where: { id: imp.id }, select: { status: true } })).status;
    await writeAudit(tx, {
      userId: imp.createdById,
      organisationId: imp.organisationId,
      action: "event_import.fail",
      entityType: "EventImport",
      entityId: imp.id,
      after: { fileName: imp.fileName, sha256: imp.sha256, error: "The server stopped during the import; nothing was imported." },
    });
    return "FAILED";
  });
}
