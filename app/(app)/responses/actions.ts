"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/auth/action";
import { createResponse, deleteResponse, updateResponse } from "@/lib/responses/mutations";
import { createResponseSchema, responseRefSchema, updateResponseSchema } from "@/lib/responses/schemas";

export const createResponseAction = authorizedAction({ role: "ANALYST", schema: createResponseSchema }, async (ctx) => {
  const result = await createResponse(ctx, ctx.input.situationId, ctx.input.data);
  revalidatePath(`/situations/${result.situationId}`);
  return result;
});

export const updateResponseAction = authorizedAction({ role: "ANALYST", schema: updateResponseSchema }, async (ctx) => {
  const result = await updateResponse(ctx, ctx.input);
  revalidatePath(`/situations/${result.situationId}`);
  return result;
});

export const deleteResponseAction = authorizedAction({ role: "ANALYST", schema: responseRefSchema }, async (ctx) => {
  const result = await deleteResponse(ctx, ctx.input);
  revalidatePath(`/situations/${result.situationId}`);
  return result;
});
