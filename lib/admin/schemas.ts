import { z } from "zod";

/**
 * The organisation's settings an administrator changes (the admin page's forms), also the rules a
 * restored backup's settings must meet. The sensitivity marking is printed on every brief: plain
 * text only, no markup and no control characters.
 */
export const organisationSettingsSchema = z.object({
  assessmentIntervalDays: z.coerce.number({ message: "Enter a number of days." }).int("Enter whole days.").min(7, "At least 7 days.").max(730, "At most 730 days (two years)."),
  sensitivityMarking: z
    .string()
    .trim()
    .min(1, "Write the marking printed on documents, such as RESTRICTED.")
    .max(200, "The marking is too long (at most 200 characters).")
    .refine((v) => !/[<>\p{Cc}]/u.test(v), "Write the marking as plain text, without < or > or control characters."),
  requireTwoFactor: z.boolean({ message: "Say whether two-factor sign-in is required." }),
});
export type OrganisationSettings = z.infer<typeof organisationSettingsSchema>;
