import "server-only";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Actor } from "@/lib/auth/action";
import { NotFoundError } from "@/lib/auth/errors";
import type { ApiScope } from "./schemas";
import { apiTokenHash, newApiTokenSecret } from "./secret";

/**
 * Issues a read-only partner API token of the administrator's organisation. The secret is returned
 * this once (the Admin page shows it to copy); only its hash is stored. The audit entry names the
 * token, its scopes and expiry, never the secret.
 */
export async function issueApiToken({ user, membership }: Actor, input: { name: string; scopes: ApiScope[]; days: number }) {
  const secret = newApiTokenSecret();
  const expiresAt = new Date(Date.now() + input.days * 86400_000);
  const token = await db.$transaction(async (tx) => {
    const t = await tx.apiToken.create({
      data: { organisationId: membership.organisationId, name: input.name, tokenHash: apiTokenHash(secret), scopes: input.scopes, expiresAt, createdById: user.id },
      select: { id: true },
    });
    await writeAudit(tx, {
      userId: user.id,
      organisationId: membership.organisationId,
      action: "api_token.issue",
      entityType: "ApiToken",
      entityId: t.id,
      after: { name: input.name, scopes: input.scopes, expiresAt },
    });
    return t;
  });
  return { id: token.id, secret, expiresAt: expiresAt.toISOString() };
}

/** Revokes a token of the administrator's organisation: its next request is refused. */
export async function revokeApiToken({ user, membership }: Actor, input: { id: string }) {
  return db.$transaction(async (tx) => {
    const res = await tx.apiToken.updateMany({ where: { id: input.id, organisationId: membership.organisationId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (res.count !== 1) throw new NotFoundError("This token is already revoked, or is not one of your organisation's.");
    await writeAudit(tx, { userId: user.id, organisationId: membership.organisationId, action: "api_token.revoke", entityType: "ApiToken", entityId: input.id });
    return { revoked: true };
  });
}
