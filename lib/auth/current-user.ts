import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { readSessionClaims } from "./session";

export const ACTIVE_ORG_COOKIE = "active-org";

export interface CurrentMembership {
  organisationId: string;
  organisationName: string;
  role: Role;
}

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  sessionId: string;
  memberships: CurrentMembership[];
  /** The organisation the user is working in now (chosen in the header; the first one by default). */
  active: CurrentMembership | null;
  /** Whether the user signs in with a second factor. */
  twoFactor: boolean;
  /** The active organisation requires two-factor sign-in and the user has not set it up yet. */
  mustSetUpTwoFactor: boolean;
}

const TOUCH_AFTER_MS = 5 * 60 * 1000;

/**
 * The signed-in user, read from the database on every request so a deactivated user, a revoked
 * session or a removed membership takes effect at once. Null when not signed in.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const claims = await readSessionClaims();
  if (!claims) return null;
  // One query (Prisma's nested include took three and twice the time): every page and action asks.
  const [row] = await db.$queryRaw<
    { sessionId: string; createdAt: Date; lastSeenAt: Date; userId: string; email: string; name: string; active: boolean; sessionsValidFrom: Date; twoFactor: boolean; memberships: string | null }[]
  >`
    SELECT s.id AS "sessionId", s."createdAt", s."lastSeenAt", u.id AS "userId", u.email, u.name, u.active, u."sessionsValidFrom", u."totpEnabledAt" IS NOT NULL AS "twoFactor",
      (SELECT json_agg(json_build_array(m."organisationId", o.name, m.role, o."requireTwoFactor") ORDER BY m."createdAt")::text
         FROM "Membership" m JOIN "Organisation" o ON o.id = m."organisationId"
         WHERE m."userId" = u.id AND m."deactivatedAt" IS NULL) AS memberships
    FROM "AuthSession" s JOIN "User" u ON u.id = s."userId"
    WHERE s.id = ${claims.sid} AND s."userId" = ${claims.uid} AND s."revokedAt" IS NULL`;
  if (!row || !row.active || row.createdAt < row.sessionsValidFrom) return null;
  if (Date.now() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db.authSession.update({ where: { id: row.sessionId }, data: { lastSeenAt: new Date() } });
  }
  const rows = row.memberships ? (JSON.parse(row.memberships) as [string, string, Role, boolean][]) : [];
  const memberships = rows.map(([organisationId, organisationName, role]) => ({ organisationId, organisationName, role }));
  const wanted = (await cookies()).get(ACTIVE_ORG_COOKIE)?.value;
  const active = memberships.find((m) => m.organisationId === wanted) ?? memberships[0] ?? null;
  const twoFactor = row.twoFactor;
  const requires = rows.find(([organisationId]) => organisationId === active?.organisationId)?.[3] ?? false;
  return { id: row.userId, email: row.email, name: row.name, sessionId: row.sessionId, memberships, active, twoFactor, mustSetUpTwoFactor: requires && !twoFactor };
});
