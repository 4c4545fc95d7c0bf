"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/auth/action";
import { createExternalRating, deleteExternalRating, updateExternalRating } from "@/lib/external-ratings/mutations";
import { createExternalRatingSchema, externalRatingRefSchema, updateExternalRatingSchema } from "@/lib/external-ratings/schemas";

export const createExternalRatingAction = authorizedAction({ role: "ANALYST", schema: createExternalRatingSchema }, async (ctx) => {
  const result = await createExternalRating(ctx, ctx.input.situationId, ctx.input.data);
  revalidatePath(`/situations/${result.situationId}`);
  return result;
});

export const updateExternalRatingAction = authorizedAction({ role: "ANALYST", schema: updateExternalRatingSchema }, async (ctx) => {
  const result = await updateExternalRating(ctx, ctx.input);
  revalidatePath(`/situations/${result.situationId}`);
  return result;
});

export const deleteExternalRatingAction = authorizedAction({ role: "ANALYST", schema: externalRatingRefSchema }, async (ctx) => {
  const result = await deleteExternalRating(ctx, ctx.input);
  revalidatePath(`/situations/${result.situationId}`);
  return result;
});
