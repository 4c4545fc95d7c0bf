// The measured examples of issue #27 under the new method (lib/indicators/score.ts, method 2), on
// the catalogue this app ships (131 indicators of the UN Framework of Analysis), with the wording an
// analyst reads (lib/indicators/score-text.ts). The same examples are in the "How scores work" page
// and the README.
import { describe, expect, it } from "vitest";
import { FRAMEWORK_FACTORS } from "@/prisma/seed-data/framework";
import { METHOD_VERSION, scoreRound, scoreRoundV1, scoreRoundWith, type IndicatorInput, type Level, type RatingInput } from "@/lib/indicators/score";
import { coverageText, overallText, scoreText } from "@/lib/indicators/score-text";

const catalogue: IndicatorInput[] = FRAMEWORK_FACTORS.flatMap((f) => f.indicators.map((i) => ({ id: i.code, code: i.code, factor: f.number, retired: false })));
const inFactor = (f: number) => catalogue.filter((i) => i.factor === f);
const rate = (items: IndicatorInput[], level: Level): RatingInput[] => items.map((i) => ({ indicatorId: i.id, level }));
/** Everything else rated None: a round fully assessed. */
const restNone = (rated: RatingInput[]) => [...rated, ...rate(catalogue.filter((i) => !rated.some((r) => r.indicatorId === i.id)), "NONE")];

