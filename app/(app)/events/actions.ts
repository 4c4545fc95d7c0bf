"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/auth/action";
import { createEvent, deleteEvent, updateEvent } from "@/lib/events/mutations";
import { createEventSchema, eventRefSchema, updateEventSchema } from "@/lib/events/schemas";
import { checkImport, startImport } from "@/lib/events/import-service";
import { IMPORT_FIELDS } from "@/lib/events/acled";

export const createEventAction = authorizedAction({ role: "ANALYST", schema: createEventSchema }, async (ctx) => {
  const result = await createEvent(ctx, ctx.input.data);
  revalidatePath("/events");
  return result;
});

export const updateEventAction = authorizedAction({ role: "ANALYST", schema: updateEventSchema }, async (ctx) => {
  const result = await updateEvent(ctx, ctx.input);
  revalidatePath("/events");
  return result;
});

export const deleteEventAction = authorizedAction({ role: "ANALYST", schema: eventRefSchema }, async (ctx) => {
  const result = await deleteEvent(ctx, ctx.input);
  revalidatePath("/events");
  return result;
});

const mappingSchema = z.object(Object.fromEntries(IMPORT_FIELDS.map((f) => [f.field, z.string().max(200).optional()])) as Record<string, z.ZodOptional<z.ZodString>>);

export const checkImportAction = authorizedAction(
  { role: "ANALYST", schema: z.object({ id: z.string().min(1).max(40), mapping: mappingSchema, situationId: z.union([z.literal(""), z.string().min(1).max(40)]) }) },
  async (ctx) => {
    const { preview, problems, repeats, ...counts } = await checkImport(ctx, ctx.input);
    return { ...counts, problemCount: problems.length, previewCount: preview.length, repeatsListed: repeats.length };
  },
);

export const runImportAction = authorizedAction({ role: "ANALYST", schema: z.object({ id: z.string().min(1).max(40), keepRepeats: z.enum(["FIRST", "LAST"]).optional() }) }, async (ctx) => {
  const result = await startImport(ctx, ctx.input);
  revalidatePath("/events");
  if (result.situationId) revalidatePath(`/situations/${result.situationId}`);
  return result;
});
