import "server-only";
import { db } from "@/lib/db";
import { appUrl, mailer } from "@/lib/mail";
import { SITUATION_ORGANISATION_STATUS, situationViewersWhere } from "@/lib/access/situations";
import { alertEventsHref } from "@/lib/signals/links";

/**
 * E-mails new alerts to recipients who asked for e-mail, when SMTP_URL is configured (e.g.
 * smtps://user:pass@mail.example.org). Runs after the change committed; a mail failure never
 * undoes the change and the alert stays in the inbox. Only to those who may still see the
 * situation when it is sent (a member deactivated in between gets nothing). Returns how many were sent.
 */
export async function emailAlerts(alertIds: string[]): Promise<number> {
  const mail = mailer();
  if (!mail || alertIds.length === 0) return 0;
  const base = appUrl();
  const situations = await db.situation.findMany({ where: { alerts: { some: { id: { in: alertIds } } } }, select: { id: true, organisationId: true, visibility: true, archivedAt: true, organisation: SITUATION_ORGANISATION_STATUS } });
  if (situations.length === 0) return 0;
  const receipts = await db.alertReceipt.findMany({
    where: {
      alertId: { in: alertIds },
      emailedAt: null,
      OR: situations.map((s) => ({ alert: { situationId: s.id }, user: { AND: [{ emailAlerts: true }, situationViewersWhere(s)] } })),
    },
    include: { alert: { select: { title: true, situationId: true, severity: true, detail: true, raisedBy: { select: { name: true } } } }, user: { select: { email: true } } },
  });
  let sent = 0;
  for (const r of receipts) {
    try {
      await mail.send(
        r.user.email,
        `[${r.alert.severity === "CRITICAL" ? "Critical" : "Alert"}] ${r.alert.title}`,
        `${r.alert.title}\n${r.alert.raisedBy ? `Raised by a change ${r.alert.raisedBy.name} made.\n` : ""}\nOpen the situation: ${base}/situations/${r.alert.situationId}\n${alertEventsHref(r.alert.detail) ? `The events behind it: ${base}${alertEventsHref(r.alert.detail)}\n` : ""}Your alerts: ${base}/alerts\n`,
      );
      await db.alertReceipt.update({ where: { alertId_userId: { alertId: r.alertId, userId: r.userId } }, data: { emailedAt: new Date() } });
      sent++;
    } catch (e) {
      console.error("Alert e-mail failed", e);
    }
  }
  return sent;
}

/** Sends without holding up the response; errors are logged. */
export function emailAlertsLater(alertIds: string[]) {
  if (!process.env.SMTP_URL || alertIds.length === 0) return;
  void emailAlerts(alertIds).catch((e) => console.error("Alert e-mail failed", e));
}
