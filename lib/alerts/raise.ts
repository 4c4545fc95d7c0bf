// Stores the alerts a change raised and puts them in the inboxes of who should see them, in the
// caller's transaction: an alert exists exactly when the change that raised it was committed.
// Not server-only: the seed raises the demo's alerts with the same code.
import type { Tx } from "@/lib/db-client";
import { SITUATION_ORGANISATION_STATUS, situationMembersWhere, situationViewersWhere } from "@/lib/access/situations";
import type { AlertDraft } from "./rules";

/**
 * Recipients: active members of the owning organisation who follow all its situations or follow
 * this one; and members of other organisations who follow it while it is shared with the coalition;
 * only while they may see it (lib/access `situationViewersWhere`: a deactivated membership counts for nothing);
 * not the person whose change raised it (`raisedById`: they made it, and the alert names them).
 * Returns the ids of the alerts created (a dedupe key already used raises nothing).
 */
export async function raiseAlerts(tx: Tx, situation: { id: string; organisationId: string }, drafts: AlertDraft[], raisedById: string): Promise<string[]> {
  if (drafts.length === 0) return [];
  const created = await tx.alert.createManyAndReturn({
    data: drafts.map((d) => ({ organisationId: situation.organisationId, situationId: situation.id, rule: d.rule, severity: d.severity, title: d.title, detail: d.detail as object, dedupeKey: d.dedupeKey, raisedById })),
    skipDuplicates: true,
    select: { id: true },
  });
  if (created.length === 0) return [];
  const s = await tx.situation.findUniqueOrThrow({ where: { id: situation.id }, select: { organisationId: true, visibility: true, archivedAt: true, organisation: SITUATION_ORGANISATION_STATUS } });
  const watcher = { watches: { some: { situationId: situation.id } } };
  const recipients = await tx.user.findMany({
    where: {
      AND: [situationViewersWhere(s), { id: { not: raisedById } }, { OR: [{ ...situationMembersWhere(s), alertScope: "ALL" }, watcher] }],
    },
    select: { id: true, emailAlerts: true },
  });
  if (recipients.length) {
    // Due for e-mail in the same transaction, for those who asked, while e-mail is configured: sent
    // right after the commit, and by the sweep (lib/alerts/email-sweep.ts) if that process dies first or the send fails.
    const due = process.env.SMTP_URL ? new Date() : null;
    await tx.alertReceipt.createMany({
      data: created.flatMap((a) => recipients.map((u) => ({ alertId: a.id, userId: u.id, emailDueAt: u.emailAlerts ? due : null }))),
      skipDuplicates: true,
    });
  }
  return created.map((a) => a.id);
}
