import { NextResponse, type NextRequest } from "next/server";
import { apiCaller, apiError } from "@/lib/api/caller";
import { crossSiteRefusal } from "@/lib/api/origin";
import { Readable } from "node:stream";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import { backupChunks, parseBackup, restoreBackup } from "@/lib/exports/backup";
import { maxImportBytes } from "@/lib/events/import-service";
import { todayIso } from "@/lib/format";

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

/** Restores a backup into the active organisation, which must hold no data yet. All or nothing. */
export async function POST(req: NextRequest) {
  const crossSite = crossSiteRefusal(req);
  if (crossSite) return crossSite;
  const a = await admin();
  if (a.error) return a.error;
  const orgId = a.membership.organisationId;
  const limit = maxImportBytes();
  if (Number(req.headers.get("content-length") ?? "0") > limit) return apiError(`The file is larger than ${Math.round(limit / 1024 / 1024)} MB, the most we accept.`, 413);
  const [situations, sources, events] = await Promise.all([db.situation.count({ where: { organisationId: orgId } }), db.source.count({ where: { organisationId: orgId } }), db.event.count({ where: { organisationId: orgId } })]);
  if (situations + sources + events > 0) return apiError("This organisation already has data. Restore a backup into a new, empty organisation.", 409);
  let data: unknown;
  try {
    const text = await req.text();
    if (text.length > limit) return apiError(`The file is larger than ${Math.round(limit / 1024 / 1024)} MB, the most we accept.`, 413);
    data = JSON.parse(text);
  } catch {
    return apiError("This file is not valid JSON. Choose a backup downloaded from the Exports page.", 400);
  }
  const parsed = parseBackup(data);
  if (!parsed.ok) return apiError(parsed.message, 400);
  try {
    const counts = await db.$transaction(
      async (tx) => {
        const c = await restoreBackup(tx, parsed.backup, orgId, a.user.id);
        await writeAudit(tx, { userId: a.user.id, organisationId: orgId, action: "import.backup", entityType: "Organisation", entityId: orgId, after: { ...c, exportedAt: (data as { exportedAt?: string }).exportedAt ?? null } });
        return c;
      },
      { timeout: 30 * 60_000 },
    );
    return NextResponse.json({ ok: true, counts });
  } catch (e) {
    console.error("Restore failed", e);
    return apiError(`The backup could not be restored; nothing was changed. ${e instanceof Error && e.message.startsWith("The backup") ? e.message : ""}`.trim(), 422);
  }
}
