import { z } from "zod";

// Shared by the sign-in form (react-hook-form) and the server.
export const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your e-mail address.").max(254).email("Enter a valid e-mail address."),
  password: z.string().min(1, "Enter your password.").max(1024),
  /** The authenticator code or a recovery code, for accounts with two-factor sign-in. */
  code: z.string().trim().max(40).optional(),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const switchOrganisationSchema = z.object({
  organisationId: z.string().min(1).max(40),
});
