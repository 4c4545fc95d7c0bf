import { undeliveredAlertEmails } from "@/lib/alerts/email";

/**
 * On the Admin page: alert e-mails given up in the last seven days (the mail server refused them
 * through every retry, lib/alerts/email.ts), with the latest error. Nothing when none was.
 */
export async function UndeliveredEmails({ organisationId }: { organisationId: string }) {
  const { count, lastError } = await undeliveredAlertEmails(organisationId);
  if (count === 0) return null;
  return (
    <div className="notice" role="status">
      <p style={{ marginBlock: 0 }}>
        {count === 1
          ? "One alert e-mail could not be sent in the last seven days, after every retry. The alert is in the recipient's inbox in the app."
          : `${count} alert e-mails could not be sent in the last seven days, after every retry. The alerts are in the recipients' inboxes in the app.`}
      </p>
      {lastError && <p style={{ marginBlockEnd: 0 }}>{`The latest error: ${lastError}. Check the server's SMTP_URL and SMTP_FROM settings (docs/deploy.md, E-mail).`}</p>}
    </div>
  );
}
