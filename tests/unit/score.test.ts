import { describe, expect, it } from "vitest";
import { scoreRoundV1 as scoreRound, type IndicatorInput } from "@/lib/indicators/score";

// Two indicators per factor, 28 in all.
const indicators: IndicatorInput[] = Array.from({ length: 14 }, (_, f) => [1, 2].map((n) => ({ id: `${f + 1}.${n}`, code: `${f + 1}.${n}`, factor: f + 1, retired: false }))).flat();

describe("risk scores, method 1 (rounds published before method 2 keep these figures)", () => {
  it("are zero, with no drivers, when nothing is rated", () => {
    const s = scoreRound(indicators, []);
    expect(s.overall).toEqual({ score: 0, drivers: [], crime: null });
    expect(Object.values(s.factors).every((f) => f.score === 0)).toBe(true);
    expect(s.rated).toBe(0);
    expect(s.total).toBe(28);
  });

  it("are 100 everywhere when everything is severe", () => {
    const s = scoreRound(indicators, indicators.map((i) => ({ indicatorId: i.id, level: "SEVERE" as const })));
    expect(Object.values(s.crimes).map((c) => c.score)).toEqual([100, 100, 100, 100, 100]);
    expect(s.overall.score).toBe(100);
    expect(s.rated).toBe(28);
  });

  it("map specific factors to their crimes, and the overall score follows the crime most at risk", () => {
    const s = scoreRound(indicators, [
      { indicatorId: "13.1", level: "SEVERE" },
      { indicatorId: "13.2", level: "SEVERE" },
      { indicatorId: "1.1", level: "PRESENT" },
    ]);
    expect(s.factors[13].score).toBe(100);
    expect(s.factors[1].score).toBe(16.7);
    // war crimes: (16.7 + 100) / 10 factors
    expect(s.crimes.WAR_CRIMES.score).toBe(11.7);
    expect(s.crimes.GENOCIDE.score).toBe(1.7);
    expect(s.overall.crime).toBe("WAR_CRIMES");
    expect(s.overall.drivers.map((d) => d.code)).toEqual(["13.1", "13.2", "1.1"]);
  });

  it("leave retired indicators out of the scores and the coverage", () => {
    const withRetired = [...indicators, { id: "7.99", code: "7.99", factor: 7, retired: true }];
    const s = scoreRound(withRetired, [{ indicatorId: "7.99", level: "SEVERE" }]);
    expect(s.factors[7]).toEqual({ score: 0, drivers: [] });
    expect(s.total).toBe(28);
    expect(s.rated).toBe(0);
  });
});
