// The ACLED / CSV import: upload -> check (whole file streamed, problems listed by row and
// column, preview of the first rows as they will be stored) -> import (one transaction: all
// valid rows or none; rows with problems are skipped and listed before the analyst confirms).
// Re-importing updates events by their external id (ACLED event_id_cnty) instead of duplicating.
import { createHash, randomUUID } from "node:crypto";
import type { Db, Tx } from "@/lib/db-client";
import { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { toEventRow, type ColumnMapping, type CountryLookup, type EventRow, type Problem } from "./acled";
import { readCsvRows } from "./csv-file";
import worldCountries, { type Country as WorldCountry } from "world-countries";

export const MAX_PROBLEMS_KEPT = 1000;
export const PREVIEW_ROWS = 20;
const BATCH = 1000;

export async function countryLookup(db: Db | Tx): Promise<CountryLookup> {
  const rows = await db.country.findMany({ select: { iso3: true, name: true } });
  const list = ((worldCountries as unknown as { default?: WorldCountry[] }).default ?? worldCountries) as WorldCountry[];
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
    resolve(value: string) {
      const v = value.trim().toLowerCase();
      const iso3 = map.get(/^\d+$/.test(v) ? String(Number(v)) : v) ?? null;
      return iso3 && known.has(iso3) ? iso3 : null;
    },
  };
}

export interface CheckResult {
  totalRows: number;
  validRows: number;
  problemRows: number;
  problems: Problem[];
  preview: ({ row: number } & ({ event: EventRow } | { problems: Problem[] }))[];
}

/** Reads the whole file through the mapping: counts, problems (the first MAX_PROBLEMS_KEPT) and a preview. */
export async function checkFile(db: Db | Tx, file: string, delimiter: string, mapping: ColumnMapping, onProgress?: (rows: number) => void): Promise<CheckResult> {
  const countries = await countryLookup(db);
  const today = new Date().toISOString().slice(0, 10);
  const result: CheckResult = { totalRows: 0, validRows: 0, problemRows: 0, problems: [], preview: [] };
  for await (const r of readCsvRows(file, delimiter)) {
    result.totalRows++;
    const parsed = r.record ? toEventRow(r.record, mapping, countries, r.row, today) : { problems: [{ row: r.row, column: "", problem: r.problem! }] };
    if ("event" in parsed) result.validRows++;
    else {
      result.problemRows++;
      for (const p of parsed.problems) if (result.problems.length < MAX_PROBLEMS_KEPT) result.problems.push(p);
    }
    if (result.preview.length < PREVIEW_ROWS) result.preview.push({ row: r.row, ...parsed });
    if (onProgress && result.totalRows % 5000 === 0) onProgress(result.totalRows);
  }
  return result;
}

/** A stable id for rows without one, so re-importing the same file updates instead of duplicating. */
function rowKey(e: EventRow) {
  return "row:" + createHash("sha256").update(JSON.stringify(e)).digest("hex").slice(0, 32);
}

