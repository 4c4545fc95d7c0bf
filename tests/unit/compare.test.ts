import { describe, expect, it } from "vitest";
import { scoreRound, type IndicatorInput, type RatingInput } from "@/lib/indicators/score";
import { compareRounds } from "@/lib/indicators/compare";

const indicators: IndicatorInput[] = Array.from({ length: 14 }, (_, f) => [1, 2].map((n) => ({ id: `${f + 1}.${n}`, code: `${f + 1}.${n}`, factor: f + 1, retired: false }))).flat();
const round = (ratings: RatingInput[]) => ({ ratings, scores: scoreRound(indicators, ratings) });

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
    expect(c.rose.map((r) => [r.code, r.before, r.after])).toEqual([
      ["7.1", "PRESENT", "SEVERE"],
      ["10.2", "NONE", "SIGNIFICANT"],
    ]);
    expect(c.fell.map((r) => r.code)).toEqual(["1.1"]);
    expect(c.newSevere.map((r) => r.code)).toEqual(["7.1"]);
    expect(c.factors[7]).toEqual({ before: 16.7, after: 50, delta: 33.3 });
    expect(c.crimes.GENOCIDE.delta).toBeGreaterThan(0);
    expect(c.overall.delta).toBe(Math.round((after.scores.overall.score - before.scores.overall.score) * 10) / 10);
  });

  it("treats an indicator missing from a round as None, and reports no change for identical rounds", () => {
    const r = round([{ indicatorId: "2.2", level: "SIGNIFICANT" }]);
    const same = compareRounds(indicators, r, r);
    expect(same.rose).toEqual([]);
    expect(same.fell).toEqual([]);
    expect(same.overall.delta).toBe(0);
    const fromNothing = compareRounds(indicators, round([]), r);
    // New severe ones are a list to read: by code (11.2 after 2.1), whatever their rise.
    const severe = compareRounds(indicators, round([{ indicatorId: "2.1", level: "SIGNIFICANT" }]), round([{ indicatorId: "11.2", level: "SEVERE" }, { indicatorId: "2.1", level: "SEVERE" }]));
    expect(severe.rose.map((x) => x.code)).toEqual(["11.2", "2.1"]);
    expect(severe.newSevere.map((x) => x.code)).toEqual(["2.1", "11.2"]);
    expect(fromNothing.rose.map((x) => [x.code, x.before])).toEqual([["2.2", "NONE"]]);
  });
});
