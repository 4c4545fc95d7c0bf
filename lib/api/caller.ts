import "server-only";
import { NextResponse } from "next/server";
import { gate, ORGANISATION_SUSPENDED_MESSAGE } from "@/lib/access/gate";
import type { CurrentMembership, CurrentUser } from "@/lib/auth/current-user";
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
 * two-factor sign-in set up if that organisation requires it, as the access gate decides for
 * actions and pages too (lib/access/gate.ts); otherwise the 401 or 403 answer to send. Every route
 * checks this itself (the proxy is a first line only).
 */
export async function apiCaller(role: Role, forbidden = "You do not have permission to do this."): Promise<Caller> {
  const access = await gate({ role });
  if (access.ok) return { user: access.user, membership: access.membership };
  switch (access.reason) {
    case "SIGNED_OUT":
      return { error: apiError("Your session has ended. Please sign in again.", 401) };
    case "NO_MEMBERSHIP":
    case "DEACTIVATED":
    case "ROLE":
      return { error: apiError(forbidden, 403) };
    case "ORGANISATION_SUSPENDED":
      return { error: apiError(ORGANISATION_SUSPENDED_MESSAGE, 403) };
    case "ORGANISATION_LEFT": // asked by actions only
      return { error: apiError("You no longer have access to the organisation this page was opened in. Reload the page.", 403) };
    case "TWO_FACTOR_SETUP_REQUIRED":
      return { error: apiError(TWO_FACTOR_REQUIRED, 403) };
  }
}
