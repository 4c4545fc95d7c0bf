import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { ActionError } from "@/lib/auth/errors";
import { UploadError } from "@/lib/sources/files";
import { createImport, maxImportBytes } from "@/lib/events/import-service";

export const dynamic = "force-dynamic";

function fail(message: string, status: number) {
  return NextResponse.json({ ok: false, message }, { status });
}

/**
 * Uploads a CSV file to import events from. The body is the raw file (streamed to disk, never
 * held in memory); its name comes in X-File-Name; ?situation=<id> imports into one situation,
 * otherwise rows are matched to situations by country and date.
 */
export async function POST(req: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return fail("Your session has ended. Please sign in again.", 401);
  if (!user.active || !hasRole(user.active.role, "ANALYST")) return fail("You do not have permission to do this.", 403);
  const limit = maxImportBytes();
  if (Number(req.headers.get("content-length") ?? "0") > limit) return fail(`The file is larger than ${Math.round(limit / 1024 / 1024)} MB, the most we accept. Split it, e.g. by year, and import the parts.`, 413);
  const fileName = decodeURIComponent(req.headers.get("x-file-name") ?? "").replace(/[\\/\0]/g, "_").slice(0, 255);
  if (!fileName) return fail("The file needs a name.", 400);
  if (!req.body) return fail("No file was sent.", 400);
  const situation = req.nextUrl.searchParams.get("situation") ?? "";
  if (situation.length > 40) return fail("Not found.", 404);
  try {
    const { id } = await createImport({ user, membership: user.active }, req.body, fileName, situation || null);
    return NextResponse.json({ ok: true, id });
  } catch (e) {
    if (e instanceof UploadError) return fail(e.message.replace("the most we accept.", "the most we accept. Split it, e.g. by year, and import the parts."), e.status);
    if (e instanceof ActionError) return fail(e.message, e.code === "NOT_FOUND" ? 404 : e.code === "FORBIDDEN" ? 403 : 400);
    console.error("Import upload failed", e);
    return fail("The file could not be stored; nothing was imported. Please try again.", 500);
  }
}
