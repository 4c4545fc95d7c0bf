import { describe, expect, it } from "vitest";
import {
  addWeeks,
  chanceWords,
  explainNew,
  explainSpike,
  explainThreshold,
  fillWeeks,
  poissonUpperTail,
  spikeTest,
  testWeeks,
  thresholdStatus,
  weekOf,
  type WeekCounts,
} from "@/lib/signals/stats";

const week = (w: string, events: number, civilian = 0, killed = 0, unknownKilled = 0): WeekCounts => ({ week: w, events, civilian, killed, unknownKilled });

describe("ISO weeks", () => {
  it("start on Monday, in UTC", () => {
    expect(weekOf("2026-12-04")).toBe("2026-11-30"); // a Friday
    expect(weekOf("2026-11-30")).toBe("2026-11-30"); // the Monday itself
    expect(weekOf("2026-12-06")).toBe("2026-11-30"); // the Sunday ends it
    expect(weekOf(new Date("2026-12-06T23:59:59Z"))).toBe("2026-11-30");
    expect(weekOf("2027-01-01")).toBe("2026-12-28"); // across the year's end
    expect(addWeeks("2026-11-30", -26)).toBe("2026-06-01");
  });

  it("are filled with zeros where no event happened", () => {
    const filled = fillWeeks([week("2026-11-16", 4)], "2026-11-09", "2026-11-23");
    expect(filled.map((w) => [w.week, w.events])).toEqual([
      ["2026-11-09", 0],
      ["2026-11-16", 4],
      ["2026-11-23", 0],
    ]);
  });
});

describe("the Poisson upper tail", () => {
  it("matches worked values of P(X >= k)", () => {
    // 1 - sum_{x<12} e^-3 3^x / x! = 0.0000714 (computed separately)
    expect(poissonUpperTail(12, 3)).toBeCloseTo(7.1387e-5, 6);
    expect(poissonUpperTail(5, 3)).toBeCloseTo(0.18474, 4);
    expect(poissonUpperTail(9, 3)).toBeCloseTo(0.0038030, 5);
    expect(poissonUpperTail(0, 3)).toBe(1);
  });

  it("is an upper bound below 0.0001 where the library's table ends (it never flags too much)", () => {
    const p = poissonUpperTail(40, 3)!; // truly about 1e-22
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThan(1e-4);
  });
});

describe("the spike test", () => {
  it("flags 12 against a steady 3 a week (plain Poisson: the dispersion is 1)", () => {
    const t = spikeTest(Array(26).fill(3), 12, 0.001)!;
    expect(t.baselineMean).toBe(3);
    expect(t.dispersion).toBe(1);
    expect(t.p).toBeCloseTo(7.1387e-5, 6);
    expect(t.flagged).toBe(true);
    expect(explainSpike("civilian", "2026-11-23", t)).toBe(
      "12 attacks on civilians in the week of 2026-11-23; 3 a week over the previous 26 weeks; by chance alone, a week like this comes less than 1 time in 10,000.",
    );
  });

  it("does not flag 9 against 3 a week at 1 in 1,000 (p = 0.0038), but does at 1 in 100", () => {
    expect(spikeTest(Array(26).fill(3), 9, 0.001)!.flagged).toBe(false);
    expect(spikeTest(Array(26).fill(3), 9, 0.01)!.flagged).toBe(true);
  });

  it("divides by the dispersion when the baseline varies more than a Poisson count (one week of 52 killed)", () => {
    const baseline = [...Array(25).fill(0), 52]; // mean 2, variance 100: dispersion 50
    const t = spikeTest(baseline, 60, 0.001)!;
    expect(t.baselineMean).toBe(2);
    expect(t.dispersion).toBe(50);
    // floor(60 / 50) = 1 against a rate of 2 / 50 = 0.04: 1 - e^-0.04 = 0.0392
    expect(t.p).toBeCloseTo(0.03921, 4);
    expect(t.flagged).toBe(false);
  });

  it("takes an empty baseline as one event in 26 weeks", () => {
    // P(X >= 2 | 1/26) = 0.00072; P(X >= 1 | 1/26) = 0.0377
    expect(spikeTest(Array(26).fill(0), 2, 0.001)!.p).toBeCloseTo(0.000721, 5);
    expect(spikeTest(Array(26).fill(0), 2, 0.001)!.flagged).toBe(true);
    expect(spikeTest(Array(26).fill(0), 1, 0.001)!.flagged).toBe(false);
  });

  it("never flags a week at or below the baseline", () => {
    expect(spikeTest(Array(26).fill(0), 0, 0.5)!.flagged).toBe(false);
    expect(spikeTest(Array(26).fill(3), 3, 0.9)!.flagged).toBe(false);
  });
});

