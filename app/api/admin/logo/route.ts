import { NextResponse, type NextRequest } from "next/server";
import { apiCaller, apiError } from "@/lib/api/caller";
import { crossSiteRefusal } from "@/lib/api/origin";
import { organisationLogo, removeOrganisationLogo, setOrganisationLogo } from "@/lib/admin/logo";
import { UploadError } from "@/lib/sources/files";
import { LOGO_MAX_BYTES } from "@/lib/uploads/limits";
import { uploadHeaders } from "@/lib/uploads/receive";
import { rememberOwnWrite } from "@/lib/db-replica";

export const dynamic = "force-dynamic";

const ADMINS_ONLY = "Only administrators can change the organisation's logo.";

/** The logo, as the Admin page shows it: administrators of the organisation. */
export async function GET() {
  const caller = await apiCaller("ADMIN", ADMINS_ONLY);
  if (caller.error) return caller.error;
  const logo = await organisationLogo(caller.membership.organisationId);
  if (!logo) return apiError("Your organisation has no logo.", 404);
  return new Response(new Uint8Array(logo.data), {
    headers: {
      "Content-Type": logo.type,
      "Content-Length": String(logo.data.length),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}

/**
 * Sets (or replaces) the logo. The body is the raw image; its name comes in X-File-Name, the
 * browser's SHA-256 of it in X-Content-SHA256 (a file that arrives different is refused).
 */
export async function PUT(req: NextRequest) {
  const crossSite = crossSiteRefusal(req);
  if (crossSite) return crossSite;
  const caller = await apiCaller("ADMIN", ADMINS_ONLY);
  if (caller.error) return caller.error;
  const upload = uploadHeaders(req, LOGO_MAX_BYTES);
  if (!upload.ok) return upload.response;
  try {
    const data = await setOrganisationLogo(caller, req.body!, upload.value);
    await rememberOwnWrite();
    return NextResponse.json({ ok: true, data });
  } catch (e) {
    if (e instanceof UploadError) return apiError(e.message, e.status);
    console.error("Logo upload failed", e);
    return apiError("The logo could not be saved. Please try again.", 500);
  }
}

/** Removes the logo (its file stays in storage, as the audit log refers to it). */
export async function DELETE(req: NextRequest) {
  const crossSite = crossSiteRefusal(req);
  if (crossSite) return crossSite;
  const caller = await apiCaller("ADMIN", ADMINS_ONLY);
  if (caller.error) return caller.error;
  if (!(await removeOrganisationLogo(caller))) return apiError("Your organisation has no logo.", 404);
  await rememberOwnWrite();
  return NextResponse.json({ ok: true });
}
