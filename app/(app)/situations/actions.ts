"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/auth/action";
import { emailAlertsLater } from "@/lib/alerts/email";
import { createSituation, setSituationArchived, updateSituation } from "@/lib/situations/mutations";
import { situationInputSchema, situationRefSchema, updateSituationSchema } from "@/lib/situations/schemas";

export const createSituationAction = authorizedAction({ role: "ANALYST", schema: situationInputSchema }, async (ctx) => {
  const result = await createSituation(ctx, ctx.input);
  revalidatePath("/situations");
  return result;
});

export const updateSituationAction = authorizedAction({ role: "ANALYST", schema: updateSituationSchema }, async (ctx) => {
  const { alertIds, ...result } = await updateSituation(ctx, ctx.input);
  emailAlertsLater(alertIds);
  revalidatePath(`/situations/${result.id}`);
  return result;
});

export const archiveSituationAction = authorizedAction({ role: "ANALYST", schema: situationRefSchema }, async (ctx) => {
  const result = await setSituationArchived(ctx, ctx.input, true);
  revalidatePath(`/situations/${result.id}`);
  return result;
});

export const restoreSituationAction = authorizedAction({ role: "ANALYST", schema: situationRefSchema }, async (ctx) => {
  const result = await setSituationArchived(ctx, ctx.input, false);
  revalidatePath(`/situations/${result.id}`);
  return result;
});
