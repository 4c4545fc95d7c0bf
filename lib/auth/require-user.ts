import "server-only";
import { redirect } from "next/navigation";
import { getCurrentUser, type CurrentMembership, type CurrentUser } from "./current-user";

/**
 * For pages: the signed-in user with an organisation, or a redirect to sign-in. Members whose
 * organisation requires two-factor sign-in are sent to set it up first (the account page opts out).
 */
export async function requireUser(opts: { beforeTwoFactor?: boolean } = {}): Promise<CurrentUser & { active: CurrentMembership }> {
  const user = await getCurrentUser();
  if (!user) redirect("/signin");
  if (!user.active) redirect("/no-organisation");
  if (user.mustSetUpTwoFactor && !opts.beforeTwoFactor) redirect("/account?setup=two-factor");
  return user as CurrentUser & { active: CurrentMembership };
}
