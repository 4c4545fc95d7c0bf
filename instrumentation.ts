// Next.js calls register() once when a server process starts (https://nextjs.org/docs/app/guides/instrumentation).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Retries of failed alert e-mails, and those a stopped process did not send (lib/alerts/email-sweep.ts).
  const { startAlertEmailSweep } = await import("@/lib/alerts/email-sweep");
  startAlertEmailSweep();
}
