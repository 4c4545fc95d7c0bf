"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/auth/action";
import { markRead, setAlertPreferences, setWatch } from "@/lib/alerts/mutations";
import { alertPreferencesSchema, markReadSchema, watchSchema } from "@/lib/alerts/schemas";

export const watchSituationAction = authorizedAction({ role: "VIEWER", schema: watchSchema }, async (ctx) => {
  const result = await setWatch(ctx, ctx.input);
  revalidatePath(`/situations/${result.situationId}`);
  revalidatePath("/");
  return result;
});

export const markAlertsReadAction = authorizedAction({ role: "VIEWER", schema: markReadSchema }, async (ctx) => {
  const result = await markRead(ctx, ctx.input);
  revalidatePath("/", "layout");
  return result;
});

export const alertPreferencesAction = authorizedAction({ role: "VIEWER", schema: alertPreferencesSchema }, async (ctx) => {
  const result = await setAlertPreferences(ctx, ctx.input);
  revalidatePath("/alerts");
  return result;
});
