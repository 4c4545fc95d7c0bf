"use server";

import { cookies } from "next/headers";
import { authorizedAction } from "@/lib/auth/action";
import { ACTIVE_ORG_COOKIE } from "@/lib/auth/current-user";
import { ForbiddenError } from "@/lib/auth/errors";
import { switchOrganisationSchema } from "@/lib/auth/schemas";

/** Chooses the organisation the user works in; only one they are a member of. */
export const switchOrganisationAction = authorizedAction(
  { role: "VIEWER", schema: switchOrganisationSchema },
  async ({ user, input }) => {
    const target = user.memberships.find((m) => m.organisationId === input.organisationId);
    if (!target) throw new ForbiddenError("You are not a member of that organisation.");
    (await cookies()).set(ACTIVE_ORG_COOKIE, target.organisationId, {
      httpOnly: true,
      sameSite: "lax",
      secure: process.env.NODE_ENV === "production" && (process.env.NEXTAUTH_URL ?? "").startsWith("https:"),
      path: "/",
      maxAge: 60 * 60 * 24 * 365,
    });
    return { organisationId: target.organisationId, role: target.role };
  },
);
