// The "five key factors" of a situation (issue #27): the R2P Monitor's analysis closes each country
// with an atrocity risk assessment of five key factors; ours are read off our own latest published
// round, so an analyst can set the two side by side. Pure: the situation page and the brief ask here.
import { RATING_LEVEL_LABELS } from "@/lib/labels";
import { factorName, scoreText } from "@/lib/indicators/score-text";
import type { Driver, FactorScore, Level, RoundScores } from "@/lib/indicators/score";

export const KEY_FACTORS = 5;
/** Indicators listed under each factor. */
const DRIVERS_SHOWN = 3;
const LEVEL_RANK: Record<Level, number> = { NONE: 0, PRESENT: 1, SIGNIFICANT: 2, SEVERE: 3 };

export interface KeyFactor {
  factor: number;
  score: FactorScore;
  /** The indicators behind it, most serious first. */
  drivers: Driver[];
}

/**
 * The risk factors that weigh most in a round: those with at least one indicator present, the
 * highest score first (ties: the more serious indicator, then the Framework's order), at most five,
 * each with up to three of the indicators behind it.
 */
export function keyFactors(scores: RoundScores, n = KEY_FACTORS): KeyFactor[] {
  const top = (s: FactorScore) => Math.max(0, ...s.drivers.map((d) => LEVEL_RANK[d.level]));
  return Object.entries(scores.factors)
    .map(([k, s]) => ({ factor: Number(k), score: s, drivers: s.drivers.filter((d) => d.level !== "NONE") }))
    .filter((f) => f.drivers.length > 0)
    .sort((a, b) => b.score.score - a.score.score || top(b.score) - top(a.score) || a.factor - b.factor)
    .slice(0, n)
    .map((f) => ({ ...f, drivers: f.drivers.slice(0, DRIVERS_SHOWN) }));
}

/** "Risk factor 8, Triggers: 41.7" (the score as scores read: "Not enough assessed (coverage 9%)" below the organisation's minimum). */
export function keyFactorLine(f: KeyFactor): string {
  return `${factorName(f.factor)}: ${scoreText(f.score)}`;
}

/** "8.7 Severe: Incitement or hate propaganda aimed at particular groups or individuals." */
export function keyIndicatorLine(d: Driver, text: string | undefined): string {
  return text ? `${d.code} ${RATING_LEVEL_LABELS[d.level]}: ${text}` : `${d.code} ${RATING_LEVEL_LABELS[d.level]}`;
}
