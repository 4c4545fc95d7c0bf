import "server-only";
// The one gate of every entry point: pages (lib/auth/require-user.ts), server actions
// (lib/auth/action.ts) and API routes (lib/api/caller.ts) ask it and only translate its answer
// into a redirect, an ActionResult or an HTTP status. The rules are stated here and in
// ./session.ts (which session is valid, which membership is active), nowhere else.
import type { Role } from "@/lib/generated/prisma/enums";
import { hasRole } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/auth/current-user";
import type { CurrentMembership, CurrentUser } from "./session";

export interface AccessRequirement {
  /** The least role needed in the active organisation; without it, any membership will do. */
  role?: Role;
  /** Open to a member whose organisation requires two-factor sign-in they have not set up yet (the account page and its actions, to set it up). */
  beforeTwoFactor?: boolean;
  /**
   * Sent from a page the user opened (a server action): refused when the organisation that page
   * was opened in has deactivated the user since, instead of acting in the one they fall back to.
   */
  fromPage?: boolean;
}

/** Why the gate refused, in the order it checks. */
export type AccessDenied =
  /** No session, or one that ended (signed out, revoked, account deactivated). */
  | "SIGNED_OUT"
  /** Signed in, but a member of no organisation. */
  | "NO_MEMBERSHIP"
  /** Signed in, but every membership they had was deactivated. */
  | "DEACTIVATED"
  /** Sent from a page of an organisation that deactivated the user since (they now work in another). */
  | "ORGANISATION_LEFT"
  /** A member, with a role below the one needed. */
  | "ROLE"
  /** The active organisation requires two-factor sign-in, which the user has not set up. */
  | "TWO_FACTOR_SETUP_REQUIRED";

export type Access =
  | { ok: true; user: CurrentUser; membership: CurrentMembership }
  | { ok: false; reason: AccessDenied; user: CurrentUser | null };

/** The decision for `user` (null: not signed in) against `requirement`. Pure: the unit tests' table states it. */
export function decideAccess(user: CurrentUser | null, requirement: AccessRequirement = {}): Access {
  if (!user) return { ok: false, reason: "SIGNED_OUT", user: null };
  const membership = user.active;
  if (!membership) return { ok: false, reason: user.deactivatedIn.length ? "DEACTIVATED" : "NO_MEMBERSHIP", user };
  if (requirement.fromPage && user.leftOrganisationId) return { ok: false, reason: "ORGANISATION_LEFT", user };
  if (requirement.role && !hasRole(membership.role, requirement.role)) return { ok: false, reason: "ROLE", user };
  if (user.mustSetUpTwoFactor && !requirement.beforeTwoFactor) return { ok: false, reason: "TWO_FACTOR_SETUP_REQUIRED", user };
  return { ok: true, user, membership };
}

/** The caller of this request against `requirement`. */
export async function gate(requirement: AccessRequirement = {}): Promise<Access> {
  return decideAccess(await getCurrentUser(), requirement);
}
