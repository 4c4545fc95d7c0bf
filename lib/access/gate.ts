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
  /** Only in the coalition's secretariat (issue #30): its administrators run the coalition (with `role: "ADMIN"`). Refused elsewhere as ROLE. */
  secretariat?: boolean;
}

/** Why the gate refused, in the order it checks. */
export type AccessDenied =
  /** No session, or one that ended (signed out, revoked, account deactivated). */
  | "SIGNED_OUT"
  /** Signed in, but a member of no organisation. */
  | "NO_MEMBERSHIP"
  /** Signed in, but every membership they had was deactivated. */
  | "DEACTIVATED"
  /** Signed in, but every organisation they may work in is suspended by the coalition secretariat. */
  | "ORGANISATION_SUSPENDED"
  /** Sent from a page of an organisation that deactivated the user (or was suspended) since (they now work in another). */
  | "ORGANISATION_LEFT"
  /** A member, with a role below the one needed (or not in the secretariat, for the coalition's work). */
  | "ROLE"
  /** The active organisation requires two-factor sign-in, which the user has not set up. */
  | "TWO_FACTOR_SETUP_REQUIRED";

/** What a member of a suspended organisation is told, wherever they are refused. */
export const ORGANISATION_SUSPENDED_MESSAGE = "Your organisation's access is suspended by the coalition secretariat.";

export type Access =
  | { ok: true; user: CurrentUser; membership: CurrentMembership }
  | { ok: false; reason: AccessDenied; user: CurrentUser | null };

/** The decision for `user` (null: not signed in) against `requirement`. Pure: the unit tests' table states it. */
export function decideAccess(user: CurrentUser | null, requirement: AccessRequirement = {}): Access {
  if (!user) return { ok: false, reason: "SIGNED_OUT", user: null };
  const membership = user.active;
  if (!membership) return { ok: false, reason: user.suspendedIn.length ? "ORGANISATION_SUSPENDED" : user.deactivatedIn.length ? "DEACTIVATED" : "NO_MEMBERSHIP", user };
  if (requirement.fromPage && user.leftOrganisationId) return { ok: false, reason: "ORGANISATION_LEFT", user };
  if (requirement.role && !hasRole(membership.role, requirement.role)) return { ok: false, reason: "ROLE", user };
  if (requirement.secretariat && !membership.isSecretariat) return { ok: false, reason: "ROLE", user };
  if (user.mustSetUpTwoFactor && !requirement.beforeTwoFactor) return { ok: false, reason: "TWO_FACTOR_SETUP_REQUIRED", user };
  return { ok: true, user, membership };
}

/** The caller of this request against `requirement`. */
export async function gate(requirement: AccessRequirement = {}): Promise<Access> {
  return decideAccess(await getCurrentUser(), requirement);
}
