import { db } from "@/lib/db";
import { LeaveCoalitionForm } from "./coalition-forms";

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The Admin page's coalition section: the organisation's administrators take it out of the
 * coalition, told first what changes (lib/access/situations.ts: what it shares stops being shared,
 * and its members stop seeing what others share; its own data stays and stays theirs).
 */
export async function LeaveCoalitionSection({ organisationId }: { organisationId: string }) {
  const org = await db.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { name: true, isSecretariat: true, leftAt: true, _count: { select: { situations: { where: { visibility: "COALITION", archivedAt: null } } } } },
  });
  if (org.isSecretariat) return null; // the secretariat runs the coalition: it cannot leave it
  return (
    <section className="panel" aria-labelledby="coalition-heading">
      <h2 id="coalition-heading" style={{ marginBlockStart: 0 }}>
        The coalition
      </h2>
      {org.leftAt ? (
        <p>
          {org.name} left the coalition on {day(org.leftAt)}. It shares nothing with the coalition, and its members see only its own situations. Only the coalition
          secretariat can take it back.
        </p>
      ) : (
        <>
          <p>
            {org.name} shares {org._count.situations === 1 ? "1 situation" : `${org._count.situations} situations`} with the coalition. If it leaves, at once:
          </p>
          <ul>
            <li>the situations it marks &ldquo;shared with the coalition&rdquo;, with their rounds, responses and events, are no longer shown to other organisations;</li>
            <li>its members no longer see what other organisations share with the coalition, nor get alerts about it;</li>
            <li>its members keep working with all of its own data, and you keep its exports and backup. Nothing is deleted.</li>
          </ul>
          <p className="muted">
            What sharing shows, and who shares: <a href="/coalition">the Coalition page</a>.
          </p>
          <LeaveCoalitionForm organisation={org.name} />
        </>
      )}
    </section>
  );
}
