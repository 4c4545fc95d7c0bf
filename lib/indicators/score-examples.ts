// The worked examples of the "How scores work" page and the README (issue #27), computed by the
// scoring functions themselves on the catalogue this app ships, so the page can never disagree with
// the code; tests/unit/score-method-2.test.ts states the same figures.
import { FRAMEWORK_FACTORS } from "@/prisma/seed-data/framework";
import { scoreRound, scoreRoundV1, type IndicatorInput, type Level, type RatingInput, type RoundScores } from "./score";

export const EXAMPLE_CATALOGUE: IndicatorInput[] = FRAMEWORK_FACTORS.flatMap((f) => f.indicators.map((i) => ({ id: i.code, code: i.code, factor: f.number, retired: false })));
const inFactor = (f: number) => EXAMPLE_CATALOGUE.filter((i) => i.factor === f);
const rate = (items: IndicatorInput[], level: Level): RatingInput[] => items.map((i) => ({ indicatorId: i.id, level }));
const restNone = (rated: RatingInput[]) => [...rated, ...rate(EXAMPLE_CATALOGUE.filter((i) => !rated.some((r) => r.indicatorId === i.id)), "NONE")];

export interface ScoreExample {
  title: string;
  ratings: RatingInput[];
  v1: RoundScores;
  v2: RoundScores;
}

export function scoreExamples(minCoverage?: number): ScoreExample[] {
  const make = (title: string, ratings: RatingInput[]): ScoreExample => ({ title, ratings, v1: scoreRoundV1(EXAMPLE_CATALOGUE, ratings), v2: scoreRound(EXAMPLE_CATALOGUE, ratings, { minCoverage }) });
  const twelve = rate([...inFactor(9), ...inFactor(11).slice(0, 5), inFactor(8)[0]], "SEVERE");
  const ten = rate(inFactor(10), "SEVERE");
  const common = rate(EXAMPLE_CATALOGUE.filter((i) => i.factor <= 8), "PRESENT");
  const one: RatingInput[] = [{ indicatorId: "1.1", level: "SEVERE" }];
  return [
    make("12 indicators rated Severe (all of risk factor 9, intergroup tensions; five of 11, widespread or systematic attack; and 8.1, a trigger), the other 119 not assessed", twelve),
    make("Every indicator of risk factor 10 (intent to destroy a group) Severe, nothing else assessed", ten),
    make("Every indicator of risk factor 10 (intent to destroy a group) Severe, every other indicator rated None", restNone(ten)),
    make("Every common indicator (risk factors 1 to 8) Present, the specific factors not assessed", common),
    make("Every common indicator Present, every specific indicator rated None", restNone(common)),
    make("Armed conflict (1.1) Severe, every other indicator rated None", restNone(one)),
  ];
}
