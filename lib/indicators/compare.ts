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
    newSevere: rose.filter((r) => r.after === "SEVERE").sort((x, y) => compareCodes(x.code, y.code)), // a list to read: by code
    overall: delta(before.scores.overall.score, after.scores.overall.score),
    crimes,
    factors,
  };
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
