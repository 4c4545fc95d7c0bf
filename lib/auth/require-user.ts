import "server-only";
import { notFound, redirect } from "next/navigation";
import type { Role } from "@/lib/generated/prisma/enums";
import { gate } from "@/lib/access/gate";
import type { CurrentMembership, CurrentUser } from "./current-user";

/**
 * For pages: the signed-in user with an organisation, as the access gate decides (lib/access/gate.ts),
 * or a redirect: to sign-in, to "no organisation", or to set up two-factor sign-in first when the
 * organisation requires it (the account page opts out). A page for `role` and above is "not found"
 * to others, as it would be to a visitor of another organisation.
 */
export async function requireUser(opts: { beforeTwoFactor?: boolean; role?: Role; secretariat?: boolean } = {}): Promise<CurrentUser & { active: CurrentMembership }> {
  const access = await gate(opts);
  if (access.ok) return access.user as CurrentUser & { active: CurrentMembership };
  switch (access.reason) {
    case "SIGNED_OUT":
      redirect("/signin");
    case "NO_MEMBERSHIP":
    case "DEACTIVATED":
    case "ORGANISATION_SUSPENDED": // the page says why (lib/access/gate.ts ORGANISATION_SUSPENDED_MESSAGE)
      redirect("/no-organisation");
    case "ROLE":
      notFound();
    case "ORGANISATION_LEFT": // asked by actions only: a page shows the organisation the user works in now
      redirect("/");
    case "TWO_FACTOR_SETUP_REQUIRED":
      redirect("/account?setup=two-factor");
  }
}
