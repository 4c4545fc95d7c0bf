import "server-only";
import nodemailer from "nodemailer";

/**
 * The outgoing mail of the app (alerts, invitations), or null when SMTP_URL is not configured:
 * e-mail is optional everywhere. SMTP_URL=json uses nodemailer's JSON transport (nothing leaves;
 * for tests).
 */
export function mailer(): { send: (to: string, subject: string, text: string) => Promise<unknown> } | null {
  const url = process.env.SMTP_URL;
  if (!url) return null;
  const transport = url === "json" ? nodemailer.createTransport({ jsonTransport: true }) : nodemailer.createTransport(url);
  const from = process.env.SMTP_FROM ?? "Atrocity Early Warning <no-reply@localhost>";
  return { send: (to, subject, text) => transport.sendMail({ from, to, subject, text }) };
}

/** The address links in e-mails point to. */
export function appUrl(): string {
  return process.env.NEXTAUTH_URL ?? "http://localhost:3000";
}
