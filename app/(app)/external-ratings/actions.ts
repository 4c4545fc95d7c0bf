"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/auth/action";
import { createExternalRating, deleteExternalRating, importExternalRatings, updateExternalRating } from "@/lib/external-ratings/mutations";
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

/** The uploaded file comes as FormData ("file"); its size is checked again in importExternalRatings. */
const importFormSchema = z.instanceof(FormData, { message: "Choose a CSV file to import." }).transform((form, ctx) => {
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) {
    ctx.addIssue({ code: "custom", path: ["file"], message: "Choose a CSV file to import." });
    return z.NEVER;
  }
  return file;
});

export const importExternalRatingsAction = authorizedAction({ role: "ANALYST", schema: importFormSchema }, async (ctx) => {
  const result = await importExternalRatings(ctx, { name: ctx.input.name, bytes: new Uint8Array(await ctx.input.arrayBuffer()) });
  if (result.imported) revalidatePath("/");
  return result;
});
