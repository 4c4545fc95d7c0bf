import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/require-user";
import { db } from "@/lib/db";
import { ROLE_LABELS } from "@/lib/labels";
import { ActionButton } from "@/components/ui/action-button";
import { LogoForm } from "@/components/admin/logo-form";
import { UndeliveredEmails } from "@/components/admin/undelivered-emails";
import { LOGO_MAX_BYTES } from "@/lib/uploads/limits";
import { LeaveCoalitionSection } from "@/components/coalition/leave-coalition-section";
import { AssessmentIntervalForm, InviteForm, MinScoreCoverageForm, RoleSelect, SignalSensitivityForm } from "@/components/admin/admin-forms";
import { IssueApiTokenForm } from "@/components/admin/api-tokens";
import { listApiTokens } from "@/lib/api-tokens/queries";
import { API_SCOPE_LABELS, type ApiScope } from "@/lib/api-tokens/schemas";
import { requireTwoFactorAction, resetMemberTwoFactorAction, revokeApiTokenAction, revokeInvitationAction, setMemberActiveAction } from "./actions";

export const metadata: Metadata = { title: "Admin" };

const when = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") : "never");

export default async function AdminPage() {
  const user = await requireUser({ role: "ADMIN" });
  const orgId = user.active.organisationId;
  const [org, members, invitations, tokens] = await Promise.all([
    db.organisation.findUniqueOrThrow({ where: { id: orgId }, select: { name: true, requireTwoFactor: true, assessmentIntervalDays: true, signalSensitivity: true, minScoreCoverage: true, logoType: true, logoSha256: true } }),
    db.membership.findMany({ where: { organisationId: orgId }, include: { user: { select: { id: true, name: true, email: true, lastSignInAt: true, totpEnabledAt: true, active: true } } }, orderBy: { createdAt: "asc" } }),
    db.invitation.findMany({ where: { organisationId: orgId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } }, orderBy: { createdAt: "desc" }, include: { invitedBy: { select: { name: true } } } }),
    listApiTokens(orgId),
  ]);
  const now = new Date();
  return (
    <>
      <h1>Admin</h1>
      <p className="muted">
        {org.name}. <Link href="/admin/audit">Audit log</Link>
      </p>
      <UndeliveredEmails organisationId={orgId} />
      <section className="panel" aria-labelledby="members-heading">
        <h2 id="members-heading" style={{ marginTop: 0 }}>
          Members ({members.filter((m) => !m.deactivatedAt).length} active)
        </h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail</th>
              <th scope="col">Role</th>
              <th scope="col">Last sign-in</th>
              <th scope="col">Two-factor</th>
              <th scope="col">Access</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <td>{m.user.name}</td>
                <td>{m.user.email}</td>
                <td>{m.deactivatedAt ? ROLE_LABELS[m.role] : <RoleSelect userId={m.user.id} role={m.role} name={m.user.name} />}</td>
                <td>{when(m.user.lastSignInAt)}</td>
                <td>
                  {m.user.totpEnabledAt ? "On" : "Off"}
                  {m.user.totpEnabledAt && !m.deactivatedAt && m.user.id !== user.id && (
                    <>
                      {" "}
                      <ActionButton
                        action={resetMemberTwoFactorAction}
                        input={{ userId: m.user.id }}
                        label={`Reset two-factor sign-in for ${m.user.name}`}
                        busyLabel="Resetting…"
                        confirm={`Reset two-factor sign-in for ${m.user.name}? Their authenticator app and recovery codes stop working; they sign in with their password alone and set it up again. Do this only when they cannot sign in and you know it is them asking.`}
                      />
                    </>
                  )}
                </td>
                <td>
                  {m.deactivatedAt ? (
                    <>
                      Deactivated {when(m.deactivatedAt)}{" "}
                      <ActionButton action={setMemberActiveAction} input={{ userId: m.user.id, active: true }} label={`Reactivate ${m.user.name}`} busyLabel="Saving…" />
                    </>
                  ) : m.user.id === user.id ? (
                    "You"
                  ) : (
                    <ActionButton
                      action={setMemberActiveAction}
                      input={{ userId: m.user.id, active: false }}
                      label={`Deactivate ${m.user.name}`}
                      busyLabel="Deactivating…"
                      confirm={`Deactivate ${m.user.name}? They lose access to ${org.name} at once. Their other organisations are not affected; someone left with none is signed out.`}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <InviteForm />
      {invitations.length > 0 && (
        <section className="panel" aria-labelledby="inv-heading">
          <h2 id="inv-heading" style={{ marginTop: 0 }}>
            Open invitations
          </h2>
          <ul>
            {invitations.map((i) => (
              <li key={i.id}>
                {i.email} as {ROLE_LABELS[i.role]}, by {i.invitedBy?.name ?? "the operator, at first run"}, valid until {when(i.expiresAt)}{" "}
                <ActionButton action={revokeInvitationAction} input={{ id: i.id }} label="Revoke" busyLabel="Revoking…" />
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="panel" aria-labelledby="interval-heading">
        <h2 id="interval-heading" style={{ marginTop: 0 }}>
          Assessment interval
        </h2>
        <p className="muted">The dashboard lists your situations not assessed for longer than this as due for assessment.</p>
        <AssessmentIntervalForm days={org.assessmentIntervalDays} />
      </section>
      <section className="panel" aria-labelledby="coverage-heading">
        <h2 id="coverage-heading" style={{ marginTop: 0 }}>
          Scores: how much must be assessed
        </h2>
        <p className="muted">
          A score resting on fewer assessed indicators than this reads &ldquo;Not enough assessed&rdquo; instead of a number, so a round that is mostly not assessed never
          looks like low risk. It applies to drafts and new publications; published rounds keep their figures until re-scored. <a href="/help/scores">How scores work</a>
        </p>
        <MinScoreCoverageForm minCoverage={org.minScoreCoverage} />
      </section>
      <section className="panel" aria-labelledby="sensitivity-heading">
        <h2 id="sensitivity-heading" style={{ marginBlockStart: 0 }}>
          Signals from the event log
        </h2>
        <p className="muted">
          Each week of a situation&apos;s events is compared with the 26 weeks before it. A week is flagged, and raises an alert, when so many events, attacks on civilians or people
          killed would come by chance this rarely. Rarer means fewer, surer signals; more often means earlier ones and more false alarms.
        </p>
        <SignalSensitivityForm sensitivity={org.signalSensitivity} />
      </section>
      <section className="panel" aria-labelledby="logo-heading">
        <h2 id="logo-heading" style={{ marginBlockStart: 0 }}>
          Logo
        </h2>
        <p className="muted">Your organisation&apos;s logo is printed on its briefs and bulletins, beside its name. The image is checked by its content, not its name.</p>
        <LogoForm logo={org.logoType && org.logoSha256 ? { type: org.logoType, sha256: org.logoSha256 } : null} maxBytes={LOGO_MAX_BYTES} />
      </section>
      <section className="panel" aria-labelledby="api-heading">
        <h2 id="api-heading" style={{ marginBlockStart: 0 }}>
          Partner API tokens
        </h2>
        <p className="muted">
          A token lets a partner&apos;s tools read what your organisation sees, through the read-only API at /api/v1 (described at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>
          ), only the kinds of records you choose, for at most a year. Every request is written to the audit log, and each token may make 120 requests a minute. A token stops
          working when you revoke it, when it expires, when the administrator who issued it is deactivated or no longer an administrator, and while the coalition secretariat suspends your organisation.
        </p>
        {tokens.length > 0 && (
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">May read</th>
                <th scope="col">Issued</th>
                <th scope="col">Last used</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id}>
                  <td>{t.name}</td>
                  <td>{t.scopes.map((s) => API_SCOPE_LABELS[s as ApiScope] ?? s).join(", ")}</td>
                  <td>
                    {when(t.createdAt)} by {t.issuedBy}
                  </td>
                  <td>{when(t.lastUsedAt)}</td>
                  <td>
                    {t.revokedAt ? (
                      `Revoked ${when(t.revokedAt)}`
                    ) : t.expiresAt <= now ? (
                      `Expired ${when(t.expiresAt)}`
                    ) : (
                      <>
                        Valid until {when(t.expiresAt)}{" "}
                        <ActionButton
                          action={revokeApiTokenAction}
                          input={{ id: t.id }}
                          label={`Revoke ${t.name}`}
                          busyLabel="Revoking…"
                          confirm={`Revoke the token ${t.name}? Its next request is refused, and it cannot be used again.`}
                        />
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <IssueApiTokenForm />
      </section>
      <section className="panel" aria-labelledby="policy-heading">
        <h2 id="policy-heading" style={{ marginTop: 0 }}>
          Two-factor sign-in
        </h2>
        <p>
          {org.requireTwoFactor
            ? "Required: members must set up an authenticator app before they can work in this organisation."
            : "Optional: each member chooses. Requiring it protects witnesses and sources if a password leaks."}
        </p>
        <ActionButton
          action={requireTwoFactorAction}
          input={{ required: !org.requireTwoFactor }}
          label={org.requireTwoFactor ? "Make it optional" : "Require two-factor sign-in for all members"}
          busyLabel="Saving…"
          confirm={org.requireTwoFactor ? undefined : "Require two-factor sign-in? Members without it will be asked to set it up before anything else."}
        />
      </section>
      <LeaveCoalitionSection organisationId={orgId} />
    </>
  );
}
