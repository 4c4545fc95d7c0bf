// Risk scores from indicator ratings: a pure, documented aid to judgement, never a prediction.
// Two methods; each published round stores the one it was scored with (Assessment.methodVersion),
// and a new method never changes published figures unless an administrator re-scores the round.
//
// Method 2 (METHOD_VERSION, issue #27): unknown is not none.
// - An indicator with no rating in the round is NOT ASSESSED (the form's "Not assessed" removes the
//   rating). Every score says how much it rests on: coverage, rated of total indicators.
// - Each indicator's level is worth NONE 0, PRESENT 1, SIGNIFICANT 2, SEVERE 3 points.
// - A risk factor's score (0-100) is the mean of two shares, over its ASSESSED indicators only:
//   its most serious indicator (Severe 100, Significant 66.7, Present 33.3, None 0) and its points as
//   a share of the most they could be. So one Severe sign of armed conflict counts (1.1 alone, every
//   other indicator of factor 1 None: 54.5), and the breadth of the signs counts too. A factor is
//   PRESENT when any of its indicators is rated Present or above.
// - Per crime, two named results: the common factors (1-8) and the crime's own factors (genocide
//   9-10, crimes against humanity 11-12, war crimes 13-14, the UN Framework of Analysis' specific
//   factors; ethnic cleansing 9 and 11, THIS TOOL'S CONVENTION, as the Framework covers three legally
//   defined crimes; incitement: its own signs, the indicators listed in INCITEMENT_CODES, wherever
//   they sit in the Framework). Each result is the mean of its assessed factors' scores. With them,
//   the count of factors present (and of the crime's own among them): the Framework's reasoning is
//   that the more factors present, and the more specific factors among them, the greater the risk.
// - The crime's headline is the mean of its two results: its own factors weigh as much as the eight
//   common ones together. It is LOW-CONFIDENCE, and never shown as a bare number, when less than
//   the organisation's minimum share of the crime's indicators is assessed (Organisation.
//   minScoreCoverage, 50% by default) or when either result rests on no assessed indicator.
// - Overall: the highest headline among the four crimes assessed enough (incitement, to those crimes,
//   is shown beside them); low-confidence when none is assessed enough.
// - Imminence: factors 7 (enabling circumstances or preparatory action) and 8 (triggers) are the
//   dynamic ones that say "soon"; their mean is its own line, with its coverage.
// No formula here is a probability. Every score comes with the indicators that drive it.
//
// Method 1 (rounds published before it): an indicator not rated counts as NONE; a factor's score is
// its points as a share of the most it could have; a crime's score is the plain mean of its ten
// factors (incitement mapped to 9 and 10); the overall score is the highest crime score. No coverage.

export type Level = "NONE" | "PRESENT" | "SIGNIFICANT" | "SEVERE";
export type ScoredCrime = "GENOCIDE" | "WAR_CRIMES" | "CRIMES_AGAINST_HUMANITY" | "ETHNIC_CLEANSING" | "INCITEMENT";

/** The scoring method of new publications (lib/indicators/score.ts, Assessment.methodVersion). */
export const METHOD_VERSION = 2;
export type MethodVersion = 1 | 2;
/** Organisation.minScoreCoverage's default: a score resting on less than this share of its indicators (in percent) is low-confidence. */
export const DEFAULT_MIN_COVERAGE = 50;

export const LEVEL_POINTS: Record<Level, number> = { NONE: 0, PRESENT: 1, SIGNIFICANT: 2, SEVERE: 3 };
export const COMMON_FACTORS = [1, 2, 3, 4, 5, 6, 7, 8];
/** The dynamic factors: enabling circumstances or preparatory action (7), triggering factors (8). */
export const IMMINENCE_FACTORS = [7, 8];
/** Method 1's mapping, kept so its rounds read as published. */
export const CRIME_FACTORS_V1: Record<ScoredCrime, number[]> = {
  GENOCIDE: [...COMMON_FACTORS, 9, 10],
  CRIMES_AGAINST_HUMANITY: [...COMMON_FACTORS, 11, 12],
  WAR_CRIMES: [...COMMON_FACTORS, 13, 14],
  ETHNIC_CLEANSING: [...COMMON_FACTORS, 9, 11],
  INCITEMENT: [...COMMON_FACTORS, 9, 10],
};
/** Each crime's own risk factors (method 2). Incitement has none of its own: see INCITEMENT_CODES. */
export const SPECIFIC_FACTORS: Record<ScoredCrime, number[]> = {
  GENOCIDE: [9, 10],
  CRIMES_AGAINST_HUMANITY: [11, 12],
  WAR_CRIMES: [13, 14],
  ETHNIC_CLEANSING: [9, 11],
  INCITEMENT: [],
};
/** Mappings that are this tool's, not the Framework's: said wherever the mapping is shown. */
export const CONVENTION_CRIMES: ScoredCrime[] = ["ETHNIC_CLEANSING", "INCITEMENT"];
/**
 * Incitement's own signs (method 2): the Framework's indicators about incitement, hate speech or
 * inflammatory propaganda, wherever they sit (chosen from the catalogue's wording, issue #27).
 * Scored as one group, beside the common factors, instead of copying genocide's factors 9 and 10.
 */
