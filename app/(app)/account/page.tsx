import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/require-user";
import { db } from "@/lib/db";
import { ActionButton } from "@/components/ui/action-button";
import { ChangePasswordForm, DisableTwoFactor, TwoFactorSetup } from "@/components/account/account-forms";
import { revokeSessionAction, signOutEverywhereAction } from "./actions";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ setup?: string }> }) {
  const { setup } = await searchParams;
  const user = await requireUser({ beforeTwoFactor: true });
  const [sessions, unusedCodes] = await Promise.all([
    db.authSession.findMany({ where: { userId: user.id, revokedAt: null }, orderBy: { lastSeenAt: "desc" }, take: 50 }),
    db.recoveryCode.count({ where: { userId: user.id, usedAt: null } }),
  ]);
  return (
    <>
      <h1>Your account</h1>
      <p className="muted">
        {user.name} · {user.email}
      </p>
      {(user.mustSetUpTwoFactor || setup === "two-factor") && !user.twoFactor && (
        <p className="notice" role="alert">
          {user.active.organisationName} requires two-factor sign-in. Set it up below to continue working.
        </p>
      )}
      <section className="panel" aria-labelledby="tfa">
        <h2 id="tfa" style={{ marginTop: 0 }}>
          Two-factor sign-in
        </h2>
        {user.twoFactor ? (
          <>
            <p>
              <strong>On.</strong> Signing in asks for a code from your authenticator app. {unusedCodes} unused recovery code{unusedCodes === 1 ? "" : "s"} left.
            </p>
            <DisableTwoFactor />
          </>
        ) : (
          <>
            <p>Off. With it on, someone who learns your password still cannot sign in without your phone.</p>
            <TwoFactorSetup />
          </>
        )}
      </section>
      <ChangePasswordForm />
      <section className="panel" aria-labelledby="sessions">
        <h2 id="sessions" style={{ marginTop: 0 }}>
          Where you are signed in
        </h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Signed in</th>
              <th scope="col">Last active</th>
              <th scope="col">Address</th>
              <th scope="col">Browser</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id}>
                <td>{s.createdAt.toISOString().slice(0, 16).replace("T", " ")}</td>
                <td>{s.lastSeenAt.toISOString().slice(0, 16).replace("T", " ")}</td>
                <td>{s.ip ?? "—"}</td>
                <td>{s.userAgent?.slice(0, 60) ?? "—"}</td>
                <td>{s.id === user.sessionId ? <strong>This session</strong> : <ActionButton action={revokeSessionAction} input={{ sessionId: s.id }} label="End this session" busyLabel="Ending…" />}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          <ActionButton
            action={signOutEverywhereAction}
            input={{ confirm: true as const }}
            label="Sign out everywhere"
            busyLabel="Signing out…"
            confirm="Sign out of every session, this one included?"
            then="/signin"
          />
        </p>
      </section>
    </>
  );
}
