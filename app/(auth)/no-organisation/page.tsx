import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { ORGANISATION_SUSPENDED_MESSAGE } from "@/lib/access/gate";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export default async function NoOrganisationPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/signin");
  if (user.active) redirect("/");
  if (user.suspendedIn.length) {
    const names = (await db.organisation.findMany({ where: { id: { in: user.suspendedIn } }, select: { name: true }, orderBy: { name: "asc" } })).map((o) => o.name);
    return (
      <main className="auth-page">
        <div className="auth-box">
          <h1>Access suspended</h1>
          <p>{ORGANISATION_SUSPENDED_MESSAGE}</p>
          <p>
            You are signed in as {user.email}, a member of {names.join(", ")}. Its data is kept. Ask your organisation&apos;s administrators or the coalition secretariat
            when access will be restored.
          </p>
          <SignOutButton />
        </div>
      </main>
    );
  }
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
