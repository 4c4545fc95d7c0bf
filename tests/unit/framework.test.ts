import { describe, expect, it } from "vitest";
import { FRAMEWORK_FACTORS, FRAMEWORK_PROVENANCE } from "@/prisma/seed-data/framework";

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

describe("the catalogue's provenance", () => {
  it("says for each of the Framework's indicators which text it was checked against, or that it was not", () => {
    const keys = FRAMEWORK_FACTORS.flatMap((f) => f.indicators.map((i) => `UN:${i.code}`));
    expect(Object.keys(FRAMEWORK_PROVENANCE).sort()).toEqual(keys.sort());
    const status = (code: string) => FRAMEWORK_PROVENANCE[`UN:${code}`].status;
    // What issue #27 lists as not yet checked: the indicators of factors 11, 12 and 14, and 13.11 onward.
    const unchecked = keys.filter((k) => FRAMEWORK_PROVENANCE[k].status === "NOT_CHECKED").map((k) => k.slice(3));
    expect(unchecked.every((c) => /^(11|12|14)\./.test(c) || /^13\.(1[1-9])$/.test(c))).toBe(true);
    expect(unchecked).toEqual(expect.arrayContaining(["11.1", "11.6", "12.1", "12.10", "13.11", "13.13", "14.1", "14.5"]));
    expect(["13.1", "13.10", "7.1", "7.10", "8.12", "9.6"].map(status)).toEqual(Array(6).fill("CHECKED"));
    expect(["1.1", "7.11", "10.8"].map(status)).toEqual(Array(3).fill("NUMBERING_ONLY"));
    expect(FRAMEWORK_PROVENANCE["UN:14.2"].note).toBe("Not yet checked against the Framework's text (UN document A/70/741–S/2016/71).");
    // 13.1-13.9 checked twice (a copy on 2026-12-02, a published quotation on 2026-12-04); 13.10 once,
    // since the quotation breaks off in the middle of it.
    for (const code of ["13.1", "13.6", "13.9"]) {
      expect(FRAMEWORK_PROVENANCE[`UN:${code}`].note).toBe(
        "Checked on 2026-12-02 against a third-party copy of the Framework's text, and again on 2026-12-04 against its wording as quoted by the West Papua Genocide Monitor (thewestpapuagenocidemonitor.org, its page on risk factor 13).",
      );
    }
    expect(FRAMEWORK_PROVENANCE["UN:13.10"].note).toBe("Checked on 2026-12-02 against a third-party copy of the Framework's text.");
  });
});
