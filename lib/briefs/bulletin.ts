// The coalition bulletin (issue #29), in the manner of the Global Centre's R2P Monitor: chosen
// situations over a period, the most serious first. Pure: its order, its query and its period.
import { z } from "zod";
import type { RiskCategory } from "@/lib/generated/prisma/enums";
import { RISK_RANK } from "@/lib/alerts/rules";

export interface BulletinEntry {
  title: string;
  riskCategory: RiskCategory;
  /** The latest published round's overall score, or null when no round is published. */
  overall: { score: number; lowConfidence?: boolean } | null;
}

/** 0: a score to read; 1: "Not enough assessed"; 2: no published round. */
const standing = (e: BulletinEntry) => (e.overall === null ? 2 : e.overall.lowConfidence ? 1 : 0);

/**
 * The bulletin's order: by risk category, most serious first; within a category by the latest
 * overall score, highest first (the overview listed Myanmar, 23.6, before Sudan, 37, by title);
 * a score not enough assessed is no figure to rank by, so it comes after the scored ones of its
 * category, then the situations with no published round; ties by title.
 */
export function compareForBulletin(a: BulletinEntry, b: BulletinEntry): number {
  const sa = standing(a);
  const sb = standing(b);
  return (
    RISK_RANK[b.riskCategory] - RISK_RANK[a.riskCategory] ||
    sa - sb ||
    (sa === 0 ? b.overall!.score - a.overall!.score : 0) ||
    a.title.localeCompare(b.title)
  );
}

export function bulletinOrder<T extends BulletinEntry>(entries: T[]): T[] {
  return [...entries].sort(compareForBulletin);
}

/** The longest period a bulletin covers (3 years). */
export const MAX_PERIOD_DAYS = 3 * 366;

/** The period when none is chosen: the last 4 months, up to today. */
export const BULLETIN_MONTHS = 4;

const PERIOD_REVERSED = "The period must start on or before the day it ends.";
const day = z.iso.date({ error: "Give dates as YYYY-MM-DD." });

/**
 * The bulletin's query: `situations=id,id` (or the parameter repeated, as a form's checkboxes send
 * it; none: every situation the member's lists show), `from` and `to` (real dates), `format`.
 * Ids the member may not see are left out by the route, as if they did not exist.
 */
export const bulletinQuerySchema = z
  .object({
    situations: z.array(z.string().max(40, { error: "A chosen situation's id is not valid." })).max(500, { error: "Choose at most 500 situations." }),
    from: day.optional(),
    to: day.optional(),
    format: z.enum(["pdf", "docx"], { error: "Choose PDF or Word." }).default("pdf"),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: PERIOD_REVERSED, path: ["from"] });
export type BulletinQuery = z.infer<typeof bulletinQuerySchema>;

/** The query from a URL's parameters: `situations` split at commas, empty fields as not given. */
export function parseBulletinQuery(params: URLSearchParams) {
  const given = (name: string) => params.get(name)?.trim() || undefined;
  return bulletinQuerySchema.safeParse({
    situations: [...new Set(params.getAll("situations").flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean))],
    from: given("from"),
    to: given("to"),
    format: given("format"),
  });
}

/** The period's first and last days: `to` defaults to today, `from` to 4 months before `to` (the day after, so that the period holds 4 months). */
export function bulletinPeriod(q: Pick<BulletinQuery, "from" | "to">, today: string): { from: string; to: string } {
  const to = q.to ?? today;
  if (q.from) return { from: q.from, to };
  const d = new Date(`${to}T00:00:00Z`);
  // The same day 4 months earlier (the month's last day when it has none: 30 June -> 28 February), then the day after.
  const lastOfMonth = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - BULLETIN_MONTHS + 1, 0)).getUTCDate();
  const start = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - BULLETIN_MONTHS, Math.min(d.getUTCDate(), lastOfMonth) + 1));
  return { from: start.toISOString().slice(0, 10), to };
}

/**
 * What is wrong with a period once its defaults are filled in, or null: it ends before it starts (a
 * `from` after today, `to` not given, too), or it is longer than a bulletin covers (months, not
 * decades: its weekly chart has a bar per week).
 */
export function periodError(p: { from: string; to: string }): string | null {
  if (p.from > p.to) return PERIOD_REVERSED;
  if (periodDays(p) > MAX_PERIOD_DAYS) return "Choose a period of at most 3 years.";
  return null;
}

/** The number of days from `from` to `to`, both counted. */
export function periodDays(p: { from: string; to: string }): number {
  return Math.round((Date.parse(`${p.to}T00:00:00Z`) - Date.parse(`${p.from}T00:00:00Z`)) / 86400_000) + 1;
}
