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
  const session = await db.authSession.findFirst({
    where: { id: claims.sid, userId: claims.uid, revokedAt: null },
    include: {
      user: {
        include: {
          memberships: { where: { deactivatedAt: null }, include: { organisation: { select: { id: true, name: true, requireTwoFactor: true } } }, orderBy: { createdAt: "asc" } },
        },
      },
    },
  });
  if (!session || !session.user.active || session.createdAt < session.user.sessionsValidFrom) return null;
  if (Date.now() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db.authSession.update({ where: { id: session.id }, data: { lastSeenAt: new Date() } });
  }
  const memberships = session.user.memberships.map((m) => ({
    organisationId: m.organisationId,
    organisationName: m.organisation.name,
    role: m.role,
  }));
  const wanted = (await cookies()).get(ACTIVE_ORG_COOKIE)?.value;
  const active = memberships.find((m) => m.organisationId === wanted) ?? memberships[0] ?? null;
  const twoFactor = session.user.totpEnabledAt !== null;
  const requires = session.user.memberships.find((m) => m.organisationId === active?.organisationId)?.organisation.requireTwoFactor ?? false;
  return { id: session.user.id, email: session.user.email, name: session.user.name, sessionId: session.id, memberships, active, twoFactor, mustSetUpTwoFactor: requires && !twoFactor };
});
