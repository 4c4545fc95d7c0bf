import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { SignOutButton } from "@/components/shell/sign-out-button";

export const dynamic = "force-dynamic";

export default async function NoOrganisationPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/signin");
  if (user.active) redirect("/");
  return (
    <main className="auth-page">
      <div className="auth-box">
        <h1>No organisation yet</h1>
        <p>
          You are signed in as {user.email}, but you are not a member of any organisation. Ask an administrator of your
          organisation to invite you.
        </p>
        <SignOutButton />
      </div>
    </main>
  );
}
