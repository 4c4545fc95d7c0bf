import "server-only";
import { NextResponse } from "next/server";
import { getCurrentUser, type CurrentMembership, type CurrentUser } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";

/** An API route's error answer: `{ ok: false, message }` with its HTTP status. */
export function apiError(message: string, status: number) {
  return NextResponse.json({ ok: false, message }, { status });
}

type Caller = { user: CurrentUser; membership: CurrentMembership; error?: undefined } | { error: Response };

/** The refusal for a member whose organisation requires two-factor sign-in they have not set up. */
export const TWO_FACTOR_REQUIRED = "Your organisation requires two-factor sign-in. Set it up on the Account page first, then try again.";

/**
 * Who calls an API route: signed in, with at least `role` in their active organisation, and with
 * two-factor sign-in set up if that organisation requires it (as for actions and pages);
 * otherwise the 401 or 403 answer to send. Every route checks this itself (the proxy is a first
 * line only).
 */
export async function apiCaller(role: Role, forbidden = "You do not have permission to do this."): Promise<Caller> {
  const user = await getCurrentUser();
  if (!user) return { error: apiError("Your session has ended. Please sign in again.", 401) };
  if (!user.active || !hasRole(user.active.role, role)) return { error: apiError(forbidden, 403) };
  if (user.mustSetUpTwoFactor) return { error: apiError(TWO_FACTOR_REQUIRED, 403) };
  return { user, membership: user.active };
}
