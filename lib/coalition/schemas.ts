// The coalition secretariat's forms (issue #30): the same schemas parse the forms and the actions.
import { z } from "zod";
import { firstRunSchema } from "@/lib/admin/first-run";

const organisationId = z.string().min(1).max(40);

/** A new member organisation and its first administrator, worded as the first run's (lib/admin/first-run.ts). */
export const createMemberOrganisationSchema = z.object({
  name: firstRunSchema.shape.organisation,
  adminEmail: z.string().trim().min(1, { error: "Give the first administrator's e-mail address." }).max(254).pipe(firstRunSchema.shape.email),
  requireTwoFactor: z.boolean(),
});
export type CreateMemberOrganisationInput = z.input<typeof createMemberOrganisationSchema>;

/** A new link for the first administrator of an organisation that has none yet (the first expired or went to the wrong address). */
export const inviteFirstAdministratorSchema = z.object({ organisationId, adminEmail: createMemberOrganisationSchema.shape.adminEmail });
export type InviteFirstAdministratorInput = z.input<typeof inviteFirstAdministratorSchema>;

export const setSuspendedSchema = z.object({ organisationId, suspended: z.boolean() });
export const setInCoalitionSchema = z.object({ organisationId, inCoalition: z.boolean() });

/** An organisation's administrator leaves the coalition for it, having read what changes. */
export const leaveCoalitionSchema = z.object({ confirm: z.literal(true, { error: "Confirm that your organisation leaves the coalition." }) });
