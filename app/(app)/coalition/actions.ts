"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/auth/action";
import { createMemberOrganisation, inviteFirstAdministratorAgain, leaveCoalition, setOrganisationInCoalition, setOrganisationSuspended } from "@/lib/coalition/mutations";
import { createMemberOrganisationSchema, inviteFirstAdministratorSchema, leaveCoalitionSchema, setInCoalitionSchema, setSuspendedSchema } from "@/lib/coalition/schemas";

// The secretariat's actions (issue #30): the gate lets through only administrators of the
// coalition's secretariat (lib/access/gate.ts, `secretariat`).
const secretariat = { role: "ADMIN", secretariat: true } as const;

export const createMemberOrganisationAction = authorizedAction({ ...secretariat, schema: createMemberOrganisationSchema }, async (ctx) => {
  const r = await createMemberOrganisation(ctx, ctx.input);
  revalidatePath("/coalition");
  return r;
});

export const inviteFirstAdministratorAction = authorizedAction({ ...secretariat, schema: inviteFirstAdministratorSchema }, async (ctx) => {
  const r = await inviteFirstAdministratorAgain(ctx, ctx.input);
  revalidatePath("/coalition");
  return r;
});

export const setOrganisationSuspendedAction = authorizedAction({ ...secretariat, schema: setSuspendedSchema }, async (ctx) => {
  const r = await setOrganisationSuspended(ctx, ctx.input);
  revalidatePath("/coalition");
  return r;
});

export const setOrganisationInCoalitionAction = authorizedAction({ ...secretariat, schema: setInCoalitionSchema }, async (ctx) => {
  const r = await setOrganisationInCoalition(ctx, ctx.input);
  revalidatePath("/coalition");
  return r;
});

/** An organisation's own administrators take it out of the coalition (from the Admin page). */
export const leaveCoalitionAction = authorizedAction({ role: "ADMIN", schema: leaveCoalitionSchema }, async (ctx) => {
  const r = await leaveCoalition(ctx);
  revalidatePath("/admin");
  revalidatePath("/coalition");
  return r;
});
