"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/auth/action";
import { emailAlertsLater } from "@/lib/alerts/email";
import { createIndicator, discardRound, publishRound, rescoreRound, saveRound, setIndicatorRetired, startRound, updateIndicator } from "@/lib/indicators/mutations";
import { createIndicatorSchema, retireIndicatorSchema, roundRefSchema, saveRoundSchema, startRoundSchema, updateIndicatorSchema } from "@/lib/indicators/schemas";

export const startRoundAction = authorizedAction({ role: "ANALYST", schema: startRoundSchema }, async (ctx) => {
  const result = await startRound(ctx, ctx.input);
  revalidatePath(`/situations/${result.situationId}`);
  return result;
});

export const saveRoundAction = authorizedAction({ role: "ANALYST", schema: saveRoundSchema }, async (ctx) => {
  const result = await saveRound(ctx, ctx.input);
  revalidatePath(`/situations/${result.situationId}`);
  return result;
});

export const publishRoundAction = authorizedAction({ role: "ANALYST", schema: roundRefSchema }, async (ctx) => {
  const { scores, alertIds, ...result } = await publishRound(ctx, ctx.input);
  emailAlertsLater(alertIds);
  revalidatePath(`/situations/${result.situationId}`);
  revalidatePath("/");
  return { ...result, overallScore: scores.overall.score };
});

export const discardRoundAction = authorizedAction({ role: "ANALYST", schema: roundRefSchema }, async (ctx) => {
  const result = await discardRound(ctx, ctx.input);
  revalidatePath(`/situations/${result.situationId}`);
  return result;
});

/** Re-scores a published round with the current scoring method: an administrator's explicit, audited choice (issue #27). */
export const rescoreRoundAction = authorizedAction({ role: "ADMIN", schema: roundRefSchema }, async (ctx) => {
  const result = await rescoreRound(ctx, ctx.input);
  revalidatePath(`/situations/${result.situationId}`);
  revalidatePath("/");
  return result;
});

export const createIndicatorAction = authorizedAction({ role: "ADMIN", schema: createIndicatorSchema }, async (ctx) => {
  const result = await createIndicator(ctx, ctx.input);
  revalidatePath("/indicators");
  return result;
});

export const updateIndicatorAction = authorizedAction({ role: "ADMIN", schema: updateIndicatorSchema }, async (ctx) => {
  const result = await updateIndicator(ctx, ctx.input);
  revalidatePath("/indicators");
  return result;
});

export const retireIndicatorAction = authorizedAction({ role: "ADMIN", schema: retireIndicatorSchema }, async (ctx) => {
  const result = await setIndicatorRetired(ctx, ctx.input);
  revalidatePath("/indicators");
  return result;
});