describe("risk scores, method 2: unknown is not none", () => {
  it("is the method new rounds are published with", () => {
    expect(METHOD_VERSION).toBe(2);
    expect(scoreRound(catalogue, []).method).toBe(2);
    expect(scoreRoundWith(1, catalogue, []).method).toBeUndefined();
  });

  it("12 Severe and the rest not rated: not enough assessed, never a low number (method 1 read 19.2)", () => {
    const twelve = [...inFactor(9), ...inFactor(11).slice(0, 5), inFactor(8)[0]];
    expect(twelve).toHaveLength(12);
    const ratings = rate(twelve, "SEVERE");
    expect(scoreRoundV1(catalogue, ratings).overall.score).toBe(19.2);
    const s = scoreRound(catalogue, ratings);
    expect(s.rated).toBe(12);
    expect(s.total).toBe(131);
    expect(s.overall.coverage).toBe(9);
    expect(s.overall.lowConfidence).toBe(true);
    expect(scoreText(s.overall)).toBe("Not enough assessed (coverage 9%)");
    expect(coverageText(s.overall)).toBe("12 of 131 indicators assessed (9%)");
    // Each crime says why: genocide's common factors rest on one indicator of 83.
    expect(scoreText(s.crimes.GENOCIDE, "GENOCIDE")).toBe("Not enough assessed (coverage 7%)");
    expect(scoreText(s.crimes.WAR_CRIMES, "WAR_CRIMES")).toBe("Not enough assessed (its own risk factors are not assessed)");
    // What was assessed is still shown, named: ethnic cleansing's own factors (9 and 11, this tool's convention) at their highest.
    expect(s.crimes.ETHNIC_CLEANSING.specific).toMatchObject({ score: 100, factorsAssessed: 2, factorsPresent: 2, rated: 11, total: 12 });
  });

  it("every indicator of risk factor 10 Severe and nothing else: genocide not enough assessed; with the rest rated None, genocide 25 (method 1: 10)", () => {
    const ten = rate(inFactor(10), "SEVERE");
    const alone = scoreRound(catalogue, ten);
    expect(alone.factors[10]).toMatchObject({ score: 100, rated: 8, total: 8, highest: "SEVERE" });
    expect(alone.crimes.GENOCIDE.specific).toMatchObject({ score: 100, factorsAssessed: 1, factorsPresent: 1 });
    expect(alone.crimes.GENOCIDE.coverage).toBe(8);
    expect(scoreText(alone.crimes.GENOCIDE, "GENOCIDE")).toBe("Not enough assessed (no common risk factor assessed)");

    const full = restNone(ten);
    expect(scoreRoundV1(catalogue, full).crimes.GENOCIDE.score).toBe(10);
    const s = scoreRound(catalogue, full);
    const g = s.crimes.GENOCIDE;
    expect(g.common).toMatchObject({ score: 0, factorsPresent: 0, rated: 83, total: 83 });
    // Its own factors: intergroup tensions (9) at 0, intent to destroy (10) at 100.
    expect(g.specific).toMatchObject({ score: 50, factorsAssessed: 2, factorsPresent: 1 });
    expect(g).toMatchObject({ score: 25, factorsPresent: 1, factorsTotal: 10, coverage: 100, lowConfidence: false });
    expect(scoreText(g, "GENOCIDE")).toBe("25");
    expect(s.crimes.CRIMES_AGAINST_HUMANITY.score).toBe(0);
    expect(s.overall).toMatchObject({ score: 25, crime: "GENOCIDE", lowConfidence: false });
    expect(s.overall.drivers.map((d) => d.code)).toEqual(["10.1", "10.2", "10.3", "10.4", "10.5", "10.6", "10.7", "10.8"]);
  });

  it("every common indicator Present: its own factors not assessed; with them rated None, each crime 16.7 and 8 of 10 factors present (method 1: 26.6 here, 26.7 in the issue's measurement)", () => {
    const common = rate(catalogue.filter((i) => i.factor <= 8), "PRESENT");
    expect(scoreRoundV1(catalogue, common).crimes.GENOCIDE.score).toBe(26.6);
    const partial = scoreRound(catalogue, common);
    expect(partial.crimes.GENOCIDE.common).toMatchObject({ score: 33.3, factorsPresent: 8 });
    expect(partial.crimes.GENOCIDE.coverage).toBe(85);
    expect(scoreText(partial.crimes.GENOCIDE, "GENOCIDE")).toBe("Not enough assessed (its own risk factors are not assessed)");
    expect(partial.overall.coverage).toBe(63);
    expect(overallText(partial)).toBe("Not enough assessed (no crime assessed enough)");

    const s = scoreRound(catalogue, restNone(common));
    for (const crime of ["GENOCIDE", "WAR_CRIMES", "CRIMES_AGAINST_HUMANITY", "ETHNIC_CLEANSING"] as const) {
      expect(s.crimes[crime]).toMatchObject({ score: 16.7, factorsPresent: 8, factorsTotal: 10, lowConfidence: false });
      expect(s.crimes[crime].specific).toMatchObject({ score: 0, factorsPresent: 0 });
    }
    // Imminence: enabling circumstances (7) and triggers (8), both present.
    expect(s.imminence).toMatchObject({ score: 33.3, factorsPresent: 2, factorsTotal: 2, lowConfidence: false });
  });

  it("armed conflict 1.1 Severe alone: risk factor 1 at 54.5 (method 1: 9.1), 1 of 10 factors present, each crime 3.4", () => {
    const one: RatingInput[] = [{ indicatorId: "1.1", level: "SEVERE" }];
    const v1 = scoreRoundV1(catalogue, one);
    expect(v1.factors[1].score).toBe(9.1);
    expect(v1.crimes.WAR_CRIMES.score).toBe(0.9);
    const s = scoreRound(catalogue, restNone(one));
    // Half its most serious indicator (Severe: 100), half its breadth (3 of 33 points: 9.1).
    expect(s.factors[1]).toMatchObject({ score: 54.5, highest: "SEVERE" });
    expect(s.crimes.WAR_CRIMES).toMatchObject({ score: 3.4, factorsPresent: 1 });
    expect(s.crimes.WAR_CRIMES.common).toMatchObject({ score: 6.8, factorsPresent: 1 });
    // Alone, without the rest assessed, factor 1 is known only from 1 of its 11 indicators.
    const alone = scoreRound(catalogue, one);
    expect(alone.factors[1]).toMatchObject({ score: 100, rated: 1, total: 11, coverage: 9, lowConfidence: true });
    expect(scoreText(alone.crimes.WAR_CRIMES, "WAR_CRIMES")).toBe("Not enough assessed (its own risk factors are not assessed)");
  });

  it("incitement is scored from its own signs across the Framework, not as a copy of genocide", () => {
    const signs = ["7.14", "8.7", "13.7"].map((code) => ({ indicatorId: code, level: "SEVERE" as const }));
    const s = scoreRound(catalogue, restNone(signs));
    // 3 Severe of its 9 signs: (100 + 9/27 of 100) / 2 = 66.7; common factors 7 and 8 at 53.6 and 54.2.
    expect(s.crimes.INCITEMENT.specific).toMatchObject({ score: 66.7, rated: 9, total: 9, factorsPresent: 1 });
    expect(s.crimes.INCITEMENT.score).not.toBe(s.crimes.GENOCIDE.score);
    expect(s.crimes.GENOCIDE.specific?.score).toBe(0);
    // Incitement is beside the four crimes, not one of them: the overall score is the highest of the four.
    expect(s.overall.crime).toBe("WAR_CRIMES");
  });

  it("names no crime when nothing is rated above None", () => {
    const s = scoreRound(catalogue, restNone([]));
    expect(s.overall).toMatchObject({ score: 0, crime: null, drivers: [], lowConfidence: false, coverage: 100 });
    expect(scoreText(s.overall)).toBe("0");
  });

  it("takes the organisation's minimum coverage, and leaves retired indicators out", () => {
    const half = rate(catalogue.slice(0, 66), "NONE");
    expect(scoreRound(catalogue, half).overall.lowConfidence).toBe(true);
    expect(scoreRound(catalogue, half, { minCoverage: 40 }).overall.coverage).toBe(50);
    const retired = [...catalogue, { id: "7.99", code: "7.99", factor: 7, retired: true }];
    const s = scoreRound(retired, [{ indicatorId: "7.99", level: "SEVERE" }]);
    expect(s.total).toBe(131);
    expect(s.factors[7]).toMatchObject({ score: 0, rated: 0, highest: null });
  });

  it("reads method 1's stored scores as published, without coverage", () => {
    const v1 = scoreRoundV1(catalogue, [{ indicatorId: "1.1", level: "SEVERE" }]);
    expect(scoreText(v1.overall)).toBe("0.9");
    expect(coverageText(v1.overall)).toBe("Coverage not recorded");
  });
});

describe("the worked examples of the 'How scores work' page and the README", () => {
  it("give the figures stated there", async () => {
    const { scoreExamples } = await import("@/lib/indicators/score-examples");
    const rows = scoreExamples(50).map((e) => [e.v1.overall.score, overallText(e.v2), scoreText(e.v2.crimes.GENOCIDE, "GENOCIDE")]);
    expect(rows).toEqual([
      [19.2, "Not enough assessed (coverage 9%)", "Not enough assessed (coverage 7%)"],
      [10, "Not enough assessed (coverage 6%)", "Not enough assessed (no common risk factor assessed)"],
      [10, "25", "25"],
      [26.6, "Not enough assessed (no crime assessed enough)", "Not enough assessed (its own risk factors are not assessed)"],
      [26.6, "16.7", "16.7"],
      [0.9, "3.4", "3.4"],
    ]);
  });
});
