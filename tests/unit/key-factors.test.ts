import { describe, expect, it } from "vitest";
import { keyFactorLine, keyFactors, keyIndicatorLine } from "@/lib/briefs/key-factors";
import type { RoundScores } from "@/lib/indicators/score";

const d = (code: string, level: "PRESENT" | "SIGNIFICANT" | "SEVERE" | "NONE") => ({ indicatorId: `id-${code}`, code, level });
const f = (score: number, drivers: ReturnType<typeof d>[]) => ({ score, drivers, rated: 5, total: 10, coverage: 50, lowConfidence: false });

describe("the five key factors", () => {
  it("are the factors with indicators present, highest score first, ties by the more serious indicator then the Framework's order, at most five with three indicators each", () => {
    const scores = {
      factors: {
        1: f(20, [d("1.1", "SEVERE")]),
        2: f(20, [d("2.1", "PRESENT")]),
        3: f(0, []),
        4: f(35, [d("4.1", "PRESENT"), d("4.2", "PRESENT"), d("4.3", "PRESENT"), d("4.4", "PRESENT")]),
        5: f(20, [d("5.1", "SEVERE")]),
        7: f(50, [d("7.1", "SEVERE")]),
        8: f(10, [d("8.7", "SIGNIFICANT")]),
        9: f(5, [d("9.1", "PRESENT")]),
      },
    } as unknown as RoundScores;
    const key = keyFactors(scores);
    expect(key.map((k) => k.factor)).toEqual([7, 4, 1, 5, 2]);
    expect(key[1].drivers.map((x) => x.code)).toEqual(["4.1", "4.2", "4.3"]);
    expect(keyFactorLine(key[0])).toBe("Risk factor 7, Enabling circumstances or preparation: 50");
    expect(keyIndicatorLine(key[0].drivers[0], "Emergency laws or exceptional security measures that wear away fundamental rights.")).toBe(
      "7.1 Severe: Emergency laws or exceptional security measures that wear away fundamental rights.",
    );
    expect(keyFactors({ factors: { 3: f(0, []) } } as unknown as RoundScores)).toEqual([]);
  });
});
