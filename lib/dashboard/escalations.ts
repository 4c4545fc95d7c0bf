// Escalations for the dashboard: pure, unit-tested. A situation escalated in the window when its
// latest published round (dated in the window) has a higher overall or crime score than the round
// before, or new SEVERE indicators; or when its risk category was raised in the window.
import { RISK_CATEGORY_LABELS, CRIME_LABELS } from "@/lib/labels";
import { comparableScores, RISK_RANK } from "@/lib/alerts/rules";
import { indicatorsByFactor } from "@/lib/indicators/score-text";
import type { RiskCategory } from "@/lib/generated/prisma/enums";
import { compareCodes, round1, type RoundScores, type ScoredCrime } from "@/lib/indicators/score";

export interface RoundFacts {
  id: string;
  assessedOn: Date;
  scores: RoundScores;
  severeIds: string[];
  severeCodes: Record<string, string>;
}
export interface CategoryChange {
  situationId: string;
  at: Date;
  before: RiskCategory;
  after: RiskCategory;
}
export interface Escalation {
  situationId: string;
  roundId: string | null;
  reasons: string[];
  /** The rise of the overall score, for ordering (0 when only the category rose). */
  rise: number;
}


export function findEscalations(latestTwo: Map<string, RoundFacts[]>, categoryChanges: CategoryChange[], since: Date): Escalation[] {
  const out = new Map<string, Escalation>();
  const get = (situationId: string) => out.get(situationId) ?? { situationId, roundId: null, reasons: [], rise: 0 };
  for (const [situationId, [latest, previous]] of latestTwo) {
    if (!latest || !previous || latest.assessedOn < since) continue;
    const reasons: string[] = [];
    // Scores are compared only when comparable: one method, each assessed enough (issue #27).
    const comparable = comparableScores(previous.scores, latest.scores);
    const rise = comparable ? round1(latest.scores.overall.score - previous.scores.overall.score) : 0;
    if (rise > 0) reasons.push(`overall score ${previous.scores.overall.score} → ${latest.scores.overall.score}`);
    const crimeComparable = (c: ScoredCrime) => comparable && !latest.scores.crimes[c].lowConfidence && !previous.scores.crimes[c]?.lowConfidence;
    const crimesUp = (Object.keys(latest.scores.crimes) as ScoredCrime[]).filter((c) => crimeComparable(c) && latest.scores.crimes[c].score > (previous.scores.crimes[c]?.score ?? 0));
    if (crimesUp.length && rise <= 0) reasons.push(`score rose for ${crimesUp.map((c) => CRIME_LABELS[c].toLowerCase()).join(", ")}`);
    const was = new Set(previous.severeIds);
    const fresh = latest.severeIds.filter((id) => !was.has(id)).map((id) => latest.severeCodes[id]);
    // Named by risk factor: "new severe indicators: Triggers: 8.2, 8.7".
    const named = indicatorsByFactor(fresh.map((code) => ({ code, factor: Number(code.split(".")[0]) })), compareCodes);
    if (fresh.length) reasons.push(fresh.length > 1 ? `${fresh.length} new severe indicators: ${named}` : `a new severe indicator: ${named}`);
    if (reasons.length) out.set(situationId, { ...get(situationId), roundId: latest.id, reasons, rise: Math.max(rise, 0) });
  }
  for (const c of categoryChanges) {
    if (c.at < since || RISK_RANK[c.after] <= RISK_RANK[c.before]) continue;
    const e = get(c.situationId);
    e.reasons.push(`risk category raised to ${RISK_CATEGORY_LABELS[c.after]}`);
    out.set(c.situationId, e);
  }
  return [...out.values()].sort((a, b) => b.rise - a.rise || b.reasons.length - a.reasons.length);
}
