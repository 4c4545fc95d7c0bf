import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { resolveSessionUser, type CurrentUser, type SessionRow } from "@/lib/access/session";
import { readSessionClaims } from "./session";

export type { CurrentMembership, CurrentUser } from "@/lib/access/session";

export const ACTIVE_ORG_COOKIE = "active-org";

/** Makes `organisationId` the one the user works in, from the next request on (server actions only: pages cannot set cookies). */
export async function setActiveOrganisation(organisationId: string) {
  (await cookies()).set(ACTIVE_ORG_COOKIE, organisationId, {
    httpOnly: true,
    sameSite: "lax",
    secure: process.env.NODE_ENV === "production" && (process.env.NEXTAUTH_URL ?? "").startsWith("https:"),
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
  });
}

const TOUCH_AFTER_MS = 5 * 60 * 1000;

/**
 * The signed-in user, read from the database on every request so a deactivated user, a revoked
 * session or a removed membership takes effect at once. Null when not signed in. Which session is
 * valid and which membership is active is decided in lib/access/session.ts.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const claims = await readSessionClaims();
  if (!claims) return null;
  // One query (Prisma's nested include took three and twice the time): every page and action asks.
  const [row] = await db.$queryRaw<(Omit<SessionRow, "memberships"> & { lastSeenAt: Date; memberships: string | null })[]>`
    SELECT s.id AS "sessionId", s."createdAt", s."lastSeenAt", u.id AS "userId", u.email, u.name, u.active, u."sessionsValidFrom", u."totpEnabledAt" IS NOT NULL AS "twoFactor",
      (SELECT json_agg(json_build_array(m."organisationId", o.name, m.role, o."requireTwoFactor", m."deactivatedAt" IS NOT NULL, o."suspendedAt" IS NOT NULL, o."isSecretariat", o."leftAt" IS NOT NULL) ORDER BY m."createdAt")::text
         FROM "Membership" m JOIN "Organisation" o ON o.id = m."organisationId"
         WHERE m."userId" = u.id) AS memberships
    FROM "AuthSession" s JOIN "User" u ON u.id = s."userId"
    WHERE s.id = ${claims.sid} AND s."userId" = ${claims.uid} AND s."revokedAt" IS NULL`;
  const rows = row?.memberships ? (JSON.parse(row.memberships) as [string, string, Role, boolean, boolean, boolean, boolean, boolean][]) : [];
  const user = resolveSessionUser(
    row && {
      ...row,
      memberships: rows.map(([organisationId, organisationName, role, requireTwoFactor, deactivated, suspended, secretariat, left]) => ({
        organisationId,
        organisationName,
        role,
        requireTwoFactor,
        deactivated,
        suspended,
        secretariat,
        left,
      })),
    },
    (await cookies()).get(ACTIVE_ORG_COOKIE)?.value,
  );
  if (user && Date.now() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db.authSession.update({ where: { id: row.sessionId }, data: { lastSeenAt: new Date() } });
  }
  return user;
});
