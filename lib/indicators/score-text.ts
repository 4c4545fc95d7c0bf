// How scores read for people, in one place: names instead of codes, a score with its coverage, and
// the one colour scale of scores (bars, heatmaps, the dashboard's map). Pure: used by the server, the browser and e-mail.
// Every sentence is whole, with its numbers as placeholders, so it can be translated as one.
import type { Crime } from "@/lib/generated/prisma/enums";
import { methodOf, type Coverage, type CrimeScore, type RoundScores } from "./score";

/** Short names of the Framework's 14 risk factors, for headers and lists; the full title goes with them on hover and for screen readers. */
export const FACTOR_SHORT_NAMES: Record<number, string> = {
  1: "Armed conflict or instability",
  2: "Record of serious violations",
  3: "Weak State structures",
  4: "Motives or incentives",
  5: "Capacity to commit",
  6: "No mitigating factors",
  7: "Enabling circumstances or preparation",
  8: "Triggers",
  9: "Intergroup tensions",
  10: "Intent to destroy a group",
  11: "Widespread or systematic attack",
  12: "Plan or policy to attack civilians",
  13: "Threats to people protected by humanitarian law",
  14: "Threats to humanitarian or peacekeeping operations",
};

/** "Risk factor 8, Triggers". */
export function factorName(factor: number): string {
  return FACTOR_SHORT_NAMES[factor] ? `Risk factor ${factor}, ${FACTOR_SHORT_NAMES[factor]}` : `Risk factor ${factor}`;
}

/** The imminence line's name, its two risk factors named: "Imminence (7. Enabling circumstances or preparation; 8. Triggers)". */
export const IMMINENCE_NAME = `Imminence (7. ${FACTOR_SHORT_NAMES[7]}; 8. ${FACTOR_SHORT_NAMES[8]})`;

/** "8.7 (Triggers)": an indicator's code with its risk factor's name. */
export function indicatorName(code: string, factor: number): string {
  return FACTOR_SHORT_NAMES[factor] ? `${code} (${FACTOR_SHORT_NAMES[factor]})` : code;
}

/** Indicators grouped by risk factor, each code once: "Triggers: 8.2, 8.7; Intent to destroy a group: 10.1". */
export function indicatorsByFactor(items: { code: string; factor: number }[], compare: (a: string, b: string) => number): string {
  const by = new Map<number, Set<string>>();
  for (const i of items) by.set(i.factor, (by.get(i.factor) ?? new Set()).add(i.code));
  return [...by.keys()]
    .sort((a, b) => a - b)
    .map((f) => `${FACTOR_SHORT_NAMES[f] ?? `Risk factor ${f}`}: ${[...by.get(f)!].sort(compare).join(", ")}`)
    .join("; ");
}

/** True when a score must not be read as a figure (method 2, below the organisation's coverage). */
export function isLowConfidence(s: Coverage | undefined): boolean {
  return s?.lowConfidence === true;
}

/** "Not enough assessed (coverage 9%)", or why a crime is not assessed enough. */
export function notEnoughText(s: Coverage & Partial<Pick<CrimeScore, "common" | "specific">>, crime?: Crime): string {
  if (s.specific && s.specific.factorsAssessed === 0) return crime === "INCITEMENT" ? "Not enough assessed (no sign of incitement assessed)" : "Not enough assessed (its own risk factors are not assessed)";
  if (s.common && s.common.factorsAssessed === 0) return "Not enough assessed (no common risk factor assessed)";
  return `Not enough assessed (coverage ${s.coverage ?? 0}%)`;
}

/** A score as read anywhere: its number out of 100, or "Not enough assessed (coverage 9%)"; never a bare low number. */
export function scoreText(s: (Coverage & { score: number } & Partial<Pick<CrimeScore, "common" | "specific">>) | undefined, crime?: Crime): string {
  if (!s) return "Not assessed";
  if (isLowConfidence(s)) return notEnoughText(s, crime);
  return `${s.score}`;
}

