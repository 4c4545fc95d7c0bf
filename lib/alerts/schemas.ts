import { z } from "zod";

const id = z.string().min(1).max(40);
export const watchSchema = z.object({ situationId: id, watch: z.boolean() });
export const markReadSchema = z.union([z.object({ alertIds: z.array(id).min(1).max(500) }), z.object({ all: z.literal(true) })]);
export const alertPreferencesSchema = z.object({
  alertScope: z.enum(["ALL", "WATCHED"], { message: "Choose which situations alert you." }),
  emailAlerts: z.boolean(),
});
