import { describe, expect, it } from "vitest";
import { scoreRound, scoreRoundV1, type IndicatorInput, type RatingInput } from "@/lib/indicators/score";
import { compareRounds } from "@/lib/indicators/compare";

const indicators: IndicatorInput[] = Array.from({ length: 14 }, (_, f) => [1, 2].map((n) => ({ id: `${f + 1}.${n}`, code: `${f + 1}.${n}`, factor: f + 1, retired: false }))).flat();
const round = (ratings: RatingInput[]) => ({ ratings, scores: scoreRoundV1(indicators, ratings) });
/** Method 2, every indicator not named rated None: a round fully assessed. */
const full = (ratings: RatingInput[]) => {
  const all = [...ratings, ...indicators.filter((i) => !ratings.some((r) => r.indicatorId === i.id)).map((i) => ({ indicatorId: i.id, level: "NONE" as const }))];
  return { ratings: all, scores: scoreRound(indicators, all) };
};

describe("what changed between two rounds", () => {
  it("lists indicators that rose and fell, biggest change first, and new severe ones", () => {
    const before = round([
      { indicatorId: "7.1", level: "PRESENT" },
      { indicatorId: "8.1", level: "SEVERE" },
      { indicatorId: "1.1", level: "SIGNIFICANT" },
    ]);
    const after = round([
      { indicatorId: "7.1", level: "SEVERE" },
      { indicatorId: "8.1", level: "SEVERE" },
      { indicatorId: "1.1", level: "PRESENT" },
      { indicatorId: "10.2", level: "SIGNIFICANT" },
    ]);
    const c = compareRounds(indicators, before, after);
    // Each change once: 7.1 became severe (not also "rose"); 10.2 was not rated before, which is not None.
    expect(c.rose).toEqual([]);
    expect(c.newlyRated.map((r) => [r.code, r.before, r.after])).toEqual([["10.2", null, "SIGNIFICANT"]]);
    expect(c.fell.map((r) => r.code)).toEqual(["1.1"]);
    expect(c.newSevere.map((r) => [r.code, r.before, r.after])).toEqual([["7.1", "PRESENT", "SEVERE"]]);
    expect(c.factors[7]).toEqual({ before: 16.7, after: 50, delta: 33.3 });
    expect(c.crimes.GENOCIDE.delta).toBeGreaterThan(0);
    expect(c.overall.delta).toBe(Math.round((after.scores.overall.score - before.scores.overall.score) * 10) / 10);
  });

  it("tells an indicator not rated from one rated None, and reports no change for identical rounds", () => {
    const r = round([{ indicatorId: "2.2", level: "SIGNIFICANT" }]);
    const same = compareRounds(indicators, r, r);
    expect(same.rose).toEqual([]);
    expect(same.fell).toEqual([]);
    expect(same.overall.delta).toBe(0);
    const fromNothing = compareRounds(indicators, round([]), r);
    // New severe ones are a list to read: by code (11.2 after 2.1), whatever their rise.
    const severe = compareRounds(indicators, round([{ indicatorId: "2.1", level: "SIGNIFICANT" }]), round([{ indicatorId: "11.2", level: "SEVERE" }, { indicatorId: "2.1", level: "SEVERE" }]));
    expect(severe.rose).toEqual([]);
    expect(severe.newSevere.map((x) => [x.code, x.before])).toEqual([
      ["2.1", "SIGNIFICANT"],
      ["11.2", null],
    ]);
    expect(fromNothing.rose).toEqual([]);
    expect(fromNothing.newlyRated.map((x) => [x.code, x.before])).toEqual([["2.2", null]]);
    const fromNone = compareRounds(indicators, round([{ indicatorId: "2.2", level: "NONE" }]), r);
    expect(fromNone.rose.map((x) => [x.code, x.before, x.after])).toEqual([["2.2", "NONE", "SIGNIFICANT"]]);
    const dropped = compareRounds(indicators, r, round([]));
    expect(dropped.noLongerRated.map((x) => [x.code, x.before, x.after])).toEqual([["2.2", "SIGNIFICANT", null]]);
    expect(dropped.fell).toEqual([]);
  });

  it("subtracts scores only when both are assessed enough and scored with the same method", () => {
    const a = full([{ indicatorId: "7.1", level: "PRESENT" }]);
    const b = full([{ indicatorId: "7.1", level: "SEVERE" }]);
    const c = compareRounds(indicators, a, b);
    expect(c.sameMethod).toBe(true);
    expect(c.factors[7]).toMatchObject({ before: 25, after: 75, delta: 50 });
    // A round with almost nothing assessed is not "lower": the change is not comparable.
    const sparse = { ratings: [{ indicatorId: "7.1", level: "SEVERE" as const }], scores: scoreRound(indicators, [{ indicatorId: "7.1", level: "SEVERE" }]) };
    expect(compareRounds(indicators, sparse, b).overall.delta).toBeNull();
    // Method 1 against method 2: shown side by side, not subtracted.
    const old = compareRounds(indicators, round([{ indicatorId: "7.1", level: "PRESENT" }]), b);
    expect(old.sameMethod).toBe(false);
    expect(old.overall.delta).toBeNull();
  });
});
