import "server-only";
// Who calls the partner API: the one place a Bearer token becomes a caller, beside the session
// gate (./gate.ts). A token reads as a member of its organisation would (a viewer: it never
// changes anything), only the record types of its scopes, and only while it is not revoked, not
// expired, its organisation is not suspended by the coalition secretariat (whose members cannot
// work in it then either), and the administrator who issued it still administers that
// organisation: a deactivated or demoted issuer's tokens stop at once. An organisation that left
// the coalition keeps its tokens, as its members keep working: they read its own records only
// (inCoalition false: lib/access/situations.ts).
import { db } from "@/lib/db";
import type { ApiScope } from "@/lib/api-tokens/schemas";
import { apiTokenHash } from "@/lib/api-tokens/secret";
import type { CurrentMembership } from "./session";

export interface TokenCaller {
  tokenId: string;
  tokenName: string;
  scopes: string[];
  /** What the token reads as: a viewer of its organisation (lib/access's `where`s take this). */
  membership: CurrentMembership;
}

/** Why a token was refused, in the order it is checked. */
export type TokenDenied = "MISSING" | "UNKNOWN" | "REVOKED" | "EXPIRED" | "ORGANISATION_SUSPENDED" | "ISSUER_INACTIVE" | "ISSUER_TWO_FACTOR";

export type TokenAccess = { ok: true; caller: TokenCaller } | { ok: false; reason: TokenDenied };

/** A token's row with what its validity depends on, as tokenAccess reads it. */
export interface TokenRow {
  id: string;
  name: string;
  organisationId: string;
  organisationName: string;
  scopes: string[];
  expiresAt: Date;
  revokedAt: Date | null;
  organisationSuspendedAt: Date | null;
  organisationLeftAt: Date | null;
  /** The issuer is an active account with an active ADMIN membership of the token's organisation. */
  issuerIsActiveAdmin: boolean;
  /**
   * The organisation requires two-factor sign-in and the issuer has not set it up: the gate would
   * refuse them everything but setting it up (./gate.ts), so their tokens do not work meanwhile.
   */
  issuerMustSetUpTwoFactor: boolean;
}

/** The decision for a token's row (undefined: no such token). Pure: the unit tests' table states it. */
export function decideTokenAccess(row: TokenRow | undefined, now = new Date()): TokenAccess {
  if (!row) return { ok: false, reason: "UNKNOWN" };
  if (row.revokedAt) return { ok: false, reason: "REVOKED" };
  if (row.expiresAt <= now) return { ok: false, reason: "EXPIRED" };
  if (row.organisationSuspendedAt) return { ok: false, reason: "ORGANISATION_SUSPENDED" };
  if (!row.issuerIsActiveAdmin) return { ok: false, reason: "ISSUER_INACTIVE" };
  if (row.issuerMustSetUpTwoFactor) return { ok: false, reason: "ISSUER_TWO_FACTOR" };
  return {
    ok: true,
    caller: { tokenId: row.id, tokenName: row.name, scopes: row.scopes, membership: { organisationId: row.organisationId, organisationName: row.organisationName, role: "VIEWER", inCoalition: !row.organisationLeftAt } },
  };
}

/** The secret of an `Authorization: Bearer <secret>` header, or null. */
export function bearerSecret(header: string | null): string | null {
  const m = header?.match(/^Bearer[ ]+([A-Za-z0-9_\-.~+/]{16,200}=*)\s*$/i);
  return m ? m[1] : null;
}

/** The caller of a request by its Authorization header: one query. */
export async function tokenAccess(authorization: string | null): Promise<TokenAccess> {
  const secret = bearerSecret(authorization);
  if (!secret) return { ok: false, reason: "MISSING" };
  const rows = await db.$queryRaw<TokenRow[]>`
    SELECT t.id, t.name, t."organisationId", o.name AS "organisationName", t.scopes, t."expiresAt", t."revokedAt",
           o."suspendedAt" AS "organisationSuspendedAt", o."leftAt" AS "organisationLeftAt",
           EXISTS (SELECT 1 FROM "Membership" m JOIN "User" u ON u.id = m."userId"
                   WHERE m."userId" = t."createdById" AND m."organisationId" = t."organisationId"
                     AND m.role = 'ADMIN' AND m."deactivatedAt" IS NULL AND u.active) AS "issuerIsActiveAdmin",
           (o."requireTwoFactor" AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = t."createdById" AND u."totpEnabledAt" IS NOT NULL)) AS "issuerMustSetUpTwoFactor"
    FROM "ApiToken" t JOIN "Organisation" o ON o.id = t."organisationId"
    WHERE t."tokenHash" = ${apiTokenHash(secret)}`;
  return decideTokenAccess(rows[0]);
}

/** May the token read this record type. */
export function tokenHasScope(caller: TokenCaller, scope: ApiScope): boolean {
  return caller.scopes.includes(scope);
}
