import { NextResponse, type NextRequest } from "next/server";
import { apiCaller, apiError } from "@/lib/api/caller";
import { crossSiteRefusal } from "@/lib/api/origin";
import { ActionError } from "@/lib/auth/errors";
import { UploadError } from "@/lib/sources/files";
import { createImport } from "@/lib/events/import-service";
import { maxImportBytes } from "@/lib/uploads/limits";
import { uploadHeaders } from "@/lib/uploads/receive";
import { rememberOwnWrite } from "@/lib/db-replica";

const SPLIT_HINT = "Split it, e.g. by year, and import the parts.";

export const dynamic = "force-dynamic";

/**
 * Uploads a CSV file to import events from. The body is the raw file (streamed to disk, never
 * held in memory, kept only if every byte declared arrived with the fingerprint the browser sent in
 * X-Content-SHA256); its name comes in X-File-Name; ?situation=<id> imports into one situation,
 * otherwise rows are matched to situations by country, area and date.
 */
export async function POST(req: NextRequest) {
  const crossSite = crossSiteRefusal(req);
  if (crossSite) return crossSite;
  const caller = await apiCaller("ANALYST");
  if (caller.error) return caller.error;
  const upload = uploadHeaders(req, maxImportBytes(), SPLIT_HINT);
  if (!upload.ok) return upload.response;
  const situation = req.nextUrl.searchParams.get("situation") ?? "";
  if (situation.length > 40) return apiError("Not found.", 404);
  try {
    const { id } = await createImport(caller, req.body!, upload.value, situation || null);
    await rememberOwnWrite();
    return NextResponse.json({ ok: true, id });
  } catch (e) {
    if (e instanceof UploadError) return apiError(e.status === 413 ? `${e.message} ${SPLIT_HINT}` : e.message, e.status);
    if (e instanceof ActionError) return apiError(e.message, e.code === "NOT_FOUND" ? 404 : e.code === "FORBIDDEN" ? 403 : 400);
    console.error("Import upload failed", e);
    return apiError("The file could not be stored; nothing was imported. Please try again.", 500);
  }
}
