// Two analysts sharing one draft round (see lib/forms/merge.ts): the round's fields one by one, and
// the ratings indicator by indicator (level, trend, confidence, evidence and cited sources together,
// as a situation's crimes are: the evidence stands for the level). Pure code: used by the round form,
// by the server's refusal of a stale save and by the tests.
import { fieldChange } from "@/lib/forms/merge";
import type { CONFIDENCES, LEVELS, TRENDS } from "./schemas";

/** One indicator's rating as saved (and as a refused save reports it). */
export interface RatingValues {
  level: (typeof LEVELS)[number];
  trend: "" | (typeof TRENDS)[number];
  confidence: "" | (typeof CONFIDENCES)[number];
  evidence: string;
  sourceIds: string[];
}

/** A draft round as saved: its fields and its ratings by indicator id (an indicator not rated is absent). */
export interface RoundValues {
  assessedOn: string;
  summary: string;
  ratings: Record<string, RatingValues>;
}

/** What a refused save reports as saved now: the round, and the sources its ratings cite (to show them by title). */
export interface SavedRound extends RoundValues {
  sources: { id: string; title: string; publisher: string; reliability: string; credibility: number }[];
}

export type RoundField = "assessedOn" | "summary";
export const ROUND_FIELDS: readonly RoundField[] = ["assessedOn", "summary"];
export type RoundItem = { field: RoundField } | { indicatorId: string };

/** What the server would store: surrounding spaces trimmed, sources in one order, "not rated" as null. */
export type LooseRating = { level?: string | null; trend?: string; confidence?: string; evidence?: string; sourceIds?: string[] } | null | undefined;
/** A round as a form holds it: an indicator not rated may be a blank rating (level "" or null) or absent. */
export interface RoundFormValues {
  assessedOn: string;
  summary: string;
  ratings: Record<string, LooseRating>;
}
export function canonicalRating(r: LooseRating): RatingValues | null {
  if (!r?.level) return null;
  return {
    level: r.level as RatingValues["level"],
    trend: (r.trend ?? "") as RatingValues["trend"],
    confidence: (r.confidence ?? "") as RatingValues["confidence"],
    evidence: (r.evidence ?? "").trim(),
    sourceIds: [...new Set(r.sourceIds ?? [])].sort(),
  };
}

const fieldOf = (v: { assessedOn: string; summary: string }, f: RoundField) => v[f].trim();
const ids = (...rounds: RoundFormValues[]) => [...new Set(rounds.flatMap((r) => Object.keys(r.ratings)))];

/**
 * What to take from theirs (they changed it, I did not) and what both changed differently, from
 * what the form was based on (base), what it holds (mine) and what is saved now (theirs).
 */
export function mergeRound(
  base: RoundFormValues,
  mine: RoundFormValues,
  theirs: RoundValues,
): { take: RoundItem[]; conflicts: RoundItem[] } {
  const take: RoundItem[] = [];
  const conflicts: RoundItem[] = [];
  const sort = (b: unknown, m: unknown, t: unknown, item: RoundItem) => {
    const change = fieldChange(b, m, t);
    if (change !== "keep") (change === "take" ? take : conflicts).push(item);
  };
  for (const field of ROUND_FIELDS) sort(fieldOf(base, field), fieldOf(mine, field), fieldOf(theirs, field), { field });
  for (const id of ids(base, mine, theirs)) sort(canonicalRating(base.ratings[id]), canonicalRating(mine.ratings[id]), canonicalRating(theirs.ratings[id]), { indicatorId: id });
  return { take, conflicts };
}

/** What a save sends: only what the form changed since what it is based on; a rating removed is named. */
export function roundChanges(
  base: RoundFormValues,
  mine: RoundFormValues,
): { assessedOn?: string; summary?: string; ratings: (RatingValues & { indicatorId: string })[]; unrated: string[] } {
  const out: ReturnType<typeof roundChanges> = { ratings: [], unrated: [] };
  for (const field of ROUND_FIELDS) if (fieldOf(base, field) !== fieldOf(mine, field)) out[field] = mine[field];
  for (const id of ids(base, mine)) {
    const [b, m] = [canonicalRating(base.ratings[id]), canonicalRating(mine.ratings[id])];
    if (JSON.stringify(b) === JSON.stringify(m)) continue;
    if (m) out.ratings.push({ indicatorId: id, ...m });
    else out.unrated.push(id);
  }
  return out;
}
