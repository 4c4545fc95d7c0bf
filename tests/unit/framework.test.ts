import { describe, expect, it } from "vitest";
import { FRAMEWORK_FACTORS } from "@/prisma/seed-data/framework";

describe("the Framework of Analysis seed data", () => {
  it("has the 14 risk factors in order, in their groups", () => {
    expect(FRAMEWORK_FACTORS.map((f) => f.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    const groups = FRAMEWORK_FACTORS.map((f) => f.group);
    expect(groups.slice(0, 8).every((g) => g === "COMMON")).toBe(true);
    expect(groups.slice(8)).toEqual(["GENOCIDE", "GENOCIDE", "CRIMES_AGAINST_HUMANITY", "CRIMES_AGAINST_HUMANITY", "WAR_CRIMES", "WAR_CRIMES"]);
  });

  it("numbers each factor's indicators 1..n without gaps, with text", () => {
    for (const f of FRAMEWORK_FACTORS) {
      expect(f.indicators.length).toBeGreaterThan(0);
      f.indicators.forEach((ind, i) => {
        expect(ind.code).toBe(`${f.number}.${i + 1}`);
        expect(ind.text.length).toBeGreaterThan(10);
      });
    }
  });

  it("matches the Framework's known counts", () => {
    const count = (n: number) => FRAMEWORK_FACTORS.find((f) => f.number === n)!.indicators.length;
    expect(count(8)).toBe(12);
    expect(count(9)).toBe(6);
    const total = FRAMEWORK_FACTORS.reduce((n, f) => n + f.indicators.length, 0);
    expect(total).toBeGreaterThanOrEqual(120);
  });
});
