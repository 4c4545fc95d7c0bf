"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/auth/action";
import { changePasswordSchema } from "@/lib/account/password-policy";
import { changePassword, confirmTwoFactor, disableTwoFactor, revokeSession, signOutEverywhere, startTwoFactor } from "@/lib/account/mutations";

const open = { role: "VIEWER" as const, beforeTwoFactor: true };

export const changePasswordAction = authorizedAction({ ...open, schema: changePasswordSchema }, async (ctx) => changePassword(ctx, ctx.input));

export const startTwoFactorAction = authorizedAction({ ...open, schema: z.object({ start: z.literal(true) }) }, async (ctx) => startTwoFactor(ctx));

// No revalidation here: the page must keep showing the recovery codes until the member has saved them.
export const confirmTwoFactorAction = authorizedAction({ ...open, schema: z.object({ code: z.string().trim().min(1, "Enter the code from your app.").max(10) }) }, async (ctx) => confirmTwoFactor(ctx, ctx.input));

export const disableTwoFactorAction = authorizedAction({ ...open, schema: z.object({ password: z.string().min(1, "Enter your password.").max(1024) }) }, async (ctx) => {
  const r = await disableTwoFactor(ctx, ctx.input);
  revalidatePath("/account");
  return r;
});

export const revokeSessionAction = authorizedAction({ ...open, schema: z.object({ sessionId: z.string().min(1).max(40) }) }, async (ctx) => {
  const r = await revokeSession(ctx, ctx.input);
  revalidatePath("/account");
  return r;
});

export const signOutEverywhereAction = authorizedAction({ ...open, schema: z.object({ confirm: z.literal(true) }) }, async (ctx) => signOutEverywhere(ctx));