describe("testing a series of weeks", () => {
  const weeks = Array.from({ length: 30 }, (_, i) => week(addWeeks("2026-05-04", i), i === 28 ? 12 : 3, 1, 2));

  it("tests only weeks with 26 weeks of record before them, and flags the spike", () => {
    const tested = testWeeks(weeks, "2026-05-04", 0.001);
    expect(tested.slice(0, 26).every((w) => Object.keys(w.tests).length === 0)).toBe(true);
    expect(tested[26].tests.events?.flagged).toBe(false);
    expect(tested[28].tests.events?.flagged).toBe(true);
    expect(tested[28].tests.civilian?.flagged).toBe(false);
    expect(tested[29].tests.events?.flagged).toBe(false);
  });

  it("leaves weeks untested when the record began inside their baseline", () => {
    const tested = testWeeks(weeks, "2026-05-11", 0.001);
    expect(tested[26].tests).toEqual({});
    expect(tested[27].tests.events).toBeDefined();
  });
});

describe("the mass-killing threshold", () => {
  it("takes the actor with the most civilians killed and says how close it is", () => {
    const t = thresholdStatus([
      { actor: "Militia A", killed: 420, events: 30, unknownKilled: 2 },
      { actor: "Army B", killed: 615, events: 12, unknownKilled: 0 },
    ])!;
    expect(t.actor).toBe("Army B");
    expect(t.share).toBeCloseTo(0.615);
    expect(t.crossed).toBe(false);
    expect(explainThreshold(t)).toBe(
      "Army B killed at least 615 civilians in attacks on civilians in the last 12 months: 61 % of the Early Warning Project's threshold of 1,000 for a mass killing.",
    );
  });

  it("is crossed at 1,000", () => {
    const t = thresholdStatus([{ actor: "Militia A", killed: 1000, events: 40, unknownKilled: 0 }])!;
    expect(t.crossed).toBe(true);
    expect(explainThreshold(t)).toContain("over the Early Warning Project's threshold of 1,000");
    expect(thresholdStatus([])).toBeNull();
  });
});

describe("plain words", () => {
  it("say how often a week like this comes by chance", () => {
    expect(chanceWords(0.00005)).toBe("less than 1 time in 10,000");
    expect(chanceWords(0.0007)).toBe("less than 1 time in 1,000");
    expect(chanceWords(0.004)).toBe("less than 1 time in 100");
    expect(chanceWords(0.25)).toBe("about 1 time in 4");
    expect(chanceWords(0.7)).toBe("more often than not");
  });

  it("name what is new", () => {
    expect(explainNew({ kind: "ACTOR", value: "Militia X", first: "2026-11-25", events: 3 })).toBe("A new actor, Militia X, first seen on 2026-11-25; events with it since: 3.");
  });
});

describe("the link to an alert's events", () => {
  it("is a path to a situation's events, or nothing", async () => {
    const { alertEventsHref, weekEventsHref, newThingEventsHref } = await import("@/lib/signals/links");
    expect(alertEventsHref({ eventsHref: weekEventsHref("cm1abc", "2026-11-16", "civilian") })).toBe("/situations/cm1abc?tab=events&from=2026-11-16&to=2026-11-22&civilian=1");
    expect(alertEventsHref({ eventsHref: newThingEventsHref("cm1abc", { kind: "ACTOR", value: "Rapid Support Forces (RSF)", first: "2026-11-20", events: 2 }) })).toBe(
      "/situations/cm1abc?tab=events&from=2026-11-20&actor=Rapid+Support+Forces+%28RSF%29",
    );
    expect(alertEventsHref({ eventsHref: "https://evil.example/situations/x?tab=events" })).toBeNull();
    expect(alertEventsHref({ eventsHref: "//evil.example/situations/x?a" })).toBeNull();
    expect(alertEventsHref({ assessmentId: "r1" })).toBeNull();
    expect(alertEventsHref(null)).toBeNull();
  });
});
