import { describe, expect, it } from "vitest";
import { breakableParts } from "@/lib/briefs/line-breaks";

describe("where a PDF brief may break a word", () => {
  it("never inside an ordinary word, however narrow the cell", () => {
    for (const word of ["documented", "responsibilities", "Counterinsurgency", "(coverage"]) expect(breakableParts(word)).toEqual([word]);
  });

  it("after the punctuation of a long address, every letter kept, and every 20 letters where there is none", () => {
    const url = "https://www.ohchr.org/en/documents/reports/ahrc5778-report-independent-international-fact-finding-mission";
    const parts = breakableParts(url);
    expect(parts.join("")).toBe(url);
    expect(parts.slice(0, 5)).toEqual(["https:", "/", "/", "www.", "ohchr."]);
    expect(parts.every((p) => p.length <= 20)).toBe(true);
    expect(breakableParts("a".repeat(45))).toEqual(["a".repeat(20), "a".repeat(20), "a".repeat(5)]);
  });
});
