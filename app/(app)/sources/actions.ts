"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/auth/action";
import { createSource, deleteSource, updateSource } from "@/lib/sources/mutations";
import { searchSources } from "@/lib/sources/queries";
import { sourceInputSchema, sourceRefSchema, sourceSearchSchema, updateSourceSchema } from "@/lib/sources/schemas";

export const createSourceAction = authorizedAction({ role: "ANALYST", schema: sourceInputSchema }, async (ctx) => {
  const result = await createSource(ctx, ctx.input);
  revalidatePath("/sources");
  return result;
});

export const updateSourceAction = authorizedAction({ role: "ANALYST", schema: updateSourceSchema }, async (ctx) => {
  const result = await updateSource(ctx, ctx.input);
  revalidatePath(`/sources/${result.id}`);
  return result;
});

export const deleteSourceAction = authorizedAction({ role: "ANALYST", schema: sourceRefSchema }, async (ctx) => {
  const result = await deleteSource(ctx, ctx.input);
  revalidatePath("/sources");
  return result;
});

/** For the citation picker: the caller's organisation's sources only. */
export const searchSourcesAction = authorizedAction({ role: "VIEWER", schema: sourceSearchSchema }, async ({ membership, input }) =>
  searchSources(membership.organisationId, input.q),
);
