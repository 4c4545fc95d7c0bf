// Risk scores from indicator ratings: a pure, documented aid to judgement, never a prediction.
//
// Scale (0-100):
// - each indicator's level is worth NONE 0, PRESENT 1, SIGNIFICANT 2, SEVERE 3 points;
//   an indicator not rated in the round counts as NONE, and coverage says how many were rated;
// - a risk factor's score is its points as a share of the most it could have (3 x its active
//   indicators), times 100; retired indicators are left out of scores (they stay in the ratings);
// - a crime's score is the mean of its factors' scores: the eight common factors and the
//   Framework's specific factors for that crime (genocide 9-10, crimes against humanity 11-12,
//   war crimes 13-14; ethnic cleansing 9 and 11; incitement 9 and 10);
// - the overall score is the highest crime score: the crime most at risk sets the level.
// Every score comes with the indicators that drive it, highest level first.

export type Level = "NONE" | "PRESENT" | "SIGNIFICANT" | "SEVERE";
export type ScoredCrime = "GENOCIDE" | "WAR_CRIMES" | "CRIMES_AGAINST_HUMANITY" | "ETHNIC_CLEANSING" | "INCITEMENT";

export const LEVEL_POINTS: Record<Level, number> = { NONE: 0, PRESENT: 1, SIGNIFICANT: 2, SEVERE: 3 };
export const COMMON_FACTORS = [1, 2, 3, 4, 5, 6, 7, 8];
export const CRIME_FACTORS: Record<ScoredCrime, number[]> = {
  GENOCIDE: [...COMMON_FACTORS, 9, 10],
  CRIMES_AGAINST_HUMANITY: [...COMMON_FACTORS, 11, 12],
  WAR_CRIMES: [...COMMON_FACTORS, 13, 14],
  ETHNIC_CLEANSING: [...COMMON_FACTORS, 9, 11],
  INCITEMENT: [...COMMON_FACTORS, 9, 10],
};

export interface IndicatorInput {
  id: string;
  code: string;
  factor: number;
  retired: boolean;
}
export interface RatingInput {
  indicatorId: string;
  level: Level;
}
export interface Driver {
  indicatorId: string;
  code: string;
  level: Level;
}
export interface Score {
  score: number;
  drivers: Driver[];
}
export interface RoundScores {
  factors: Record<number, Score>;
  crimes: Record<ScoredCrime, Score>;
  overall: Score & { crime: ScoredCrime | null };
  rated: number;
  total: number;
}

/** Scores and their changes are shown to one decimal. */
export const round1 = (n: number) => Math.round(n * 10) / 10;

/** Indicator codes in their natural order (1.2 before 1.10); one collator, made once (localeCompare with options makes one per call). */
export const compareCodes = new Intl.Collator("en", { numeric: true }).compare;

/** An indicator row as the scoring reads it (retired ones are left out of scores). */
export function toScoringInput(i: { id: string; code: string; riskFactorNumber: number; retiredAt: Date | null }): IndicatorInput {
  return { id: i.id, code: i.code, factor: i.riskFactorNumber, retired: i.retiredAt !== null };
}

function byLevel(a: Driver, b: Driver) {
  return LEVEL_POINTS[b.level] - LEVEL_POINTS[a.level] || compareCodes(a.code, b.code);
}

export function scoreRound(indicators: IndicatorInput[], ratings: RatingInput[], maxDrivers = 10): RoundScores {
  const levels = new Map(ratings.map((r) => [r.indicatorId, r.level]));
  const active = indicators.filter((i) => !i.retired);
  const factors: Record<number, Score> = {};
  for (let f = 1; f <= 14; f++) {
    const inFactor = active.filter((i) => i.factor === f);
    const drivers = inFactor
      .map((i) => ({ indicatorId: i.id, code: i.code, level: levels.get(i.id) ?? "NONE" }))
      .filter((d) => d.level !== "NONE")
      .sort(byLevel);
    const points = drivers.reduce((n, d) => n + LEVEL_POINTS[d.level], 0);
    factors[f] = { score: inFactor.length ? round1((100 * points) / (3 * inFactor.length)) : 0, drivers: drivers.slice(0, maxDrivers) };
  }
  const crimes = {} as Record<ScoredCrime, Score>;
  for (const [crime, fs] of Object.entries(CRIME_FACTORS) as [ScoredCrime, number[]][]) {
    const score = round1(fs.reduce((n, f) => n + factors[f].score, 0) / fs.length);
    const drivers = fs.flatMap((f) => factors[f].drivers).sort(byLevel).slice(0, maxDrivers);
    crimes[crime] = { score, drivers };
  }
  let overall: RoundScores["overall"] = { score: 0, drivers: [], crime: null };
  for (const [crime, s] of Object.entries(crimes) as [ScoredCrime, Score][]) {
    if (s.score > overall.score) overall = { ...s, crime };
  }
  return { factors, crimes, overall, rated: active.filter((i) => levels.has(i.id)).length, total: active.length };
}
