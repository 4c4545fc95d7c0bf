import { NextResponse, type NextRequest } from "next/server";
import { bodyHeaders } from "@/lib/uploads/receive";
import { apiCaller, apiError } from "@/lib/api/caller";
import { crossSiteRefusal } from "@/lib/api/origin";
import { Readable } from "node:stream";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import { backupChunks } from "@/lib/exports/backup";
import { BackupFileError, readBackup } from "@/lib/exports/backup-reader";
import { BackupRecordError } from "@/lib/exports/backup-records";
import { restoreBackup } from "@/lib/exports/restore-backup";
import { todayIso } from "@/lib/format";
import { rememberOwnWrite } from "@/lib/db-replica";

export const dynamic = "force-dynamic";

const admin = () => apiCaller("ADMIN", "Only administrators can back up or restore the organisation's data.");

/** The organisation's whole dataset as JSON, streamed. Administrators only; audited. */
export async function GET() {
  const a = await admin();
  if (a.error) return a.error;
  await writeAudit(db, { userId: a.user.id, organisationId: a.membership.organisationId, action: "export.backup", entityType: "Organisation", entityId: a.membership.organisationId, after: { format: "json" } });
  const body = Readable.toWeb(Readable.from((async function* () {
    for await (const chunk of backupChunks(db, a.membership.organisationId)) yield Buffer.from(chunk, "utf8");
  })())) as ReadableStream<Uint8Array>;
  return new Response(body, {
    headers: { "Content-Type": "application/json; charset=utf-8", "Content-Disposition": `attachment; filename="backup-${todayIso()}.json"`, "Cache-Control": "private, no-store" },
  });
}

/**
 * Restores a backup into the active organisation, which must hold no data yet: read from the
 * request as a stream (any size, flat memory), every record checked by its form's rules and written
 * as it arrives, all in one transaction, so a refused record or a cut file leaves nothing behind.
 */
export async function POST(req: NextRequest) {
  const crossSite = crossSiteRefusal(req);
  if (crossSite) return crossSite;
  const a = await admin();
  if (a.error) return a.error;
  const orgId = a.membership.organisationId;
  const [situations, sources, events] = await Promise.all([db.situation.count({ where: { organisationId: orgId } }), db.source.count({ where: { organisationId: orgId } }), db.event.count({ where: { organisationId: orgId } })]);
  if (situations + sources + events > 0) return apiError("This organisation already has data. Restore a backup into a new, empty organisation.", 409);
  // A backup has no size limit (the organisation's whole record); its size and fingerprint are checked as every upload's are.
  const headers = bodyHeaders(req, Number.MAX_SAFE_INTEGER);
  if (!headers.ok) return headers.response;
  const { declaredSize, sha256 } = headers.value;
  try {
    const result = await db.$transaction(
      async (tx) => {
        const r = await restoreBackup(tx, readBackup(req.body, declaredSize, sha256), orgId, a.user.id);
        await writeAudit(tx, { userId: a.user.id, organisationId: orgId, action: "import.backup", entityType: "Organisation", entityId: orgId, after: { ...r.counts, exportedAt: r.exportedAt } });
        return r;
      },
      // A backup has no size limit: the transaction may stay open as long as the upload and its writes take.
      { timeout: 12 * 60 * 60_000, maxWait: 10_000 },
    );
    await rememberOwnWrite();
    return NextResponse.json({ ok: true, counts: result.counts });
  } catch (e) {
    if (e instanceof BackupFileError) return apiError(e.message, 400);
    if (e instanceof BackupRecordError) return apiError(`${e.message} Nothing was restored.`, 400);
    const code = (e as { code?: string }).code;
    if (code === "P2003") return apiError("The backup refers to a record it does not hold (a situation, source, import or indicator). Nothing was restored.", 422);
    if (code === "P2002") return apiError("The backup holds the same record twice. Nothing was restored.", 422);
    console.error("Restore failed", e);
    return apiError("The backup could not be restored; nothing was changed.", 422);
  }
}
