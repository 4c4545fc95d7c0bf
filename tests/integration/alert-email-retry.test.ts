// A failed alert e-mail is not lost: it is kept on the receipt and tried again by the sweep that
// every server process runs; an e-mail whose process stopped before sending is sent by the sweep;
// two sweeps at once send each e-mail once; after the last try (or once the alert is old news) it
// is given up and counted for the administrators. SMTP_URL=json is nodemailer's JSON transport (a
// real send through the library, nothing leaves); smtp://127.0.0.1:1 refuses every connection.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { raiseAlerts } from "@/lib/alerts/raise";
import { emailAlerts, emailDueAlerts, undeliveredAlertEmails } from "@/lib/alerts/email";
import { createMember, createOrganisation, createSituation, uid } from "../support/fixtures";

const smtpBefore = process.env.SMTP_URL;
afterEach(() => {
  if (smtpBefore === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = smtpBefore;
});

let org: { id: string };
let analyst: { id: string };
let reader: { id: string };
let situation: { id: string; organisationId: string };

beforeAll(async () => {
  org = await createOrganisation();
  analyst = await createMember(org.id, "ANALYST");
  reader = await createMember(org.id, "VIEWER");
  await db.user.update({ where: { id: reader.id }, data: { emailAlerts: true, alertScope: "ALL" } });
  situation = await createSituation(org.id, analyst.id);
});

/** Raises one alert on the situation, as a change by the analyst would (in its transaction). */
async function raise(): Promise<string> {
  const [id] = await db.$transaction((tx) =>
    raiseAlerts(tx, situation, [{ rule: "CATEGORY_ESCALATION", severity: "WARNING", title: uid("Escalated "), detail: {}, dedupeKey: uid("k") }], analyst.id),
  );
  return id;
}

const receiptOf = (alertId: string) => db.alertReceipt.findUniqueOrThrow({ where: { alertId_userId: { alertId, userId: reader.id } } });
/** Makes the receipt's next try due now (as if its wait had passed). */
const dueNow = (alertId: string) => db.alertReceipt.update({ where: { alertId_userId: { alertId, userId: reader.id } }, data: { emailDueAt: new Date(Date.now() - 1000) } });

describe("alert e-mails that fail", () => {
  it("are kept with the error and tried again, and sent once the mail server answers", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    const alertId = await raise();
    expect((await receiptOf(alertId)).emailDueAt).not.toBeNull(); // due from the change's own transaction
    expect(await emailAlerts([alertId])).toBe(0);
    const failed = await receiptOf(alertId);
    expect(failed).toMatchObject({ emailedAt: null, emailAttempts: 1 });
    expect(failed.emailError).toMatch(/ECONNREFUSED|connect/i);
    // The next try waits a minute: a sweep now sends nothing.
    expect(failed.emailDueAt!.getTime() - Date.now()).toBeGreaterThan(50_000);
    process.env.SMTP_URL = "json";
    expect(await emailDueAlerts()).toBe(0);
    await dueNow(alertId);
    expect(await emailDueAlerts()).toBe(1);
    expect(await receiptOf(alertId)).toMatchObject({ emailAttempts: 2, emailDueAt: null, emailError: null });
    expect((await receiptOf(alertId)).emailedAt).not.toBeNull();
    expect(await emailDueAlerts()).toBe(0); // never twice
  });

  it("are sent by the sweep when the process that made the change stopped before sending", async () => {
    process.env.SMTP_URL = "json";
    const alertId = await raise(); // committed; emailAlertsLater never ran
    expect(await emailDueAlerts()).toBe(1);
    expect((await receiptOf(alertId)).emailedAt).not.toBeNull();
  });

  it("are sent once when two processes sweep at the same moment", async () => {
    process.env.SMTP_URL = "json";
    const ids = [await raise(), await raise(), await raise(), await raise(), await raise()];
    const [a, b] = await Promise.all([emailDueAlerts(2), emailDueAlerts(2)]);
    expect(a + b).toBe(5);
    const receipts = await db.alertReceipt.findMany({ where: { alertId: { in: ids }, userId: reader.id } });
    expect(receipts.every((r) => r.emailedAt && r.emailAttempts === 1)).toBe(true);
  });

  it("are given up after the last try, and counted for the organisation's administrators with the error", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    const before = (await undeliveredAlertEmails(org.id)).count;
    const alertId = await raise();
    await db.alertReceipt.update({ where: { alertId_userId: { alertId, userId: reader.id } }, data: { emailAttempts: 5 } });
    await dueNow(alertId);
    expect(await emailDueAlerts()).toBe(0);
    expect(await receiptOf(alertId)).toMatchObject({ emailedAt: null, emailDueAt: null, emailAttempts: 6 });
    const undelivered = await undeliveredAlertEmails(org.id);
    expect(undelivered.count).toBe(before + 1);
    expect(undelivered.lastError).toMatch(/ECONNREFUSED|connect/i);
  });

  it("are not sent a day late: an alert older than 24 hours stays in the inbox only", async () => {
    process.env.SMTP_URL = "json";
    const alertId = await raise();
    await db.alert.update({ where: { id: alertId }, data: { createdAt: new Date(Date.now() - 25 * 3_600_000) } });
    expect(await emailDueAlerts()).toBe(0);
    const r = await receiptOf(alertId);
    expect(r).toMatchObject({ emailedAt: null, emailDueAt: null });
    expect(r.emailError).toMatch(/more than 24 hours old/);
  });

  it("are not due at all while e-mail is not configured, nor for those who did not ask for e-mail", async () => {
    delete process.env.SMTP_URL;
    const alertId = await raise();
    expect((await receiptOf(alertId)).emailDueAt).toBeNull();
    process.env.SMTP_URL = "json";
    const other = await raise();
    const analystReceipts = await db.alertReceipt.findMany({ where: { alertId: other, userId: { not: reader.id } } });
    expect(analystReceipts.every((r) => r.emailDueAt === null)).toBe(true);
  });
});

describe("the Admin page", () => {
  it("tells administrators how many alert e-mails were given up this week, with the latest error", async () => {
    const { renderToStaticMarkup } = await import("react-dom/server");
    const { UndeliveredEmails } = await import("@/components/admin/undelivered-emails");
    const { count } = await undeliveredAlertEmails(org.id);
    expect(count).toBeGreaterThan(1); // from the tests above
    const html = renderToStaticMarkup(await UndeliveredEmails({ organisationId: org.id }));
    const text = html.replace(/<[^>]+>/g, " ").replace(/&#x27;|&#39;/g, "'").replace(/\s+/g, " ");
    expect(text).toContain(`${count} alert e-mails could not be sent in the last seven days, after every retry.`);
    expect(text).toMatch(/The latest error: .+\. Check the server's SMTP_URL and SMTP_FROM settings/);
    const quiet = await createOrganisation();
    expect(await UndeliveredEmails({ organisationId: quiet.id })).toBeNull();
  });
});
