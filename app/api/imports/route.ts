import { NextResponse, type NextRequest } from "next/server";
import { apiCaller, apiError } from "@/lib/api/caller";
import { ActionError } from "@/lib/auth/errors";
import { UploadError } from "@/lib/sources/files";
import { createImport, maxImportBytes } from "@/lib/events/import-service";

export const dynamic = "force-dynamic";

/**
 * Uploads a CSV file to import events from. The body is the raw file (streamed to disk, never
 * held in memory); its name comes in X-File-Name; ?situation=<id> imports into one situation,
 * otherwise rows are matched to situations by country, area and date.
 */
export async function POST(req: NextRequest) {
  const caller = await apiCaller("ANALYST");
  if (caller.error) return caller.error;
  const limit = maxImportBytes();
  if (Number(req.headers.get("content-length") ?? "0") > limit) return apiError(`The file is larger than ${Math.round(limit / 1024 / 1024)} MB, the most we accept. Split it, e.g. by year, and import the parts.`, 413);
  const fileName = decodeURIComponent(req.headers.get("x-file-name") ?? "").replace(/[\\/\0]/g, "_").slice(0, 255);
  if (!fileName) return apiError("The file needs a name.", 400);
  if (!req.body) return apiError("No file was sent.", 400);
  const situation = req.nextUrl.searchParams.get("situation") ?? "";
  if (situation.length > 40) return apiError("Not found.", 404);
  try {
    const { id } = await createImport(caller, req.body, fileName, situation || null);
    return NextResponse.json({ ok: true, id });
  } catch (e) {
    if (e instanceof UploadError) return apiError(e.message.replace("the most we accept.", "the most we accept. Split it, e.g. by year, and import the parts."), e.status);
    if (e instanceof ActionError) return apiError(e.message, e.code === "NOT_FOUND" ? 404 : e.code === "FORBIDDEN" ? 403 : 400);
    console.error("Import upload failed", e);
    return apiError("The file could not be stored; nothing was imported. Please try again.", 500);
  }
}
