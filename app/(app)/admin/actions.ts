"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/auth/action";
import { changeRole, inviteMember, resetMemberTwoFactor, revokeInvitation, setAssessmentInterval, setMemberActive, setMinScoreCoverage, setRequireTwoFactor, setSignalSensitivity } from "@/lib/admin/mutations";
import { minScoreCoverageInputSchema } from "@/lib/indicators/schemas";
import { organisationSettingsSchema } from "@/lib/admin/schemas";
import { signalSensitivityInputSchema } from "@/lib/signals/schemas";
import { issueApiTokenSchema, revokeApiTokenSchema } from "@/lib/api-tokens/schemas";
import { issueApiToken, revokeApiToken } from "@/lib/api-tokens/mutations";

const id = z.string().min(1).max(40);
const role = z.enum(["VIEWER", "ANALYST", "ADMIN"], { message: "Choose a role." });

export const inviteMemberAction = authorizedAction(
  { role: "ADMIN", schema: z.object({ email: z.string().trim().min(1, "Enter an e-mail address.").max(254).email("Enter a valid e-mail address."), role }) },
  async (ctx) => {
    const r = await inviteMember(ctx, ctx.input);
    revalidatePath("/admin");
    return r;
  },
);
export const revokeInvitationAction = authorizedAction({ role: "ADMIN", schema: z.object({ id }) }, async (ctx) => {
  const r = await revokeInvitation(ctx, ctx.input);
  revalidatePath("/admin");
  return r;
});
export const changeRoleAction = authorizedAction({ role: "ADMIN", schema: z.object({ userId: id, role }) }, async (ctx) => {
  const r = await changeRole(ctx, ctx.input);
  revalidatePath("/admin");
  return r;
});
export const setMemberActiveAction = authorizedAction({ role: "ADMIN", schema: z.object({ userId: id, active: z.boolean() }) }, async (ctx) => {
  const r = await setMemberActive(ctx, ctx.input);
  revalidatePath("/admin");
  return r;
});
/** For a member who cannot sign in with their two-factor code (lost device, or a secret the server's keys no longer open). */
export const resetMemberTwoFactorAction = authorizedAction({ role: "ADMIN", schema: z.object({ userId: id }) }, async (ctx) => {
  const r = await resetMemberTwoFactor(ctx, ctx.input);
  revalidatePath("/admin");
  return r;
});
export const requireTwoFactorAction = authorizedAction({ role: "ADMIN", schema: z.object({ required: z.boolean() }) }, async (ctx) => {
  const r = await setRequireTwoFactor(ctx, ctx.input);
  revalidatePath("/admin");
  return r;
});

export const assessmentIntervalAction = authorizedAction(
  { role: "ADMIN", schema: z.object({ days: organisationSettingsSchema.shape.assessmentIntervalDays }) },
  async (ctx) => {
    const r = await setAssessmentInterval(ctx, ctx.input);
    revalidatePath("/admin");
    revalidatePath("/");
    return r;
  },
);

/** The minimum coverage of a score (issue #27): used by new publications, live scores and re-scoring; published figures do not change. */
export const minScoreCoverageAction = authorizedAction({ role: "ADMIN", schema: minScoreCoverageInputSchema }, async (ctx) => {
  const r = await setMinScoreCoverage(ctx, ctx.input);
  revalidatePath("/admin");
  return r;
});

export const signalSensitivityAction = authorizedAction({ role: "ADMIN", schema: signalSensitivityInputSchema }, async (ctx) => {
  const r = await setSignalSensitivity(ctx, ctx.input);
  revalidatePath("/admin");
  revalidatePath("/");
  return r;
});

/** A read-only partner API token (issue #30): its secret is in this answer only, shown once to copy. */
export const issueApiTokenAction = authorizedAction({ role: "ADMIN", schema: issueApiTokenSchema }, async (ctx) => {
  const r = await issueApiToken(ctx, ctx.input);
  revalidatePath("/admin");
  return r;
});

export const revokeApiTokenAction = authorizedAction({ role: "ADMIN", schema: revokeApiTokenSchema }, async (ctx) => {
  const r = await revokeApiToken(ctx, ctx.input);
  revalidatePath("/admin");
  return r;
});
