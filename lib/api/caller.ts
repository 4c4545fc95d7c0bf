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

/**
 * Who calls an API route: signed in, with at least `role` in their active organisation; otherwise
 * the 401 or 403 answer to send. Every route checks this itself (the proxy is a first line only).
 */
export async function apiCaller(role: Role, forbidden = "You do not have permission to do this."): Promise<Caller> {
  const user = await getCurrentUser();
  if (!user) return { error: apiError("Your session has ended. Please sign in again.", 401) };
  if (!user.active || !hasRole(user.active.role, role)) return { error: apiError(forbidden, 403) };
  return { user, membership: user.active };
}