export const INCITEMENT_CODES = ["2.2", "2.3", "7.14", "8.7", "10.1", "11.4", "12.1", "13.7", "14.3"];

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
/** Rated of total indicators (method 2); method 1's scores have none. */
export interface Coverage {
  rated?: number;
  total?: number;
  /** Percent rated, rounded down (49.9% shows as 49%, below a 50% minimum). */
  coverage?: number;
  lowConfidence?: boolean;
}
export interface Score extends Coverage {
  score: number;
  drivers: Driver[];
}
export interface FactorScore extends Score {
  /** The most serious level among its assessed indicators; null when none is assessed. */
  highest?: Level | null;
}
/** A named part of a crime's score: its common factors, or its own. */
export interface PartScore extends Coverage {
  score: number;
  factors: number[];
  factorsAssessed: number;
  factorsPresent: number;
}
export interface CrimeScore extends Score {
  common?: PartScore;
  specific?: PartScore;
  /** Factors present of the crime's factors (its common ones and its own). */
  factorsPresent?: number;
  factorsTotal?: number;
}
export interface RoundScores {
  /** Absent in method 1's stored scores. */
  method?: MethodVersion;
  /** The organisation's minimum coverage when scored (method 2). */
  minCoverage?: number;
  factors: Record<number, FactorScore>;
  crimes: Record<ScoredCrime, CrimeScore>;
  overall: Score & { crime: ScoredCrime | null };
  /** Factors 7 and 8 (method 2). */
  imminence?: Score & { factorsPresent: number; factorsTotal: number };
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

/** The method a round's stored scores were computed with. */
export function methodOf(scores: Pick<RoundScores, "method"> | null | undefined): MethodVersion {
  return scores?.method === 2 ? 2 : 1;
}

export interface ScoreOptions {
  /** Organisation.minScoreCoverage (percent). */
  minCoverage?: number;
  maxDrivers?: number;
}

/** Scores a round with the current method (METHOD_VERSION). */
export function scoreRound(indicators: IndicatorInput[], ratings: RatingInput[], options: ScoreOptions = {}): RoundScores {
  return scoreRoundV2(indicators, ratings, options);
}

/** Scores a round with the method named (an administrator's re-scoring, or a round shown as published). */
export function scoreRoundWith(method: MethodVersion, indicators: IndicatorInput[], ratings: RatingInput[], options: ScoreOptions = {}): RoundScores {
  return method === 1 ? scoreRoundV1(indicators, ratings, options.maxDrivers) : scoreRoundV2(indicators, ratings, options);
}

const percent = (rated: number, total: number) => (total ? Math.floor((100 * rated) / total) : 0);

/** Method 2: see the top of this file. */
export function scoreRoundV2(indicators: IndicatorInput[], ratings: RatingInput[], { minCoverage = DEFAULT_MIN_COVERAGE, maxDrivers = 10 }: ScoreOptions = {}): RoundScores {
  const levels = new Map(ratings.map((r) => [r.indicatorId, r.level]));
  const active = indicators.filter((i) => !i.retired);
  const low = (rated: number, total: number) => total === 0 || (100 * rated) / total < minCoverage;

  // A group of indicators scored as one factor: the mean of its most serious level and its breadth.
  const group = (members: IndicatorInput[]): FactorScore & { all: Driver[] } => {
    const assessed = members.filter((i) => levels.has(i.id)).map((i) => ({ indicatorId: i.id, code: i.code, level: levels.get(i.id)! }));
    const rated = assessed.length;
    const total = members.length;
    const all = assessed.filter((d) => d.level !== "NONE").sort(byLevel);
    let score = 0;
    let highest: Level | null = null;
    if (rated) {
      const points = assessed.reduce((n, d) => n + LEVEL_POINTS[d.level], 0);
      const top = assessed.reduce((n, d) => Math.max(n, LEVEL_POINTS[d.level]), 0);
      highest = (Object.keys(LEVEL_POINTS) as Level[]).find((l) => LEVEL_POINTS[l] === top)!;
      score = round1(((100 * top) / 3 + (100 * points) / (3 * rated)) / 2);
    }
    return { score, drivers: all.slice(0, maxDrivers), all, highest, rated, total, coverage: percent(rated, total), lowConfidence: low(rated, total) };
  };

  const factorGroups: Record<number, ReturnType<typeof group>> = {};
  const factors: Record<number, FactorScore> = {};
  for (let f = 1; f <= 14; f++) {
    const g = group(active.filter((i) => i.factor === f));
    factorGroups[f] = g;
    factors[f] = { score: g.score, drivers: g.drivers, highest: g.highest, rated: g.rated, total: g.total, coverage: g.coverage, lowConfidence: g.lowConfidence };
  }
  const incitementSigns = group(active.filter((i) => INCITEMENT_CODES.includes(i.code)));

  const part = (gs: { f: number | null; g: ReturnType<typeof group> }[]): PartScore => {
    const assessed = gs.filter((x) => (x.g.rated ?? 0) > 0);
    const rated = gs.reduce((n, x) => n + (x.g.rated ?? 0), 0);
    const total = gs.reduce((n, x) => n + (x.g.total ?? 0), 0);
    return {
      score: assessed.length ? round1(assessed.reduce((n, x) => n + x.g.score, 0) / assessed.length) : 0,
      factors: gs.flatMap((x) => (x.f === null ? [] : [x.f])),
      factorsAssessed: assessed.length,
      factorsPresent: gs.filter((x) => x.g.highest && x.g.highest !== "NONE").length,
      rated,
      total,
      coverage: percent(rated, total),
      lowConfidence: low(rated, total),
    };
  };

  const crimes = {} as Record<ScoredCrime, CrimeScore>;
  for (const crime of Object.keys(SPECIFIC_FACTORS) as ScoredCrime[]) {
    const commonGroups = COMMON_FACTORS.map((f) => ({ f, g: factorGroups[f] }));
    const ownGroups = crime === "INCITEMENT" ? [{ f: null, g: incitementSigns }] : SPECIFIC_FACTORS[crime].map((f) => ({ f, g: factorGroups[f] }));
    const common = part(commonGroups);
    const specific = part(ownGroups);
    // Indicators counted once even where incitement's signs sit in common factors.
    const ids = new Set([...commonGroups, ...ownGroups].flatMap((x) => (x.f === null ? active.filter((i) => INCITEMENT_CODES.includes(i.code)) : active.filter((i) => i.factor === x.f)).map((i) => i.id)));
    const rated = [...ids].filter((id) => levels.has(id)).length;
    const total = ids.size;
    const parts = [common, specific].filter((p) => p.factorsAssessed > 0);
    const score = parts.length ? round1(parts.reduce((n, p) => n + p.score, 0) / parts.length) : 0;
    const driverSet = new Map<string, Driver>();
    for (const x of [...ownGroups, ...commonGroups]) for (const d of x.g.all) driverSet.set(d.indicatorId, d);
    crimes[crime] = {
      score,
      drivers: [...driverSet.values()].sort(byLevel).slice(0, maxDrivers),
      common,
      specific,
      factorsPresent: common.factorsPresent + specific.factorsPresent,
      factorsTotal: commonGroups.length + ownGroups.length,
      rated,
      total,
      coverage: percent(rated, total),
      lowConfidence: low(rated, total) || common.factorsAssessed === 0 || specific.factorsAssessed === 0,
    };
  }

  const rated = active.filter((i) => levels.has(i.id)).length;
  let overall: RoundScores["overall"] = { score: 0, drivers: [], crime: null, rated, total: active.length, coverage: percent(rated, active.length), lowConfidence: true };
  // The crime most at risk among those assessed enough sets the level; when none is, the highest partial figure is kept (never shown bare).
  for (const pass of [false, true]) {
    for (const [crime, s] of Object.entries(crimes) as [ScoredCrime, CrimeScore][]) {
      if (crime === "INCITEMENT" || s.lowConfidence !== pass) continue;
      if (overall.crime === null || s.score > overall.score) overall = { ...overall, score: s.score, drivers: s.drivers, crime, lowConfidence: pass };
    }
    if (overall.crime !== null) break;
  }
  // Nothing above None: no crime drives it (as method 1 said).
  if (overall.score === 0) overall = { ...overall, crime: null, drivers: [] };

  const im = part(IMMINENCE_FACTORS.map((f) => ({ f, g: factorGroups[f] })));
  const imminence: RoundScores["imminence"] = {
    score: im.score,
    drivers: IMMINENCE_FACTORS.flatMap((f) => factorGroups[f].all).sort(byLevel).slice(0, maxDrivers),
    rated: im.rated,
    total: im.total,
    coverage: im.coverage,
    lowConfidence: im.lowConfidence || im.factorsAssessed === 0,
    factorsPresent: im.factorsPresent,
    factorsTotal: IMMINENCE_FACTORS.length,
  };
  return { method: 2, minCoverage, factors, crimes, overall, imminence, rated, total: active.length };
}

/** Method 1, as rounds published before method 2 were scored: kept to show and re-score them. */
export function scoreRoundV1(indicators: IndicatorInput[], ratings: RatingInput[], maxDrivers = 10): RoundScores {
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
  for (const [crime, fs] of Object.entries(CRIME_FACTORS_V1) as [ScoredCrime, number[]][]) {
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
