import "server-only";
// The partner API's adapter (app/api/v1): the token's answer from lib/access/token.ts as an HTTP
// status, its scope, its per-minute limit counted in the database (every app instance shares it),
// and an audit entry for every request let through. Every /api/v1 route calls partnerCaller first.
import type { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import { tokenAccess, tokenHasScope, type TokenCaller, type TokenDenied } from "@/lib/access/token";
import type { ApiScope } from "@/lib/api-tokens/schemas";
import { apiError } from "./caller";
import { API_RATE_LIMIT_PER_MINUTE } from "./v1/limits";


const DENIED: Record<TokenDenied, string> = {
  MISSING: "Send your API token in the Authorization header, as: Bearer <token>.",
  UNKNOWN: "This API token is not known. Check that it was copied whole, or ask your administrator for a new one.",
  REVOKED: "This API token was revoked. Ask your administrator for a new one.",
  EXPIRED: "This API token has expired. Ask your administrator for a new one.",
  ORGANISATION_SUSPENDED: "The organisation this API token belongs to is suspended by the coalition secretariat, so its tokens do not work.",
  ISSUER_INACTIVE: "The administrator who issued this API token no longer administers the organisation, so it does not work. Ask an administrator for a new one.",
  ISSUER_TWO_FACTOR: "The organisation requires two-factor sign-in and the administrator who issued this API token has not set it up, so it does not work until they do.",
};

type Partner = { caller: TokenCaller; error?: undefined } | { error: Response };

/**
 * Counts one request in the token's current minute and answers the count and the seconds left in
 * that minute. One statement (an upsert that increments), so concurrent requests on several app
 * instances never lose a count; the minute is the database's, not each instance's clock.
 */
async function countRequest(tokenId: string): Promise<{ count: number; secondsLeft: number }> {
  const [row] = await db.$queryRaw<{ count: number; secondsLeft: number }[]>`
    INSERT INTO "ApiRateWindow" ("tokenId", "windowStart", count) VALUES (${tokenId}, date_trunc('minute', now()), 1)
    ON CONFLICT ("tokenId", "windowStart") DO UPDATE SET count = "ApiRateWindow".count + 1
    RETURNING count, ceil(extract(epoch FROM ("windowStart" + interval '1 minute' - now())))::int AS "secondsLeft"`;
  // The first request of a minute clears the token's windows older than an hour (a few rows at most).
  if (row.count === 1) await db.$executeRaw`DELETE FROM "ApiRateWindow" WHERE "tokenId" = ${tokenId} AND "windowStart" < now() - interval '1 hour'`;
  return row;
}

/**
 * The token calling a partner API route for `scope`, or the answer to send: 401 without a valid
 * token, 403 outside its scopes, 429 over API_RATE_LIMIT_PER_MINUTE requests in the current minute (with
 * Retry-After). A request let through is written to the audit log ("api.read", with its path and
 * query) before any record is read, and the token's last use is updated.
 */
export async function partnerCaller(req: NextRequest, scope: ApiScope): Promise<Partner> {
  const access = await tokenAccess(req.headers.get("authorization"));
  if (!access.ok) {
    const res = apiError(DENIED[access.reason], 401);
    res.headers.set("WWW-Authenticate", `Bearer realm="api", error="invalid_token"`);
    return { error: res };
  }
  const { caller } = access;
  if (!tokenHasScope(caller, scope)) return { error: apiError(`This API token may not read ${scope}. Ask your administrator for a token with that scope.`, 403) };
  const { count, secondsLeft } = await countRequest(caller.tokenId);
  if (count > API_RATE_LIMIT_PER_MINUTE) {
    const res = apiError(`Too many requests: this API token may make ${API_RATE_LIMIT_PER_MINUTE} requests a minute. Try again in ${secondsLeft} seconds.`, 429);
    res.headers.set("Retry-After", String(Math.max(1, secondsLeft)));
    return { error: res };
  }
  await Promise.all([
    db.apiToken.update({ where: { id: caller.tokenId }, data: { lastUsedAt: new Date() }, select: { id: true } }),
    writeAudit(db, {
      userId: null,
      organisationId: caller.membership.organisationId,
      action: "api.read",
      entityType: "ApiToken",
      entityId: caller.tokenId,
      meta: { path: req.nextUrl.pathname + req.nextUrl.search, token: caller.tokenName },
    }),
  ]);
  return { caller };
}
