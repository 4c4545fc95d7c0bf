"use server";

import { z } from "zod";
import { ActionError } from "@/lib/auth/errors";
import { acceptInvitation } from "@/lib/admin/mutations";
import { newPasswordSchema } from "@/lib/account/password-policy";
import type { ActionResult } from "@/lib/auth/action";

const schema = z.object({ token: z.string().min(20).max(100), name: z.string().trim().max(200).optional(), password: z.string().max(1024) });

/**
 * The one action open without a session: the invitation token is the credential. A new
 * account's password follows the password rules; an existing account proves it is theirs.
 */
export async function acceptInvitationAction(input: unknown): Promise<ActionResult<{ email: string }>> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "INVALID", message: "Some fields need attention.", fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
  try {
    if (parsed.data.name !== undefined) {
      const p = newPasswordSchema.safeParse(parsed.data.password);
      if (!p.success) return { ok: false, code: "INVALID", message: "Some fields need attention.", fieldErrors: { password: [p.error.issues[0].message] } };
    }
    return { ok: true, data: await acceptInvitation(parsed.data) };
  } catch (e) {
    if (e instanceof ActionError) return { ok: false, code: e.code, message: e.message, fieldErrors: e.fieldErrors };
    console.error("Accepting an invitation failed", e);
    return { ok: false, code: "ERROR", message: "Something went wrong on our side; nothing was saved. Please try again." };
  }
}
