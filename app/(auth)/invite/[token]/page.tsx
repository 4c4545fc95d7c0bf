import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/current-user";
import { INVITATION_FOR_ANOTHER, INVITATION_GONE, invitationView } from "@/lib/admin/invitations";
import { ROLE_LABELS } from "@/lib/labels";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { AcceptInvitationButton, NewAccountForm } from "./invitation-forms";

export const metadata: Metadata = { title: "Invitation" };
export const dynamic = "force-dynamic";

/**
 * Signed out, an open invitation looks the same whether or not its address has an account, and
 * has no field for an existing account's password: such an account signs in (the normal sign-in,
 * throttled, with its two-factor step) and comes back here to accept (lib/admin/invitations.ts).
 */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const view = await invitationView(token, await getCurrentUser());
  const back = `/invite/${encodeURIComponent(token)}`;
  const signIn = `/signin?callbackUrl=${encodeURIComponent(back)}`;
  const invited =
    view.state === "OPEN" || view.state === "YOURS" || view.state === "FOR_ANOTHER" ? (
      <p>
        You have been invited to join <strong>{view.organisationName}</strong> as {ROLE_LABELS[view.role].toLowerCase()}.
      </p>
    ) : null;
  return (
    <main className="auth-page">
      <div className="auth-box">
        <h1>Invitation</h1>
        {view.state === "GONE" && (
          <p role="alert" className="form-error">
            {INVITATION_GONE}
          </p>
        )}
        {view.state === "JOINED" && (
          <p role="status" className="notice">
            You are a member of <strong>{view.organisationName}</strong>. <Link href="/">Open the dashboard</Link>.
          </p>
        )}
        {invited}
        {view.state === "OPEN" && (
          <>
            <h2>I already have an account</h2>
            <p>
              <a href={signIn}>Sign in to accept the invitation</a>.
            </p>
            <h2>I am new</h2>
            <p>Choose a password to create my account.</p>
            <NewAccountForm token={token} signInHref={signIn} />
          </>
        )}
        {view.state === "YOURS" && <AcceptInvitationButton token={token} />}
        {view.state === "FOR_ANOTHER" && (
          <>
            <p role="alert" className="form-error">
              {INVITATION_FOR_ANOTHER}
            </p>
            <SignOutButton callbackUrl={signIn} />
          </>
        )}
      </div>
    </main>
  );
}
