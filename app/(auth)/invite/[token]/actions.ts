"use server";

import { z } from "zod";
import { ActionError } from "@/lib/auth/errors";
import { getCurrentUser } from "@/lib/auth/current-user";
import { acceptInvitation, createInvitedAccount } from "@/lib/admin/invitations";
import type { ActionResult } from "@/lib/auth/action";
import { acceptInvitationSchema, invitedAccountSchema } from "./schemas";

// Not built with authorizedAction: the invitee may have no organisation yet (that wrapper needs
// one), and the new-account path is open without a session (the invitation token is its credential).

function invalid(error: z.ZodError): ActionResult<never> {
  return { ok: false, code: "INVALID", message: "Some fields need attention.", fieldErrors: z.flattenError(error).fieldErrors as Record<string, string[]> };
}

async function answer<T>(run: () => Promise<T>, what: string): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (e) {
    if (e instanceof ActionError) return { ok: false, code: e.code, message: e.message, fieldErrors: e.fieldErrors };
    console.error(what, e);
    return { ok: false, code: "ERROR", message: "Something went wrong on our side; nothing was saved. Please try again." };
  }
}

/**
 * The signed-in invitee accepts. An existing account proves it is theirs only through the normal
 * sign-in (throttled, locked after repeated failures, with its two-factor step): this action takes
 * no password. Open to accounts that must still set up two-factor sign-in: joining shows no
 * organisation's data, and the new organisation's own requirement applies on the next page.
 */
export async function acceptInvitationAction(input: unknown): Promise<ActionResult<{ organisationId: string; organisationName: string }>> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, code: "UNAUTHENTICATED", message: "Sign in to accept the invitation." };
  const parsed = acceptInvitationSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return answer(() => acceptInvitation(user, parsed.data.token), "Accepting an invitation failed");
}

/**
 * Creates an account for the invited address if it has none. The answer is the same when it has
 * one (nothing is changed then), so the link does not tell whether the address has an account.
 */
export async function createInvitedAccountAction(input: unknown): Promise<ActionResult<{ message: string }>> {
  const parsed = invitedAccountSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return answer(() => createInvitedAccount(parsed.data), "Creating an account from an invitation failed");
}
