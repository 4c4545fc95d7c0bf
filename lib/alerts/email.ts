import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { appUrl, mailer } from "@/lib/mail";
import { SITUATION_ORGANISATION_STATUS, situationViewersWhere } from "@/lib/access/situations";
import { alertEventsHref } from "@/lib/signals/links";
import { EMAIL_GIVE_UP_AFTER_HOURS, EMAIL_LEASE_MINUTES, nextTryMinutes } from "./email-schedule";
import { alertTitleText } from "./rules";

/** Receipts claimed for sending by this process: no other process (or instance) sends them meanwhile. */
type Claimed = { alertId: string; userId: string; emailAttempts: number };

/**
 * Claims up to `limit` receipts whose e-mail is to be sent now, for recipients who asked for e-mail:
 * those of `alertIds` never tried yet, and any whose (re)try is due. The claim counts the try and
 * moves the receipt's due time a lease ahead, in one statement that skips rows another process holds
 * (FOR UPDATE SKIP LOCKED): two instances never send the same e-mail, and a process killed while
 * sending leaves it due again when the lease ends.
 */
async function claim(alertIds: string[] | null, limit: number): Promise<Claimed[]> {
  const which = alertIds
    ? Prisma.sql`r."alertId" = ANY(${alertIds}::text[]) AND r."emailedAt" IS NULL AND ((r."emailDueAt" IS NULL AND r."emailAttempts" = 0) OR r."emailDueAt" <= now())`
    : Prisma.sql`r."emailDueAt" <= now() AND r."emailedAt" IS NULL`;
  return db.$queryRaw<Claimed[]>`
    UPDATE "AlertReceipt" t SET "emailAttempts" = t."emailAttempts" + 1, "emailDueAt" = now() + make_interval(mins => ${EMAIL_LEASE_MINUTES})
    FROM (SELECT r."alertId", r."userId" FROM "AlertReceipt" r JOIN "User" u ON u.id = r."userId" AND u."emailAlerts"
          WHERE ${which} ORDER BY r."emailDueAt" NULLS FIRST LIMIT ${limit} FOR UPDATE OF r SKIP LOCKED) c
    WHERE t."alertId" = c."alertId" AND t."userId" = c."userId"
    RETURNING t."alertId", t."userId", t."emailAttempts"`;
}

const key = (r: { alertId: string; userId: string }) => `${r.alertId}|${r.userId}`;

/**
 * Sends the claimed receipts' e-mails, to those who may still see the situation when it is sent (a
 * member deactivated in between gets nothing). A failure is kept on the receipt and tried again
 * later (lib/alerts/email-schedule.ts); after the last try, or once the alert is too old to be news,
 * it is given up and the administrators' page says so. Returns how many were sent.
 */
