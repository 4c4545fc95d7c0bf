"use server";

import { authorizedAction } from "@/lib/auth/action";
import { setActiveOrganisation } from "@/lib/auth/current-user";
import { ForbiddenError } from "@/lib/auth/errors";
import { switchOrganisationSchema } from "@/lib/auth/schemas";

/** Chooses the organisation the user works in; only one they are a member of. */
export const switchOrganisationAction = authorizedAction(
  { role: "VIEWER", schema: switchOrganisationSchema },
  async ({ user, input }) => {
    const target = user.memberships.find((m) => m.organisationId === input.organisationId);
    if (!target) throw new ForbiddenError("You are not a member of that organisation.");
    await setActiveOrganisation(target.organisationId);
    return { organisationId: target.organisationId, role: target.role };
  },
);
