// One rule for every date an analyst enters, imports or restores: an ISO day (2026-03-31) that
// exists in the calendar and lies in the field's plausible range. The forms (in the browser through
// zodResolver and again in their server actions), the ACLED/CSV import and the backup restore all
// check dates here, so they accept and refuse the same days with the same words.
// Why: the forms once accepted 2025-02-30 (stored as 2025-03-02), failed on 2025-13-01 with a
// server error, and took 0001-01-01 and 2999-01-01.
import { z } from "zod";
import { todayIso } from "@/lib/format";

/** A date field's plausible range and its words. */
export interface DateRule {
  /** The earliest day accepted, e.g. "1900-01-01". */
  min: string;
  /** The latest: today, or this many years after today (planned responses). */
  yearsAhead?: number;
  /** Said of a day after today when the field takes no future dates. */
  future?: string;
  /** Said when a required field is empty. */
  missing?: string;
}

export const DATE_RULES = {
  /** ACLED's data starts in 1997; older events are recorded by hand from histories. */
  eventDate: { min: "1900-01-01", missing: "Enter the date of the event.", future: "The event date cannot be in the future." },
  monitoringSince: { min: "1945-01-01", future: "Monitoring cannot start in the future." },
  /** From 1800: the law of armed conflict cites the Lieber Code (1863) and the Hague Conventions (1899). */
  publishedOn: { min: "1800-01-01", future: "The publication date cannot be in the future." },
  accessedOn: { min: "1945-01-01", future: "The access date cannot be in the future." },
  /** Responses start from the UN Charter on; proposed ones and planned ends may lie ahead. */
  responseDate: { min: "1945-01-01", yearsAhead: 10, missing: "Enter a date." },
  assessedOn: { min: "1990-01-01", missing: "Enter the date of the assessment.", future: "A round cannot be dated in the future." },
} as const satisfies Record<string, DateRule>;

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const realDay = z.iso.date();

/** Whether an ISO day (2024-02-29) exists: zod's ISO date knows the calendar (30 February, 31 April, 29 February 2100 do not). */
export function isRealDay(value: string): boolean {
  return realDay.safeParse(value).success;
}

/** The latest day a rule accepts, given today. */
export function latestDay(rule: DateRule, today = todayIso()): string {
  return rule.yearsAhead ? `${String(Number(today.slice(0, 4)) + rule.yearsAhead).padStart(4, "0")}${today.slice(4)}` : today;
}

/** Why `value` is not a day this rule accepts (a sentence to show next to the field), or null. `value` is not empty. */
export function dateProblem(value: string, rule: DateRule, today = todayIso()): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return "Use a date like 2026-03-31.";
  if (!isRealDay(value)) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (month < 1 || month > 12) return `There is no month ${m[2]}. Enter a real date, such as ${m[1]}-${month < 1 ? "01" : "12"}-${m[3] === "00" ? "01" : m[3] > "28" ? "28" : m[3]}.`;
    if (day < 1) return `There is no day 00. Enter a real date, such as ${m[1]}-${m[2]}-01.`;
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return `${MONTHS[month - 1]} ${m[1]} has ${days} days. Enter a real date, such as ${m[1]}-${m[2]}-${days}.`;
  }
  if (value < rule.min) return rule.min.endsWith("-01-01") ? `Enter a date from ${rule.min.slice(0, 4)} on.` : `Enter a date from ${rule.min} on.`;
  const latest = latestDay(rule, today);
  if (value > latest) return rule.yearsAhead ? `Enter a date up to ${latest}, ${rule.yearsAhead === 10 ? "ten" : rule.yearsAhead} years from today.` : (rule.future ?? "This date cannot be in the future.");
  return null;
}

// Issues are pushed with `continue: true`: a wrong date must not stop the form's other checks
// (zod skips an object's refinements after an issue that does not continue), so every mistake is
// shown at once, e.g. "Give both latitude and longitude" beside an empty event date.

/** A required date field: an ISO day the rule accepts. */
export function dateField(rule: DateRule) {
  return z.string().check((ctx) => {
    const problem = ctx.value === "" ? (rule.missing ?? "Enter a date.") : dateProblem(ctx.value, rule);
    if (problem) ctx.issues.push({ code: "custom", message: problem, input: ctx.value, continue: true });
  });
}

/** An optional date field: "" (no date) or an ISO day the rule accepts. */
export function optionalDateField(rule: DateRule) {
  return z.string().check((ctx) => {
    const problem = ctx.value === "" ? null : dateProblem(ctx.value, rule);
    if (problem) ctx.issues.push({ code: "custom", message: problem, input: ctx.value, continue: true });
  });
}
