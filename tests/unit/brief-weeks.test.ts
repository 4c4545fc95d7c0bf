import { describe, expect, it } from "vitest";
import { everyWeek, mondayOf } from "@/lib/briefs/weeks";

describe("the weeks of a brief's events chart", () => {
  it("begin on Monday, as the database counts them", () => {
    expect(mondayOf("2026-12-04")).toBe("2026-11-30"); // a Friday
    expect(mondayOf("2026-11-30")).toBe("2026-11-30");
    expect(mondayOf("2026-12-06")).toBe("2026-11-30"); // a Sunday
  });

  it("run from the period's first week to its last, weeks without events counted as 0", () => {
    const weeks = everyWeek("2026-11-12", "2026-12-04", [{ week: "2026-11-23", events: 3, killed: 7 }]);
    expect(weeks).toEqual([
      { week: "2026-11-09", events: 0, killed: 0 },
      { week: "2026-11-16", events: 0, killed: 0 },
      { week: "2026-11-23", events: 3, killed: 7 },
      { week: "2026-11-30", events: 0, killed: 0 },
    ]);
  });
});
