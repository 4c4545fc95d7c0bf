import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/require-user";
import { db } from "@/lib/db";
import { canRunCoalition, COALITION_STATUS_TEXT, NEVER_SHARED, SHARED_EXPOSES } from "@/lib/access/coalition";
import { coalitionSharing, listMemberOrganisations } from "@/lib/coalition/queries";
import { ActionButton } from "@/components/ui/action-button";
import { CreateOrganisationForm, InviteFirstAdministratorForm } from "@/components/coalition/coalition-forms";
import { setOrganisationInCoalitionAction, setOrganisationSuspendedAction } from "./actions";

export const metadata: Metadata = { title: "Coalition" };

const day = (d: Date) => d.toISOString().slice(0, 10);
const situations = (n: number) => (n === 1 ? "1 situation" : `${n} situations`);

/**
 * What every member may read about the coalition (who shares, and what sharing exposes), and for
 * the secretariat's administrators the member organisations and what they do with them.
 */
export default async function CoalitionPage() {
  const user = await requireUser({ role: "VIEWER" });
  const runs = canRunCoalition(user.active);
  const [sharing, own, organisations] = await Promise.all([
    coalitionSharing(),
    db.organisation.findUniqueOrThrow({ where: { id: user.active.organisationId }, select: { name: true, leftAt: true } }),
    runs ? listMemberOrganisations() : Promise.resolve([]),
  ]);
  return (
    <>
      <h1>Coalition</h1>
      {own.leftAt && (
        <p className="notice" role="status">
          {own.name} left the coalition on {day(own.leftAt)}: nothing it marks &ldquo;shared with the coalition&rdquo; is shared now, and you see only its own
          situations. Only the coalition secretariat can take it back.
        </p>
      )}
      <section className="panel" aria-labelledby="sharing-heading">
        <h2 id="sharing-heading" style={{ marginBlockStart: 0 }}>
          Organisations in the coalition
        </h2>
        <p className="muted">Each shares the situations its analysts mark &ldquo;shared with the coalition&rdquo;. Counts are of situations shared now (archived ones are not).</p>
        <table>
          <thead>
            <tr>
              <th scope="col">Organisation</th>
              <th scope="col">Shares with the coalition</th>
            </tr>
          </thead>
          <tbody>
            {sharing.map((o) => (
              <tr key={o.name}>
                <td>
                  {o.name}
                  {o.isSecretariat ? " (the secretariat)" : ""}
                </td>
                <td>{situations(o.shared)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="panel" aria-labelledby="exposes-heading">
        <h2 id="exposes-heading" style={{ marginBlockStart: 0 }}>
          What &ldquo;shared with the coalition&rdquo; shows
        </h2>
        <p>
          Every member of every organisation in the coalition can read a shared situation, while it is not archived and while its organisation is neither suspended nor out of
          the coalition. Only its own organisation&apos;s analysts and administrators change it. They read:
        </p>
        <ul>
          {SHARED_EXPOSES.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p>Never shared, whatever is marked:</p>
        <ul>
          {NEVER_SHARED.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p className="muted">
          The coalition secretariat adds, suspends and removes organisations; it does not read their private records. A suspended organisation&apos;s members cannot work in it,
          and what it shared is hidden until it is reactivated. An organisation that left, or was removed, shares nothing; its members keep working with their own data.
          Nothing is deleted either way.
        </p>
      </section>
      {runs && (
        <>
          <section className="panel" aria-labelledby="members-heading">
            <h2 id="members-heading" style={{ marginBlockStart: 0 }}>
              Member organisations
            </h2>
            <table>
              <thead>
                <tr>
                  <th scope="col">Organisation</th>
                  <th scope="col">Members</th>
                  <th scope="col">Administrators</th>
                  <th scope="col">Shared situations</th>
                  <th scope="col">Created</th>
                  <th scope="col">Status</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {organisations.map((o) => (
                  <tr key={o.id}>
                    <td>
                      {o.name}
                      {o.isSecretariat ? " (the secretariat)" : ""}
                    </td>
                    <td>{o.members}</td>
                    <td>
                      {o.administrators}
                      {o.pendingAdministrator && (
                        <div className="muted">
                          Invited: {o.pendingAdministrator.email}, until {day(o.pendingAdministrator.expiresAt)}
                        </div>
                      )}
                    </td>
                    <td>{o.shared}</td>
                    <td>{day(o.createdAt)}</td>
                    <td>
                      {o.status === "ACTIVE" ? COALITION_STATUS_TEXT.ACTIVE : `${o.status === "SUSPENDED" ? `Suspended on ${day(o.suspendedAt!)}` : `Out since ${day(o.leftAt!)}`}.`}
                      {o.status === "SUSPENDED" && o.leftAt ? ` Out of the coalition since ${day(o.leftAt)}.` : ""}
                    </td>
                    <td>
                      {o.isSecretariat ? (
                        "—"
                      ) : (
                        <>
                          <ActionButton
                            action={setOrganisationSuspendedAction}
                            input={{ organisationId: o.id, suspended: !o.suspendedAt }}
                            label={o.suspendedAt ? `Reactivate ${o.name}` : `Suspend ${o.name}`}
                            busyLabel="Saving…"
                            confirm={
                              o.suspendedAt
                                ? `Reactivate ${o.name}? Its members can work in it again at once${o.leftAt ? "" : ", and what it shared is shared with the coalition again"}.`
                                : `Suspend ${o.name}? Its ${o.members} members cannot work in it from their next page, and what it shares is hidden from the coalition. Its data is kept; you can reactivate it later.`
                            }
                          />{" "}
                          <ActionButton
                            action={setOrganisationInCoalitionAction}
                            input={{ organisationId: o.id, inCoalition: !!o.leftAt }}
                            label={o.leftAt ? `Take ${o.name} back into the coalition` : `Remove ${o.name} from the coalition`}
                            busyLabel="Saving…"
                            confirm={
                              o.leftAt
                                ? `Take ${o.name} back? What it marks shared is shared with the coalition again.`
                                : `Remove ${o.name} from the coalition? What it shares stops being shared at once. Its members keep working with their own data, and its administrators keep their exports and backup. Nothing is deleted.`
                            }
                          />
                          {o.administrators === 0 && <InviteFirstAdministratorForm organisationId={o.id} organisation={o.name} />}
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <CreateOrganisationForm />
        </>
      )}
    </>
  );
}
