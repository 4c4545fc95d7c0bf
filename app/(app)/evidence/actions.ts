"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/auth/action";
import { decideSuggestion } from "@/lib/evidence/mutations";
import { decideSuggestionSchema } from "@/lib/evidence/schemas";

/** Takes or declines the rating the event log suggests for one indicator of a draft round, with the reason (issue #28). */
export const decideSuggestionAction = authorizedAction({ role: "ANALYST", schema: decideSuggestionSchema }, async (ctx) => {
  const result = await decideSuggestion(ctx, ctx.input);
  revalidatePath(`/situations/${result.situationId}/rounds/${result.roundId}`);
  return result;
});
