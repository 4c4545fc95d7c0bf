import { z } from "zod";
import { newPasswordSchema } from "@/lib/account/password-policy";

// Shared by the invitation page's forms and their server actions.
const token = z.string().min(20).max(100);

/** A signed-in invitee accepts: the session says who they are, the token which invitation. */
export const acceptInvitationSchema = z.object({ token });

/** A new account for the invited address (created only if the address has none). */
export const invitedAccountSchema = z.object({
  token,
  name: z.string().trim().min(2, "Enter your name.").max(200, "That name is too long (at most 200 characters)."),
  password: newPasswordSchema,
});
export type InvitedAccountInput = z.input<typeof invitedAccountSchema>;
