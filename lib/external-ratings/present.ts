// How an external rating reads for people, and when it disagrees with our own risk category. Pure:
// the situation page, the dashboard and the brief ask here, so they say the same.
//
// Divergence, kept simple on purpose (so an analyst can check it by eye):
// - the R2P Monitor's categories are the ones ours follow, so any different category diverges
//   ("Current Crisis" against our "Imminent risk");
// - the others are read in two bands: HIGH (our Current crisis or Imminent risk; the Early Warning
//   Project's 30 highest-ranked countries, the list it publishes as its highest-risk countries;
//   Genocide Watch's Warning or Emergency) and LOWER (everything else); they diverge when their
//   band is not ours.
// Only the latest rating of each system is compared.
import type { RiskCategory } from "@/lib/generated/prisma/enums";
import { RISK_CATEGORY_LABELS, RISK_CATEGORY_ORDER } from "@/lib/labels";
import {
  GENOCIDE_STAGES,
  GENOCIDE_WATCH_LEVEL_LABELS,
  R2P_CATEGORY_LABELS,
  type ExternalRatingFields,
  type ExternalSystem,
  type GenocideWatchLevel,
  type R2pCategory,
} from "./schemas";

/** The Early Warning Project's highest-risk list: the top 30 of its ranking. */
export const EWP_HIGH_RISK_RANK = 30;

/** What the summaries read of a rating (its link and note aside). */
export type ExternalRatingView = Omit<ExternalRatingFields, "url" | "note">;

const ORDINAL_SUFFIX: Record<string, string> = { one: "st", two: "nd", few: "rd", other: "th" };
/** 1st, 2nd, 3rd, 11th (English; other languages will word ranks their own way). */
export function ordinal(n: number): string {
  return `${n}${ORDINAL_SUFFIX[new Intl.PluralRules("en", { type: "ordinal" }).select(n)]}`;
}

function percent(p: number): string {
  return `${(p * 100).toLocaleString("en", { maximumFractionDigits: 1 })}%`;
}

/** The rating in one sentence-like phrase, e.g. "Ranked 3rd of 162; estimated risk of a new mass killing in 2025: 14.8%". */
export function describeExternalRating(r: ExternalRatingView): string {
  switch (r.system as ExternalSystem) {
    case "EWP":
      return `Ranked ${ordinal(r.rank ?? 0)} of ${r.rankOf ?? "?"}; estimated risk of a new mass killing in ${r.year ?? "?"}: ${r.score === null ? "not given" : percent(r.score)}`;
    case "R2P_MONITOR":
      return R2P_CATEGORY_LABELS[r.value as R2pCategory] ?? r.value;
    case "GENOCIDE_WATCH":
      return `${GENOCIDE_WATCH_LEVEL_LABELS[r.value as GenocideWatchLevel] ?? r.value}, stage ${r.stage} of 10 (${GENOCIDE_STAGES[(r.stage ?? 1) - 1] ?? "?"})`;
    default:
      return r.value;
  }
}

type Band = "HIGH" | "LOWER";
function ourBand(c: RiskCategory): Band {
  return c === "CURRENT_CRISIS" || c === "IMMINENT_RISK" ? "HIGH" : "LOWER";
}

/** Whether this rating disagrees with our category, by the rule at the top of this file. */
export function diverges(r: ExternalRatingView, ours: RiskCategory): boolean {
  switch (r.system as ExternalSystem) {
    case "R2P_MONITOR":
      return r.value !== ours;
    case "EWP":
      return (r.rank !== null && r.rank <= EWP_HIGH_RISK_RANK ? "HIGH" : "LOWER") !== ourBand(ours);
    case "GENOCIDE_WATCH":
      return (r.value === "WARNING" || r.value === "EMERGENCY" ? "HIGH" : "LOWER") !== ourBand(ours);
    default:
      return false;
  }
}

/** The flag shown when a rating diverges, in plain words: "Ranked 3rd of 162 by the Early Warning Project; our category: Serious concern." */
export function divergenceSentence(r: ExternalRatingView, ours: RiskCategory): string {
  const our = RISK_CATEGORY_LABELS[ours];
  switch (r.system as ExternalSystem) {
    case "EWP":
      return `Ranked ${ordinal(r.rank ?? 0)} of ${r.rankOf ?? "?"} by the Early Warning Project; our category: ${our}.`;
    case "R2P_MONITOR":
      return `The R2P Monitor's category is ${R2P_CATEGORY_LABELS[r.value as R2pCategory] ?? r.value}; our category: ${our}.`;
    case "GENOCIDE_WATCH":
      return `Genocide Watch's alert is ${GENOCIDE_WATCH_LEVEL_LABELS[r.value as GenocideWatchLevel] ?? r.value} (stage ${r.stage} of 10); our category: ${our}.`;
    default:
      return `Another body's rating differs; our category: ${our}.`;
  }
}

/** The latest rating of each system (by the day it was rated, then the latest recorded), in the systems' order. */
export function latestBySystem<T extends ExternalRatingView & { createdAt: Date }>(ratings: T[]): T[] {
  const latest = new Map<string, T>();
  for (const r of ratings) {
    const cur = latest.get(r.system);
    if (!cur || r.ratedOn > cur.ratedOn || (r.ratedOn.getTime() === cur.ratedOn.getTime() && r.createdAt > cur.createdAt)) latest.set(r.system, r);
  }
  const order: string[] = ["EWP", "R2P_MONITOR", "GENOCIDE_WATCH"];
  return [...latest.values()].sort((a, b) => order.indexOf(a.system) - order.indexOf(b.system));
}

/**
 * The situations where another body's latest rating differs from our category (the dashboard's
 * panel), each with those ratings, most serious category of ours first, then by title.
 */
export function divergingSituations<S extends { title: string; riskCategory: RiskCategory }, R extends ExternalRatingView & { createdAt: Date }>(
  list: { situation: S; ratings: R[] }[],
): { situation: S; ratings: R[] }[] {
  const out: { situation: S; ratings: R[] }[] = [];
  for (const { situation, ratings } of list) {
    const differing = latestBySystem(ratings).filter((r) => diverges(r, situation.riskCategory));
    if (differing.length) out.push({ situation, ratings: differing });
  }
  return out.sort((a, b) => RISK_CATEGORY_ORDER.indexOf(a.situation.riskCategory) - RISK_CATEGORY_ORDER.indexOf(b.situation.riskCategory) || a.situation.title.localeCompare(b.situation.title));
}

/** A rating's web address as a link target: only http(s) (it was checked when saved; checked again where it is shown). */
export function externalHref(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:" ? u.href : null;
  } catch {
    return null;
  }
}

/** One line of the brief: "Early Warning Project: Ranked 3rd of 162; … (dated 2024-12-10). Differs from ours: Ranked 3rd of 162 by …". */
export function briefExternalRatingLine(system: string, r: ExternalRatingView, dated: string, ours: RiskCategory): string {
  return diverges(r, ours)
    ? `${system}: ${describeExternalRating(r)} (dated ${dated}). Differs from ours: ${divergenceSentence(r, ours)}`
    : `${system}: ${describeExternalRating(r)} (dated ${dated}). Agrees with our category.`;
}
