import "server-only";
import { redirect } from "next/navigation";
import { getCurrentUser, type CurrentMembership, type CurrentUser } from "./current-user";

/** For pages: the signed-in user with an organisation, or a redirect to sign-in. */
export async function requireUser(): Promise<CurrentUser & { active: CurrentMembership }> {
  const user = await getCurrentUser();
  if (!user) redirect("/signin");
  if (!user.active) redirect("/no-organisation");
  return user as CurrentUser & { active: CurrentMembership };
}
