// When a failed alert e-mail is tried again (lib/alerts/email.ts). Pure: the unit test states it.

/** Minutes to wait after each failed try, in order; after the last, the e-mail is given up. */
export const EMAIL_RETRY_MINUTES = [1, 5, 15, 60, 180] as const;
/** An alert older than this is not e-mailed any more (it is in the inbox): old news by e-mail misleads. */
export const EMAIL_GIVE_UP_AFTER_HOURS = 24;
/** A claimed e-mail is due again after this long if its process died while sending. */
export const EMAIL_LEASE_MINUTES = 10;

/** After `attempts` tries (the one that just failed included), minutes until the next, or null: given up. */
export function nextTryMinutes(attempts: number): number | null {
  return attempts >= 1 && attempts <= EMAIL_RETRY_MINUTES.length ? EMAIL_RETRY_MINUTES[attempts - 1] : null;
}
