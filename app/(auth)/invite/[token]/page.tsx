import type { Metadata } from "next";
import { openInvitation } from "@/lib/admin/mutations";
import { ROLE_LABELS } from "@/lib/labels";
import { AcceptInvitationForm } from "./accept-form";

export const metadata: Metadata = { title: "Invitation" };
export const dynamic = "force-dynamic";

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const inv = await openInvitation(token);
  return (
    <main className="auth-page">
      <div className="auth-box">
        <h1>Invitation</h1>
        {!inv ? (
          <p role="alert" className="form-error">
            This invitation link has expired or was already used. Ask your administrator for a new one.
          </p>
        ) : (
          <>
            <p>
              You are invited to join <strong>{inv.organisation.name}</strong> as {ROLE_LABELS[inv.role].toLowerCase()}, with the e-mail address <strong>{inv.email}</strong>.
            </p>
            <AcceptInvitationForm token={token} hasAccount={inv.hasAccount} />
          </>
        )}
      </div>
    </main>
  );
}
