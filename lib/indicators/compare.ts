// What changed between two assessment rounds of a situation: pure, unit-tested.
import { compareCodes, LEVEL_POINTS, round1, type Level, type RoundScores, type ScoredCrime } from "./score";

export interface ComparedIndicator {
  indicatorId: string;
  code: string;
  factor: number;
  before: Level;
  after: Level;
}
export interface RoundComparison {
  rose: ComparedIndicator[];
  fell: ComparedIndicator[];
  /** Indicators rated SEVERE now that were not SEVERE before. */
  newSevere: ComparedIndicator[];
  overall: { before: number; after: number; delta: number };
  crimes: Record<ScoredCrime, { before: number; after: number; delta: number }>;
  factors: Record<number, { before: number; after: number; delta: number }>;
}

const delta = (before: number, after: number) => ({ before, after, delta: round1(after - before) });

export function compareRounds(
  indicators: { id: string; code: string; factor: number }[],
  before: { ratings: { indicatorId: string; level: Level }[]; scores: RoundScores },
  after: { ratings: { indicatorId: string; level: Level }[]; scores: RoundScores },
): RoundComparison {
  const was = new Map(before.ratings.map((r) => [r.indicatorId, r.level]));
  const now = new Map(after.ratings.map((r) => [r.indicatorId, r.level]));
  const rose: ComparedIndicator[] = [];
  const fell: ComparedIndicator[] = [];
  for (const i of indicators) {
    const b = was.get(i.id) ?? "NONE";
    const a = now.get(i.id) ?? "NONE";
    const item = { indicatorId: i.id, code: i.code, factor: i.factor, before: b, after: a };
    if (LEVEL_POINTS[a] > LEVEL_POINTS[b]) rose.push(item);
    else if (LEVEL_POINTS[a] < LEVEL_POINTS[b]) fell.push(item);
  }
  const bySize = (x: ComparedIndicator, y: ComparedIndicator) =>
    Math.abs(LEVEL_POINTS[y.after] - LEVEL_POINTS[y.before]) - Math.abs(LEVEL_POINTS[x.after] - LEVEL_POINTS[x.before]) ||
    compareCodes(x.code, y.code);
  rose.sort(bySize);
  fell.sort(bySize);
  const crimes = {} as RoundComparison["crimes"];
  for (const c of Object.keys(after.scores.crimes) as ScoredCrime[]) crimes[c] = delta(before.scores.crimes[c]?.score ?? 0, after.scores.crimes[c].score);
  const factors: RoundComparison["factors"] = {};
  for (const f of Object.keys(after.scores.factors).map(Number)) factors[f] = delta(before.scores.factors[f]?.score ?? 0, after.scores.factors[f].score);
  return {
    rose,
    fell,
    newSevere: rose.filter((r) => r.after === "SEVERE"),
    overall: delta(before.scores.overall.score, after.scores.overall.score),
    crimes,
    factors,
  };
}
