// What changed between two assessment rounds of a situation: pure, unit-tested.
// An indicator not rated in a round is "not rated", not None: "not rated → Severe" and "None → Severe"
// are different changes, and each change is listed once (a new severe indicator is not also listed as
// one that rose).
import { compareCodes, LEVEL_POINTS, methodOf, round1, type Coverage, type Level, type RoundScores, type ScoredCrime } from "./score";

export interface ComparedIndicator {
  indicatorId: string;
  code: string;
  factor: number;
  /** null: not rated in that round. */
  before: Level | null;
  after: Level | null;
}
/** A score before and after; delta is null when the two cannot be compared (either low-confidence, or scored with different methods). */
export interface ScoreChange {
  before: number;
  after: number;
  delta: number | null;
  beforeCoverage?: Coverage;
  afterCoverage?: Coverage;
}
export interface RoundComparison {
  /** Rated in both rounds, higher now (not to Severe: those are in newSevere). */
  rose: ComparedIndicator[];
  /** Rated in both rounds, lower now. */
  fell: ComparedIndicator[];
  /** Rated SEVERE now, and not SEVERE (or not rated) before. */
  newSevere: ComparedIndicator[];
  /** Not rated before, rated now (below Severe: those are in newSevere). */
  newlyRated: ComparedIndicator[];
  /** Rated before, not rated now. */
  noLongerRated: ComparedIndicator[];
  /** Whether the two rounds were scored with the same method. */
  sameMethod: boolean;
  overall: ScoreChange;
  crimes: Record<ScoredCrime, ScoreChange>;
  factors: Record<number, ScoreChange>;
}

const cov = (s: Coverage | undefined): Coverage | undefined => (s && s.rated !== undefined ? { rated: s.rated, total: s.total, coverage: s.coverage, lowConfidence: s.lowConfidence } : undefined);

export function compareRounds(
  indicators: { id: string; code: string; factor: number }[],
  before: { ratings: { indicatorId: string; level: Level }[]; scores: RoundScores },
  after: { ratings: { indicatorId: string; level: Level }[]; scores: RoundScores },
): RoundComparison {
  const was = new Map(before.ratings.map((r) => [r.indicatorId, r.level]));
  const now = new Map(after.ratings.map((r) => [r.indicatorId, r.level]));
  const out: Pick<RoundComparison, "rose" | "fell" | "newSevere" | "newlyRated" | "noLongerRated"> = { rose: [], fell: [], newSevere: [], newlyRated: [], noLongerRated: [] };
  for (const i of indicators) {
    const b = was.get(i.id) ?? null;
    const a = now.get(i.id) ?? null;
    if (b === a) continue;
    const item = { indicatorId: i.id, code: i.code, factor: i.factor, before: b, after: a };
    if (a === "SEVERE") out.newSevere.push(item);
    else if (a === null) out.noLongerRated.push(item);
    else if (b === null) out.newlyRated.push(item);
    else if (LEVEL_POINTS[a] > LEVEL_POINTS[b]) out.rose.push(item);
    else out.fell.push(item);
  }
  const size = (x: ComparedIndicator) => Math.abs(LEVEL_POINTS[x.after ?? "NONE"] - LEVEL_POINTS[x.before ?? "NONE"]);
  const bySize = (x: ComparedIndicator, y: ComparedIndicator) => size(y) - size(x) || compareCodes(x.code, y.code);
  const byCode = (x: ComparedIndicator, y: ComparedIndicator) => compareCodes(x.code, y.code);
  out.rose.sort(bySize);
  out.fell.sort(bySize);
  out.newSevere.sort(byCode); // lists to read: by code
  out.newlyRated.sort(byCode);
  out.noLongerRated.sort(byCode);
  const sameMethod = methodOf(before.scores) === methodOf(after.scores);
  const change = (b: ({ score: number } & Coverage) | undefined, a: { score: number } & Coverage): ScoreChange => {
    const before = b?.score ?? 0;
    const comparable = sameMethod && b !== undefined && !b.lowConfidence && !a.lowConfidence;
    return { before, after: a.score, delta: comparable ? round1(a.score - before) : null, beforeCoverage: cov(b), afterCoverage: cov(a) };
  };
  const crimes = {} as RoundComparison["crimes"];
  for (const c of Object.keys(after.scores.crimes) as ScoredCrime[]) crimes[c] = change(before.scores.crimes[c], after.scores.crimes[c]);
  const factors: RoundComparison["factors"] = {};
  for (const f of Object.keys(after.scores.factors).map(Number)) factors[f] = change(before.scores.factors[f], after.scores.factors[f]);
  return { ...out, sameMethod, overall: change(before.scores.overall, after.scores.overall), crimes, factors };
}

/**
 * The published round just before `round`, to compare with: the latest by date, then by publication,
 * among a situation's rounds (roundChoices: read anyway for the page's round chooser).
 */
export function previousPublished<R extends { id: string; assessedOn: Date; status: string; publishedAt: Date | null }>(
  rounds: R[],
  round: { id: string; assessedOn: Date; publishedAt: Date | null },
): R | undefined {
  const day = round.assessedOn.getTime();
  let best: R | undefined;
  for (const r of rounds) {
    if (r.status !== "PUBLISHED" || r.id === round.id || !r.publishedAt) continue;
    const t = r.assessedOn.getTime();
    // Earlier in date; on the same date, published before it (or, for a draft, any published one).
    if (t > day || (t === day && round.publishedAt && r.publishedAt >= round.publishedAt)) continue;
    if (!best || t > best.assessedOn.getTime() || (t === best.assessedOn.getTime() && r.publishedAt > best.publishedAt!)) best = r;
  }
  return best;
}