/** The overall score as read: as scoreText, and when enough indicators are assessed but no crime is (its own factors not assessed), it says so. */
export function overallText(scores: Pick<RoundScores, "overall" | "minCoverage">): string {
  const o = scores.overall;
  if (isLowConfidence(o) && scores.minCoverage !== undefined && (o.coverage ?? 0) >= scores.minCoverage) return "Not enough assessed (no crime assessed enough)";
  return scoreText(o);
}

/** What a score rests on: "45 of 131 indicators assessed (34%)"; method 1's scores: "coverage not recorded". */
export function coverageText(s: Coverage | undefined): string {
  if (s?.rated === undefined || s.total === undefined) return "Coverage not recorded";
  return `${s.rated} of ${s.total} indicators assessed (${s.coverage ?? 0}%)`;
}

/** "Scored with method 2" / "Scored with method 1 (before coverage was recorded)". */
export function methodText(scores: Pick<RoundScores, "method">): string {
  return methodOf(scores) === 2 ? "Scored with method 2 (unknown is not none)." : "Scored with method 1 (an indicator not rated counted as None; coverage not recorded).";
}

// --- One colour scale for every score (bars, heatmaps, the dashboard's map) ---------------------
// Five steps of one hue (ColorBrewer Blues): darker is higher, readable in every common kind of
// colour blindness and in greyscale print; the number is always shown too. A low-confidence score
// is grey and hatched, not a colour of the scale (globals.css .heat-low).

/** The colour step (0-4) of a score; every score colour comes from here. */
export function scoreBand(score: number): 0 | 1 | 2 | 3 | 4 {
  return score >= 60 ? 4 : score >= 40 ? 3 : score >= 25 ? 2 : score >= 10 ? 1 : 0;
}
export const SCORE_BAND_COLOURS: readonly { background: string; color: string }[] = [
  { background: "#eff3ff", color: "#1a1a1a" },
  { background: "#c6dbef", color: "#1a1a1a" },
  { background: "#6baed6", color: "#1a1a1a" },
  { background: "#2171b5", color: "#ffffff" },
  { background: "#08306b", color: "#ffffff" },
];
/** The lower bound of each step, for legends. */
export const SCORE_BAND_FROM = [0, 10, 25, 40, 60] as const;
/** A step in words, as every legend of the scale says it: "0 to under 10", ..., "60 to 100". */
export function scoreBandText(band: number): string {
  return band < SCORE_BAND_FROM.length - 1 ? `${SCORE_BAND_FROM[band]} to under ${SCORE_BAND_FROM[band + 1]}` : `${SCORE_BAND_FROM[band]} to 100`;
}

/** The class of a score's cell or bar (heat-0 .. heat-4, heat-low in globals.css). */
export function scoreClass(score: number, lowConfidence = false): string {
  return lowConfidence ? "heat-cell heat-low" : `heat-cell heat-${scoreBand(score)}`;
}

/** "+3.2", "no change", "-1", or "not comparable" (low-confidence, or another method). */
export function changeText(delta: number | null): string {
  if (delta === null) return "not comparable";
  return delta > 0 ? `+${delta}` : delta === 0 ? "no change" : `${delta}`;
}

/** The brief's sentence on the latest round: its overall score with its change and coverage, or why there is none. */
export function latestRoundSentence(date: string, scores: RoundScores, change: { delta: number | null; since: string } | null): string {
  const o = scores.overall;
  if (isLowConfidence(o)) return `Latest assessment round ${date}: not enough assessed for an overall score (coverage ${o.coverage ?? 0}%). Scores are an aid to judgement, not a prediction.`;
  const since = change ? ` (${changeText(change.delta)} since ${change.since})` : "";
  return `Latest assessment round ${date}: overall score ${o.score} of 100${since}; ${coverageText(o).toLowerCase()}. Scores are an aid to judgement, not a prediction.`;
}
