import { NextResponse, type NextRequest } from "next/server";
import { apiCaller, apiError } from "@/lib/api/caller";
import { crossSiteRefusal } from "@/lib/api/origin";
import { db } from "@/lib/db";
import { canChangeSourceFile, sourceFileVisibleWhere } from "@/lib/access/files";
import { writeAudit } from "@/lib/audit/write-audit";
import { openStoredFile, storeUpload, UploadError } from "@/lib/sources/files";
import { maxUploadBytes } from "@/lib/uploads/limits";
import { uploadHeaders } from "@/lib/uploads/receive";
import { rememberOwnWrite } from "@/lib/db-replica";

export const dynamic = "force-dynamic";

/** The caller, and the source if it belongs to their organisation (and they have the role). */
async function authorise(id: string, role: "VIEWER" | "ANALYST") {
  const caller = await apiCaller(role);
  if (caller.error) return { ok: false as const, response: caller.error };
  const { user, membership } = caller;
  if (id.length > 40) return { ok: false as const, response: apiError("Not found.", 404) };
  const source = await db.source.findFirst({ where: { id, ...sourceFileVisibleWhere(membership) } });
  if (!source) return { ok: false as const, response: apiError("This source does not exist in your organisation's library.", 404) };
  if (role === "ANALYST" && !canChangeSourceFile(membership, source)) return { ok: false as const, response: apiError("Only analysts and administrators of this source's organisation can change its file.", 403) };
  return { ok: true as const, user, membership, source };
}

/** Downloads the attached file: members of the source's organisation only. */
export async function GET(_req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorise((await params).id, "VIEWER");
  if (!auth.ok) return auth.response;
  const { source } = auth;
  if (!source.fileKey) return apiError("This source has no attached file.", 404);
  try {
    const file = await openStoredFile(source.fileKey);
    return new Response(file.stream, {
      headers: {
        "Content-Type": source.fileType ?? "application/octet-stream",
        "Content-Length": String(file.size),
        "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(source.fileName ?? "file")}`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
        "Content-Security-Policy": "default-src 'none'; sandbox",
      },
    });
  } catch (e) {
    return e instanceof UploadError ? apiError(e.message, e.status) : apiError("The file could not be read.", 500);
  }
}

/**
 * Attaches (or replaces) the file. The body is the raw file; its name comes in X-File-Name, the
 * browser's SHA-256 of it in X-Content-SHA256 (a file that arrives different is refused).
 */
export async function PUT(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const crossSite = crossSiteRefusal(req);
  if (crossSite) return crossSite;
  const auth = await authorise((await params).id, "ANALYST");
  if (!auth.ok) return auth.response;
  const { user, membership, source } = auth;
  const upload = uploadHeaders(req, maxUploadBytes());
  if (!upload.ok) return upload.response;
  const { fileName, declaredSize, sha256 } = upload.value;
  try {
    const stored = await storeUpload(req.body!, fileName, { declaredSize, sha256 });
    const before = { fileName: source.fileName, fileSha256: source.fileSha256, fileSize: source.fileSize };
    const after = { fileName, fileSha256: stored.sha256, fileSize: stored.size, fileType: stored.contentType };
    await db.$transaction(async (tx) => {
      await tx.source.update({ where: { id: source.id }, data: { fileName, fileKey: stored.key, fileSize: stored.size, fileType: stored.contentType, fileSha256: stored.sha256, version: { increment: 1 } } });
      await writeAudit(tx, { userId: user.id, organisationId: membership.organisationId, action: "source.attach_file", entityType: "Source", entityId: source.id, before, after });
    });
    await rememberOwnWrite();
    return NextResponse.json({ ok: true, data: after });
  } catch (e) {
    if (e instanceof UploadError) return apiError(e.message, e.status);
    console.error("Upload failed", e);
    return apiError("The file could not be saved. Please try again.", 500);
  }
}

/** Removes the attachment from the source (the stored file stays, as the audit log refers to it). */
export async function DELETE(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const crossSite = crossSiteRefusal(req);
  if (crossSite) return crossSite;
  const auth = await authorise((await params).id, "ANALYST");
  if (!auth.ok) return auth.response;
  const { user, membership, source } = auth;
  if (!source.fileKey) return apiError("This source has no attached file.", 404);
  await db.$transaction(async (tx) => {
    await tx.source.update({ where: { id: source.id }, data: { fileName: null, fileKey: null, fileSize: null, fileType: null, fileSha256: null, version: { increment: 1 } } });
    await writeAudit(tx, { userId: user.id, organisationId: membership.organisationId, action: "source.remove_file", entityType: "Source", entityId: source.id, before: { fileName: source.fileName, fileSha256: source.fileSha256, fileKey: source.fileKey }, after: { fileName: null } });
  });
  await rememberOwnWrite();
  return NextResponse.json({ ok: true });
}
