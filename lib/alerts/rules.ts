// Early-warning alert rules: pure functions from a change to the alerts it raises. Evaluated when
// the data changes, in the same transaction (lib/alerts/raise.ts), never by a scheduled job.
import { RISK_CATEGORY_LABELS, CRIME_LABELS } from "@/lib/labels";
import type { Crime, CrimeStatus, RiskCategory } from "@/lib/generated/prisma/enums";
import { compareCodes, methodOf, round1, type RoundScores } from "@/lib/indicators/score";
import { FACTOR_SHORT_NAMES, indicatorsByFactor } from "@/lib/indicators/score-text";

export type AlertRuleName = "SCORE_RISE" | "CATEGORY_ESCALATION" | "NEW_DOCUMENTED_CRIME" | "NEW_SEVERE_INDICATOR" | "EVENT_SPIKE" | "KILLING_THRESHOLD" | "NEW_IN_EVENTS";
export interface AlertDraft {
  rule: AlertRuleName;
  severity: "INFO" | "WARNING" | "CRITICAL";
  title: string;
  detail: Record<string, unknown>;
  dedupeKey: string;
}

/** A rise of the overall score by this many points (0-100 scale) or more raises an alert. */
export const SCORE_RISE_THRESHOLD = 10;
/** Risk factors whose new SEVERE indicators raise an alert: preparatory action, triggers, intent. */
export const WATCHED_FACTORS = [7, 8, 10];

/** The watched risk factors as an analyst reads them: "7 (Enabling circumstances or preparation), 8 (Triggers) or 10 (Intent to destroy a group)". */
export function watchedFactorsText(): string {
  const named = WATCHED_FACTORS.map((f) => `${f} (${FACTOR_SHORT_NAMES[f]})`);
  return `${named.slice(0, -1).join(", ")} or ${named.at(-1)}`;
}

/** The title of a new-severe-indicator alert, its indicators named by risk factor: "Sudan: 2 new severe indicators. Triggers: 8.2, 8.7." */
function newSevereTitle(situationTitle: string, items: { code: string; factor: number }[]): string {
  const named = indicatorsByFactor(items, compareCodes);
  return items.length > 1 ? `${situationTitle}: ${items.length} new severe indicators. ${named}.` : `${situationTitle}: a new severe indicator. ${named}.`;
}

/** An indicator's risk factor from its code: the Framework's and an organisation's own codes are "<factor>.<number>". */
const factorOfCode = (code: string) => Number(code.split(".")[0]);

/**
 * An alert's title as the inbox and e-mail show it. Titles are stored when the alert is raised;
 * those of new severe indicators raised before indicators were named ("Sudan: new severe indicators
 * 1.3, 8.2") are read with their risk factors' names, as new ones are stored.
 */
export function alertTitleText(alert: { rule: string; title: string }): string {
  if (alert.rule !== "NEW_SEVERE_INDICATOR") return alert.title;
  const old = /^(.*): new severe indicators? (\d{1,2}\.\d{1,4}(?:, \d{1,2}\.\d{1,4})*)$/s.exec(alert.title);
  if (!old) return alert.title;
  return newSevereTitle(old[1], old[2].split(", ").map((code) => ({ code, factor: factorOfCode(code) })));
}

/** Risk categories from least to most serious (RESOLVED lowest). */
export const RISK_RANK: Record<RiskCategory, number> = { RESOLVED: 0, MONITORING: 1, SERIOUS_CONCERN: 2, IMMINENT_RISK: 3, CURRENT_CRISIS: 4 };

export interface PublishedRoundFacts {
  id: string;
  assessedOn: string;
  scores: RoundScores;
  /** Indicators rated SEVERE: id, code and risk factor. */
  severe: { indicatorId: string; code: string; factor: number }[];
}

export function roundAlerts(situation: { id: string; title: string }, before: PublishedRoundFacts | null, after: PublishedRoundFacts): AlertDraft[] {
  const alerts: AlertDraft[] = [];
  // A rise is a rise only between scores of one method, each resting on enough assessed indicators:
  // a round assessed more fully is not a round at higher risk (issue #27).
  if (before && comparableScores(before.scores, after.scores)) {
    const rise = round1(after.scores.overall.score - before.scores.overall.score);
    if (rise >= SCORE_RISE_THRESHOLD) {
      alerts.push({
        rule: "SCORE_RISE",
        severity: rise >= 2 * SCORE_RISE_THRESHOLD ? "CRITICAL" : "WARNING",
        title: `${situation.title}: overall score rose ${rise} points (${before.scores.overall.score} → ${after.scores.overall.score})`,
        detail: { assessmentId: after.id, previousAssessmentId: before.id, before: before.scores.overall.score, after: after.scores.overall.score, rise },
        dedupeKey: `SCORE_RISE:${after.id}`,
      });
    }
  }
  const wasSevere = new Set((before?.severe ?? []).map((s) => s.indicatorId));
  const fresh = after.severe.filter((s) => WATCHED_FACTORS.includes(s.factor) && !wasSevere.has(s.indicatorId));
  if (fresh.length) {
    const codes = fresh.map((s) => s.code).sort(compareCodes);
    alerts.push({
      rule: "NEW_SEVERE_INDICATOR",
      severity: "CRITICAL",
      // Named by risk factor (in-app and e-mail read this title): "Triggers: 8.2, 8.7; Intent to destroy a group: 10.1".
      title: newSevereTitle(situation.title, fresh),
      detail: { assessmentId: after.id, codes },
      dedupeKey: `NEW_SEVERE_INDICATOR:${after.id}`,
    });
  }
  return alerts;
}

/** Whether two rounds' overall scores can be subtracted: one method, neither low-confidence. */
export function comparableScores(a: RoundScores, b: RoundScores): boolean {
  return methodOf(a) === methodOf(b) && !a.overall.lowConfidence && !b.overall.lowConfidence;
}

export interface SituationFacts {
  riskCategory: RiskCategory;
  crimes: { crime: Crime; status: CrimeStatus }[];
}

/** Alerts raised by an edit of a situation; `version` is the situation's version after the edit. */
export function situationAlerts(situation: { id: string; title: string; version: number }, before: SituationFacts, after: SituationFacts): AlertDraft[] {
  const alerts: AlertDraft[] = [];
  if (RISK_RANK[after.riskCategory] > RISK_RANK[before.riskCategory]) {
    alerts.push({
      rule: "CATEGORY_ESCALATION",
      severity: after.riskCategory === "CURRENT_CRISIS" || after.riskCategory === "IMMINENT_RISK" ? "CRITICAL" : "WARNING",
      title: `${situation.title}: risk category raised from ${RISK_CATEGORY_LABELS[before.riskCategory]} to ${RISK_CATEGORY_LABELS[after.riskCategory]}`,
      detail: { before: before.riskCategory, after: after.riskCategory },
      dedupeKey: `CATEGORY_ESCALATION:${situation.id}:${situation.version}`,
    });
  }
  const was = new Map(before.crimes.map((c) => [c.crime, c.status]));
  for (const c of after.crimes) {
    if (c.status === "DOCUMENTED" && was.get(c.crime) !== "DOCUMENTED") {
      alerts.push({
        rule: "NEW_DOCUMENTED_CRIME",
        severity: "CRITICAL",
        title: `${situation.title}: ${CRIME_LABELS[c.crime].toLowerCase()} now documented`,
        detail: { crime: c.crime, before: was.get(c.crime) ?? "NOT_ASSESSED" },
        dedupeKey: `NEW_DOCUMENTED_CRIME:${situation.id}:${situation.version}:${c.crime}`,
      });
    }
  }
  return alerts;
}
