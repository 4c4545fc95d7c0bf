import "server-only";
// An organisation's logo, for its briefs and bulletins: a PNG or JPEG of at most 2 MB, uploaded by
// an administrator, checked by its content (file-type) and stored under UPLOAD_DIR like any source
// file (lib/sources/files.ts), with its SHA-256. A replaced or removed logo's file stays in storage,
// as the audit log refers to it.
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Actor } from "@/lib/auth/action";
import { openStoredFile, storeUpload, UploadError } from "@/lib/sources/files";
import { LOGO_MAX_BYTES } from "@/lib/uploads/limits";
import type { UploadHeaders } from "@/lib/uploads/receive";

export const LOGO_TYPES: Record<string, { ext: string[]; label: string }> = {
  "image/png": { ext: ["png"], label: "PNG image" },
  "image/jpeg": { ext: ["jpg", "jpeg"], label: "JPEG image" },
};

/** What the Admin page shows of the logo. */
export interface LogoFacts {
  type: string;
  sha256: string;
}

/**
 * The organisation's logo as stored, for the briefs: its bytes and type, or null when it has none.
 * A stored file that is missing or no longer has the fingerprint taken at upload is not used (null).
 */
export async function organisationLogo(organisationId: string): Promise<{ data: Buffer; type: string } | null> {
  const org = await db.organisation.findUnique({ where: { id: organisationId }, select: { logoKey: true, logoType: true, logoSha256: true } });
  if (!org?.logoKey || !org.logoType || !org.logoSha256) return null;
  let data: Buffer;
  try {
    const file = await openStoredFile(org.logoKey);
    data = Buffer.from(await new Response(file.stream).arrayBuffer());
  } catch (e) {
    if (e instanceof UploadError) {
      console.error(`The logo of organisation ${organisationId} is missing from storage (${org.logoKey}).`);
      return null;
    }
    throw e;
  }
  if (createHash("sha256").update(data).digest("hex") !== org.logoSha256) {
    console.error(`The logo of organisation ${organisationId} (${org.logoKey}) no longer has the fingerprint taken at upload; it is not used.`);
    return null;
  }
  return { data, type: org.logoType };
}

/** Stores an uploaded logo (refused out loud unless a whole PNG or JPEG of at most 2 MB) and makes it the organisation's, audited. */
export async function setOrganisationLogo({ user, membership }: Actor, body: ReadableStream<Uint8Array>, upload: UploadHeaders): Promise<LogoFacts> {
  const stored = await storeUpload(body, upload.fileName, { limit: LOGO_MAX_BYTES, accepted: LOGO_TYPES, expected: "upload a PNG or JPEG image", declaredSize: upload.declaredSize, sha256: upload.sha256 });
  const after = { logoType: stored.contentType, logoSha256: stored.sha256, logoKey: stored.key, fileName: upload.fileName, size: stored.size };
  await db.$transaction(async (tx) => {
    const before = await tx.organisation.findUniqueOrThrow({ where: { id: membership.organisationId }, select: { logoKey: true, logoType: true, logoSha256: true } });
    await tx.organisation.update({ where: { id: membership.organisationId }, data: { logoKey: stored.key, logoType: stored.contentType, logoSha256: stored.sha256 } });
    await writeAudit(tx, { userId: user.id, organisationId: membership.organisationId, action: "organisation.logo_set", entityType: "Organisation", entityId: membership.organisationId, before, after });
  });
  return { type: stored.contentType, sha256: stored.sha256 };
}

/** Removes the organisation's logo, audited; false when it had none. */
export async function removeOrganisationLogo({ user, membership }: Actor): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const before = await tx.organisation.findUniqueOrThrow({ where: { id: membership.organisationId }, select: { logoKey: true, logoType: true, logoSha256: true } });
    if (!before.logoKey) return false;
    await tx.organisation.update({ where: { id: membership.organisationId }, data: { logoKey: null, logoType: null, logoSha256: null } });
    await writeAudit(tx, { userId: user.id, organisationId: membership.organisationId, action: "organisation.logo_remove", entityType: "Organisation", entityId: membership.organisationId, before, after: { logoKey: null } });
    return true;
  });
}