/** The organisation's situation an event belongs to, when matched by country and date. */
export async function situationMatcher(tx: Tx, organisationId: string) {
  const situations = await tx.situation.findMany({
    where: { organisationId, archivedAt: null },
    select: { id: true, countryIso3: true, monitoringSince: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
  return (countryIso3: string | null, eventDate: string) =>
    situations.find((s) => s.countryIso3 === countryIso3 && (!s.monitoringSince || s.monitoringSince.toISOString().slice(0, 10) <= eventDate))?.id ??
    situations.find((s) => s.countryIso3 === countryIso3)?.id ??
    null;
}

async function upsertBatch(tx: Tx, rows: { e: EventRow; situationId: string | null }[], ctx: { organisationId: string; userId: string; importId: string }) {
  const values = rows.map(({ e, situationId }) =>
    Prisma.sql`(${randomUUID()}, ${ctx.organisationId}, ${situationId}, ${e.externalId ?? rowKey(e)}, ${e.eventDate}::date, ${e.timePrecision}, ${e.disorderType}, ${e.eventType}, ${e.subEventType},
      ${e.actor1}, ${e.assocActor1}, ${e.actor2}, ${e.assocActor2}, ${e.interaction}, ${e.civilianTargeting}, ${e.countryIso3}, ${e.admin1}, ${e.admin2}, ${e.admin3},
      ${e.location}, ${e.latitude}::numeric, ${e.longitude}::numeric, ${e.geoPrecision}, ${e.sourceText}, ${e.sourceScale}, ${e.notes}, ${e.fatalities}, ${e.tags},
      ${ctx.importId}, ${ctx.userId}, now())`,
  );
  const result = await tx.$queryRaw<{ inserted: boolean }[]>`
    INSERT INTO "Event" (id, "organisationId", "situationId", "externalId", "eventDate", "timePrecision", "disorderType", "eventType", "subEventType",
      actor1, "assocActor1", actor2, "assocActor2", interaction, "civilianTargeting", "countryIso3", admin1, admin2, admin3,
      location, latitude, longitude, "geoPrecision", "sourceText", "sourceScale", notes, fatalities, tags, "importId", "createdById", "updatedAt")
    VALUES ${Prisma.join(values)}
    ON CONFLICT ("organisationId", "externalId") DO UPDATE SET
      "situationId" = COALESCE(EXCLUDED."situationId", "Event"."situationId"), "eventDate" = EXCLUDED."eventDate", "timePrecision" = EXCLUDED."timePrecision",
      "disorderType" = EXCLUDED."disorderType", "eventType" = EXCLUDED."eventType", "subEventType" = EXCLUDED."subEventType", actor1 = EXCLUDED.actor1,
      "assocActor1" = EXCLUDED."assocActor1", actor2 = EXCLUDED.actor2, "assocActor2" = EXCLUDED."assocActor2", interaction = EXCLUDED.interaction,
      "civilianTargeting" = EXCLUDED."civilianTargeting", "countryIso3" = EXCLUDED."countryIso3", admin1 = EXCLUDED.admin1, admin2 = EXCLUDED.admin2,
      admin3 = EXCLUDED.admin3, location = EXCLUDED.location, latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude,
      "geoPrecision" = EXCLUDED."geoPrecision", "sourceText" = EXCLUDED."sourceText", "sourceScale" = EXCLUDED."sourceScale", notes = EXCLUDED.notes,
      fatalities = EXCLUDED.fatalities, tags = EXCLUDED.tags, "importId" = EXCLUDED."importId", "deletedAt" = NULL,
      version = "Event".version + 1, "updatedAt" = now()
    RETURNING (xmax = 0) AS inserted`;
  const created = result.filter((r) => r.inserted).length;
  return { created, updated: result.length - created };
}

/**
 * Imports every valid row of a checked file in one transaction (nothing is written if anything
 * fails); rows with problems are skipped and counted. Progress is written to the import record
 * from outside the transaction, for the progress bar.
 */
export async function runImport(db: Db, imp: { id: string; organisationId: string; situationId: string | null; fileName: string; sha256: string; file: string; delimiter: string; mapping: ColumnMapping }, userId: string) {
  const claimed = await db.eventImport.updateMany({ where: { id: imp.id, status: "PENDING" }, data: { status: "RUNNING", processedRows: 0 } });
  if (claimed.count !== 1) throw new Error("This import has already run or is running.");
  const countries = await countryLookup(db);
  const today = new Date().toISOString().slice(0, 10);
  let processed = 0;
  try {
    const counts = await db.$transaction(
      async (tx) => {
        const match = imp.situationId ? () => imp.situationId : await situationMatcher(tx, imp.organisationId);
        let created = 0;
        let updated = 0;
        let skipped = 0;
        let unmatched = 0;
        let batch: { e: EventRow; situationId: string | null }[] = [];
        let batchKeys = new Set<string>();
        const flush = async () => {
          if (!batch.length) return;
          batchKeys = new Set();
          const r = await upsertBatch(tx, batch, { organisationId: imp.organisationId, userId, importId: imp.id });
          created += r.created;
          updated += r.updated;
          batch = [];
          await db.eventImport.update({ where: { id: imp.id }, data: { processedRows: processed } });
        };
        for await (const r of readCsvRows(imp.file, imp.delimiter)) {
          processed++;
          const parsed = r.record ? toEventRow(r.record, imp.mapping, countries, r.row, today) : null;
          if (!parsed || !("event" in parsed)) {
            skipped++;
            continue;
          }
          const key = parsed.event.externalId ?? rowKey(parsed.event);
          if (batchKeys.has(key)) await flush(); // the same id twice in one statement is refused by PostgreSQL: the later row wins, in order
          batchKeys.add(key);
          const situationId = match(parsed.event.countryIso3, parsed.event.eventDate);
          if (!situationId) unmatched++;
          batch.push({ e: parsed.event, situationId });
          if (batch.length >= BATCH) await flush();
        }
        await flush();
        const summary = { totalRows: processed, createdCount: created, updatedCount: updated, skippedCount: skipped };
        await tx.eventImport.update({ where: { id: imp.id }, data: { ...summary, processedRows: processed, status: "COMPLETED", finishedAt: new Date() } });
        await writeAudit(tx, {
          userId,
          organisationId: imp.organisationId,
          action: "event_import.complete",
          entityType: "EventImport",
          entityId: imp.id,
          after: { fileName: imp.fileName, sha256: imp.sha256, ...summary, withoutSituation: unmatched },
          meta: { situationId: imp.situationId },
        });
        return { ...summary, unmatched };
      },
      { timeout: 30 * 60_000, maxWait: 10_000 },
    );
    return counts;
  } catch (e) {
    await db.eventImport.update({ where: { id: imp.id }, data: { status: "FAILED", finishedAt: new Date(), processedRows: processed } });
    await writeAudit(db, {
      userId,
      organisationId: imp.organisationId,
      action: "event_import.fail",
      entityType: "EventImport",
      entityId: imp.id,
      after: { fileName: imp.fileName, sha256: imp.sha256, error: (e as Error).message.slice(0, 500) },
    });
    throw e;
  }
}
