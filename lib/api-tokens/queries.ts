import "server-only";
import { db } from "@/lib/db";

/** The organisation's tokens for the Admin page, newest first, without their hashes. */
export async function listApiTokens(organisationId: string) {
  const tokens = await db.apiToken.findMany({
    where: { organisationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, name: true, scopes: true, expiresAt: true, revokedAt: true, createdAt: true, lastUsedAt: true, createdById: true },
  });
  const issuers = await db.user.findMany({ where: { id: { in: [...new Set(tokens.map((t) => t.createdById))] } }, select: { id: true, name: true } });
  const names = new Map(issuers.map((u) => [u.id, u.name]));
  return tokens.map((t) => ({ ...t, issuedBy: names.get(t.createdById) ?? "someone no longer known" }));
}
