// Password rules: length over complexity (NIST SP 800-63B), and not one of the most common
// passwords (the list bundled with @zxcvbn-ts/language-common, about 50,000 leaked passwords).
import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";

export const MIN_PASSWORD_LENGTH = 12;
let common: Set<string> | undefined;

export function isCommonPassword(password: string): boolean {
  common ??= new Set((dictionary as Record<string, string[]>)["passwords-common"]);
  return common.has(password.toLowerCase());
}

export const newPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters; a few unrelated words make a strong, memorable password.`)
  .max(1024, "That password is too long (at most 1,024 characters).")
  .refine((p) => !isCommonPassword(p), "This password appears in lists of leaked passwords. Choose another.");

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1, "Enter your current password.").max(1024), newPassword: newPasswordSchema, confirm: z.string() })
  .refine((v) => v.newPassword === v.confirm, { path: ["confirm"], message: "The two new passwords differ." })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Choose a password different from the current one." });