async function send(mail: NonNullable<ReturnType<typeof mailer>>, claimed: Claimed[]): Promise<number> {
  if (claimed.length === 0) return 0;
  const base = appUrl();
  const alertIds = [...new Set(claimed.map((c) => c.alertId))];
  const situations = await db.situation.findMany({ where: { alerts: { some: { id: { in: alertIds } } } }, select: { id: true, organisationId: true, visibility: true, archivedAt: true, organisation: SITUATION_ORGANISATION_STATUS } });
  const receipts = situations.length
    ? await db.alertReceipt.findMany({
        where: {
          OR: claimed.map((c) => ({ alertId: c.alertId, userId: c.userId })),
          AND: [{ OR: situations.map((s) => ({ alert: { situationId: s.id }, user: { AND: [{ emailAlerts: true }, situationViewersWhere(s)] } })) }],
        },
        include: { alert: { select: { rule: true, title: true, situationId: true, severity: true, detail: true, createdAt: true, raisedBy: { select: { name: true } } } }, user: { select: { email: true } } },
      })
    : [];
  const allowed = new Set(receipts.map(key));
  // Claimed but no longer theirs to receive (deactivated, e-mail turned off, situation no longer visible): nothing to send.
  const dropped = claimed.filter((c) => !allowed.has(key(c)));
  if (dropped.length) await db.alertReceipt.updateMany({ where: { OR: dropped.map((c) => ({ alertId: c.alertId, userId: c.userId })) }, data: { emailDueAt: null } });
  const attempts = new Map(claimed.map((c) => [key(c), c.emailAttempts]));
  let sent = 0;
  for (const r of receipts) {
    const where = { alertId_userId: { alertId: r.alertId, userId: r.userId } };
    if (Date.now() - r.alert.createdAt.getTime() > EMAIL_GIVE_UP_AFTER_HOURS * 3_600_000) {
      await db.alertReceipt.update({ where, data: { emailDueAt: null, emailError: `Not sent: the alert was more than ${EMAIL_GIVE_UP_AFTER_HOURS} hours old when e-mail could be sent. It is in the inbox.` } });
      continue;
    }
    try {
      await mail.send(
        r.user.email,
        `[${r.alert.severity === "CRITICAL" ? "Critical" : "Alert"}] ${alertTitleText(r.alert)}`,
        `${alertTitleText(r.alert)}\n${r.alert.raisedBy ? `Raised by a change ${r.alert.raisedBy.name} made.\n` : ""}\nOpen the situation: ${base}/situations/${r.alert.situationId}\n${alertEventsHref(r.alert.detail) ? `The events behind it: ${base}${alertEventsHref(r.alert.detail)}\n` : ""}Your alerts: ${base}/alerts\n`,
      );
      await db.alertReceipt.update({ where, data: { emailedAt: new Date(), emailDueAt: null, emailError: null } });
      sent++;
    } catch (e) {
      const message = (e as Error).message?.slice(0, 500) || "unknown error";
      const wait = nextTryMinutes(attempts.get(key(r)) ?? 1);
      console.error(`Alert e-mail failed (${wait === null ? "given up" : `next try in ${wait} min`}): ${message}`);
      await db.alertReceipt.update({ where, data: { emailDueAt: wait === null ? null : new Date(Date.now() + wait * 60_000), emailError: message } });
    }
  }
  return sent;
}

/**
 * E-mails new alerts to recipients who asked for e-mail, when SMTP_URL is configured (e.g.
 * smtps://user:pass@mail.example.org). Runs after the change committed; a mail failure never
 * undoes the change, the alert stays in the inbox and the e-mail is tried again. Returns how many were sent.
 */
export async function emailAlerts(alertIds: string[]): Promise<number> {
  const mail = mailer();
  if (!mail || alertIds.length === 0) return 0;
  return send(mail, await claim(alertIds, 10_000));
}

/** Sends (again) the e-mails whose try is due, a batch at a time: what the sweep runs (lib/alerts/email-sweep.ts). */
export async function emailDueAlerts(batch = 100): Promise<number> {
  const mail = mailer();
  if (!mail) return 0;
  let sent = 0;
  for (;;) {
    const claimed = await claim(null, batch);
    sent += await send(mail, claimed);
    if (claimed.length < batch) return sent;
  }
}

/** Sends without holding up the response; errors are logged. */
export function emailAlertsLater(alertIds: string[]) {
  if (!process.env.SMTP_URL || alertIds.length === 0) return;
  void emailAlerts(alertIds).catch((e) => console.error("Alert e-mail failed", e));
}

/** Alert e-mails given up in the last `days` days in the organisation (for its administrators), with the latest failure. */
export async function undeliveredAlertEmails(organisationId: string, days = 7) {
  const where = { emailedAt: null, emailDueAt: null, emailError: { not: null }, alert: { organisationId, createdAt: { gte: new Date(Date.now() - days * 86_400_000) } } };
  const [count, last] = await Promise.all([
    db.alertReceipt.count({ where }),
    db.alertReceipt.findFirst({ where, orderBy: { alert: { createdAt: "desc" } }, select: { emailError: true, alert: { select: { createdAt: true } } } }),
  ]);
  return { count, lastError: last?.emailError ?? null };
}
