import "server-only";
// Every server process, while e-mail is configured, sends the alert e-mails that are due: retries
// of failed ones, and those whose process stopped between the change and the send. Receipts are
// claimed with SKIP LOCKED (lib/alerts/email.ts), so several processes and instances share the work
// without sending an e-mail twice. Started by instrumentation.ts.
import { emailDueAlerts } from "./email";

const SWEEP_MS = 60_000;
const globalForSweep = globalThis as unknown as { alertEmailSweep?: NodeJS.Timeout };

export function startAlertEmailSweep() {
  if (!process.env.SMTP_URL || globalForSweep.alertEmailSweep) return;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    emailDueAlerts()
      .catch((e) => console.error(`Alert e-mails: the sweep failed (${(e as Error).message}); it runs again in a minute.`))
      .finally(() => (running = false));
  }, SWEEP_MS);
  timer.unref(); // never keeps a stopping process alive
  globalForSweep.alertEmailSweep = timer;
}
