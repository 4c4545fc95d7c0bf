import "server-only";
import { canChangeImport, importVisibleWhere } from "@/lib/access/imports";
import path from "node:path";
import { rm } from "node:fs/promises";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import { emailAlertsLater } from "@/lib/alerts/email";
import type { Actor } from "@/lib/auth/action";
import type { CurrentMembership } from "@/lib/auth/current-user";
import { ActionError, ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import { ownSituation } from "@/lib/situations/ownership";
import { storeUpload, uploadDir, UploadError } from "@/lib/sources/files";
import { maxImportBytes } from "@/lib/uploads/limits";
import type { UploadHeaders } from "@/lib/uploads/receive";
import { applicableMapping, autoMapping, IMPORT_FIELDS, missingRequired, type ColumnMapping } from "./acled";
import { CsvFileError, inspectCsv } from "./csv-file";
import { checkFile, importAbandoned, ImportBusyError, runImport, type CheckResult } from "./import";
import type { KeepRepeats, RepeatCounts } from "./repeats";

export const LAST_MAPPING = "last";

const CSV_TYPES = { "text/plain": { ext: ["csv", "txt", "tsv"], label: "text (CSV) file" } };

/** Stores an uploaded CSV and opens an import for it, with the columns mapped automatically or as last time. */
export async function createImport({ user, membership }: Actor, body: ReadableStream<Uint8Array>, upload: UploadHeaders, situationId: string | null) {
  if (situationId) await db.$transaction((tx) => ownSituation(tx, membership, situationId, { refuseArchived: true }));
  const { fileName } = upload;
  const stored = await storeUpload(body, fileName, { limit: maxImportBytes(), accepted: CSV_TYPES, expected: "upload a CSV file (text, UTF-8), e.g. an ACLED export", declaredSize: upload.declaredSize, sha256: upload.sha256 });
  const file = path.join(uploadDir(), stored.key);
  let header: { delimiter: string; headers: string[] };
  try {
    header = await inspectCsv(file);
  } catch (e) {
    await rm(file, { force: true });
    throw e instanceof CsvFileError ? new UploadError(e.message, 422) : e;
  }
  const remembered = await db.importMapping.findUnique({ where: { organisationId_name: { organisationId: membership.organisationId, name: LAST_MAPPING } } });
  const auto = autoMapping(header.headers);
  const fromLast = remembered ? applicableMapping(remembered.mapping as ColumnMapping, header.headers) : {};
  const mapping = missingRequired(auto).length === 0 ? auto : { ...auto, ...fromLast };
  const imp = await db.$transaction(async (tx) => {
    const created = await tx.eventImport.create({
      data: {
        organisationId: membership.organisationId,
        situationId,
        fileName,
        sha256: stored.sha256,
        fileKey: stored.key,
        fileSize: stored.size,
        delimiter: header.delimiter,
        headers: header.headers,
        mapping,
        createdById: user.id,
      },
    });
    await writeAudit(tx, { userId: user.id, organisationId: membership.organisationId, action: "event_import.upload", entityType: "EventImport", entityId: created.id, after: { fileName, sha256: stored.sha256, size: stored.size, situationId } });
    return created;
  });
  return { id: imp.id };
}

/** A file not yet imported, or whose import failed (nothing was written), can be checked and run. */
export function canStillRun<T extends { status: string; fileKey: string | null }>(imp: T): imp is T & { fileKey: string } {
  return (imp.status === "PENDING" || imp.status === "FAILED") && imp.fileKey !== null;
}

/** The import, if it is the caller's organisation's; one whose process died is marked failed first. */
export async function loadImport(membership: CurrentMembership, id: string) {
  const imp = await db.eventImport.findFirst({ where: { id, ...importVisibleWhere(membership) }, include: { createdBy: { select: { name: true } } } });
  if (!imp) throw new NotFoundError("This import does not exist, or you cannot see it.");
  return { ...imp, status: (await importAbandoned(db, imp)) as typeof imp.status };
}


/** An import the member may change (map, check, run): refused out loud otherwise. */
async function loadImportToChange(membership: CurrentMembership, id: string) {
  const imp = await loadImport(membership, id);
  if (!canChangeImport(membership, imp)) throw new ForbiddenError("Only analysts and administrators of this organisation can run its imports.");
  return imp;
}
/** Sets the column mapping (remembered for the next file) and reads the whole file through it. */
export async function checkImport({ membership }: Actor, input: { id: string; mapping: ColumnMapping; situationId: string }): Promise<CheckResult & { mapping: ColumnMapping }> {
  const imp = await loadImportToChange(membership, input.id);
  if (!canStillRun(imp)) throw new ActionError("This import has already run; upload the file again to import it again.");
  const known = new Set(imp.headers);
  const fields = new Set<string>(IMPORT_FIELDS.map((f) => f.field));
  const mapping = Object.fromEntries(Object.entries(input.mapping).filter(([f, h]) => fields.has(f) && h)) as ColumnMapping;
  const unknown = Object.values(mapping).find((h) => !known.has(h!));
  if (unknown) throw new ActionError(`The file has no column named "${unknown}".`);
  const missing = missingRequired(mapping);
  if (missing.length) throw new ActionError(`Choose the file's column for: ${missing.join(", ")}.`, "INVALID", { mapping: [`Required: ${missing.join(", ")}.`] });
  if (input.situationId) await db.$transaction((tx) => ownSituation(tx, membership, input.situationId, { refuseArchived: true }));
  const result = await checkFile(db, path.join(uploadDir(), imp.fileKey), imp.delimiter, mapping).catch((e) => {
    throw e instanceof CsvFileError ? new ActionError(e.message) : e;
  });
  if (result.totalRows === 0) throw new ActionError("The file has a header row but no data rows.");
  await db.$transaction([
    db.eventImport.update({
      where: { id: imp.id },
      data: { mapping, situationId: input.situationId || null, totalRows: result.totalRows, skippedCount: result.problemRows, problems: { ...result } as object },
    }),
    db.importMapping.upsert({
      where: { organisationId_name: { organisationId: membership.organisationId, name: LAST_MAPPING } },
      create: { organisationId: membership.organisationId, name: LAST_MAPPING, mapping },
      update: { mapping },
    }),
  ]);
  return { ...result, mapping };
}

/**
 * Runs a checked import. Ids the check found on rows with different contents are imported from
 * the row the analyst chose (`keepRepeats`: the first or the last of each); the import is refused
 * until they choose. Rows repeating an earlier row exactly are imported once, without asking.
 */
export async function startImport({ user, membership }: Actor, input: { id: string; keepRepeats?: KeepRepeats }) {
  const imp = await loadImportToChange(membership, input.id);
  if (imp.status === "RUNNING") throw new ActionError("This import is already running.");
  if (!canStillRun(imp)) throw new ActionError("This import has already run; upload the file again to import it again.");
  if (!imp.problems) throw new ActionError("Check the file before importing it.");
  const check = imp.problems as Partial<RepeatCounts>;
  const differing = check.differingRepeatIds ?? 0;
  if (differing > 0 && !input.keepRepeats) {
    const message = `${differing === 1 ? "1 id is" : `${differing.toLocaleString("en")} ids are`} on more than one row with different contents: choose whether to keep the first or the last row of each before importing.`;
    throw new ActionError(message, "INVALID", { keepRepeats: [message] });
  }
  // A check from before repeats were counted has no repeatedIds: the import then looks for them itself.
  const repeats = check.repeatedIds === 0 ? "NONE" : differing > 0 ? input.keepRepeats! : "FIRST";
  const mapping = imp.mapping as ColumnMapping;
  const result = await runImport(
    db,
    { id: imp.id, organisationId: imp.organisationId, situationId: imp.situationId, fileName: imp.fileName, sha256: imp.sha256, file: path.join(uploadDir(), imp.fileKey), delimiter: imp.delimiter, mapping },
    user.id,
    { repeats },
  ).catch((e) => {
    if (e instanceof ImportBusyError) throw new ActionError("This import is already running, or has already run.");
    throw e instanceof CsvFileError ? new ActionError(`${e.message} Nothing was imported.`) : e;
  });
  const { alertIds, ...counts } = result;
  emailAlertsLater(alertIds); // the event log's signals this import raised (lib/signals/raise.ts)
  return { id: imp.id, situationId: imp.situationId, ...counts };
}
