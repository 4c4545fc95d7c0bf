import { describe, expect, it } from "vitest";
import { roundAlerts, situationAlerts, type PublishedRoundFacts } from "@/lib/alerts/rules";
import { findEscalations, type RoundFacts } from "@/lib/dashboard/escalations";
import { scoreRound, scoreRoundV1, type IndicatorInput, type RatingInput } from "@/lib/indicators/score";

const indicators: IndicatorInput[] = Array.from({ length: 14 }, (_, f) => [1, 2].map((n) => ({ id: `${f + 1}.${n}`, code: `${f + 1}.${n}`, factor: f + 1, retired: false }))).flat();
function facts(id: string, ratings: RatingInput[]): PublishedRoundFacts {
  return {
    id,
    assessedOn: "2026-01-01",
    scores: scoreRoundV1(indicators, ratings),
    severe: ratings.filter((r) => r.level === "SEVERE").map((r) => ({ indicatorId: r.indicatorId, code: r.indicatorId, factor: Number(r.indicatorId.split(".")[0]) })),
  };
}
const situation = { id: "s1", title: "Country X" };

describe("alert rules on publishing a round", () => {
  it("raise a score rise at the threshold, critical at twice it, and nothing below it", () => {
    const low = facts("r1", [{ indicatorId: "1.1", level: "PRESENT" }]);
    const small = facts("r2", [{ indicatorId: "1.1", level: "SIGNIFICANT" }]);
    expect(roundAlerts(situation, low, small)).toEqual([]);
    const big = facts("r3", ["1.1", "1.2", "2.1", "2.2", "3.1", "3.2", "9.1", "9.2"].map((i) => ({ indicatorId: i, level: "SEVERE" as const })));
    const [rise] = roundAlerts(situation, low, big).filter((a) => a.rule === "SCORE_RISE");
    expect(rise.severity).toBe("CRITICAL");
    expect(rise.dedupeKey).toBe("SCORE_RISE:r3");
    expect(rise.title).toMatch(/^Country X: overall score rose [\d.]+ points/);
  });

  it("raise new severe indicators only in risk factors 7, 8 and 10, and only when newly severe", () => {
    const before = facts("r1", [{ indicatorId: "7.1", level: "SEVERE" }]);
    const after = facts("r2", [
      { indicatorId: "7.1", level: "SEVERE" },
      { indicatorId: "8.2", level: "SEVERE" },
      { indicatorId: "10.1", level: "SEVERE" },
      { indicatorId: "1.1", level: "SEVERE" },
    ]);
    const severe = roundAlerts(situation, before, after).find((a) => a.rule === "NEW_SEVERE_INDICATOR")!;
    expect(severe.detail.codes).toEqual(["8.2", "10.1"]);
    expect(severe.severity).toBe("CRITICAL");
    expect(roundAlerts(situation, after, after)).toEqual([]);
  });

  it("treat a first round's severe indicators in watched factors as new, and raise no score rise", () => {
    const first = facts("r1", [{ indicatorId: "8.1", level: "SEVERE" }]);
    expect(roundAlerts(situation, null, first).map((a) => a.rule)).toEqual(["NEW_SEVERE_INDICATOR"]);
  });
});

describe("alert rules on editing a situation", () => {
  const s = { id: "s1", title: "Country X", version: 4 };
  it("raise a category escalation only upwards", () => {
    expect(situationAlerts(s, { riskCategory: "MONITORING", crimes: [] }, { riskCategory: "IMMINENT_RISK", crimes: [] })).toMatchObject([
      { rule: "CATEGORY_ESCALATION", severity: "CRITICAL", dedupeKey: "CATEGORY_ESCALATION:s1:4", title: "Country X: risk category raised from Monitoring to Imminent risk" },
    ]);
    expect(situationAlerts(s, { riskCategory: "MONITORING", crimes: [] }, { riskCategory: "SERIOUS_CONCERN", crimes: [] })[0].severity).toBe("WARNING");
    expect(situationAlerts(s, { riskCategory: "CURRENT_CRISIS", crimes: [] }, { riskCategory: "MONITORING", crimes: [] })).toEqual([]);
  });
  it("raise a newly documented crime, not one documented already", () => {
    const before = { riskCategory: "CURRENT_CRISIS" as const, crimes: [{ crime: "WAR_CRIMES" as const, status: "DOCUMENTED" as const }, { crime: "GENOCIDE" as const, status: "ALLEGED" as const }] };
    const after = { riskCategory: "CURRENT_CRISIS" as const, crimes: [{ crime: "WAR_CRIMES" as const, status: "DOCUMENTED" as const }, { crime: "GENOCIDE" as const, status: "DOCUMENTED" as const }] };
    expect(situationAlerts(s, before, after).map((a) => [a.rule, a.detail.crime])).toEqual([["NEW_DOCUMENTED_CRIME", "GENOCIDE"]]);
  });
});

describe("dashboard escalations", () => {
  const since = new Date("2026-10-01");
  const round = (id: string, date: string, ratings: RatingInput[]): RoundFacts => {
    const f = facts(id, ratings);
    return { id, assessedOn: new Date(date), scores: f.scores, severeIds: f.severe.map((x) => x.indicatorId), severeCodes: Object.fromEntries(f.severe.map((x) => [x.indicatorId, x.code])) };
  };
  it("list situations whose latest round in the window rose or gained severe indicators, biggest rise first", () => {
    const rounds = new Map([
      ["up", [round("u2", "2026-11-01", [{ indicatorId: "1.1", level: "SEVERE" }, { indicatorId: "7.1", level: "SEVERE" }]), round("u1", "2026-06-01", [{ indicatorId: "1.1", level: "PRESENT" }])]],
      ["old", [round("o2", "2026-09-01", [{ indicatorId: "1.1", level: "SEVERE" }]), round("o1", "2026-06-01", [])]],
      ["down", [round("d2", "2026-11-01", []), round("d1", "2026-06-01", [{ indicatorId: "1.1", level: "SEVERE" }])]],
      ["single", [round("x1", "2026-11-01", [{ indicatorId: "1.1", level: "SEVERE" }])]],
    ]);
    const e = findEscalations(rounds, [], since);
    expect(e.map((x) => x.situationId)).toEqual(["up"]);
    expect(e[0].roundId).toBe("u2");
    expect(e[0].reasons.join("; ")).toMatch(/overall score .* → .*; 2 new severe indicators: Armed conflict or instability: 1.1; Enabling circumstances or preparation: 7.1$/);
  });
  it("add raised risk categories in the window, ignoring lowered ones and older changes", () => {
    const e = findEscalations(
      new Map(),
      [
        { situationId: "a", at: new Date("2026-11-02"), before: "MONITORING", after: "CURRENT_CRISIS" },
        { situationId: "b", at: new Date("2026-11-02"), before: "CURRENT_CRISIS", after: "MONITORING" },
        { situationId: "c", at: new Date("2026-09-02"), before: "MONITORING", after: "CURRENT_CRISIS" },
      ],
      since,
    );
    expect(e).toEqual([{ situationId: "a", roundId: null, reasons: ["risk category raised to Current crisis"], rise: 0 }]);
  });
});

describe("alert rules on method 2 scores (issue #27)", () => {
  const v2 = (id: string, ratings: RatingInput[], all = true): PublishedRoundFacts => {
    const rated = all ? [...ratings, ...indicators.filter((i) => !ratings.some((r) => r.indicatorId === i.id)).map((i) => ({ indicatorId: i.id, level: "NONE" as const }))] : ratings;
    return {
      id,
      assessedOn: "2026-01-01",
      scores: scoreRound(indicators, rated),
      severe: ratings.filter((r) => r.level === "SEVERE").map((r) => ({ indicatorId: r.indicatorId, code: r.indicatorId, factor: Number(r.indicatorId.split(".")[0]) })),
    };
  };
  it("name new severe indicators by their risk factor, each once, in-app and in e-mail (the alert's title)", () => {
    const after = v2("r2", [
      { indicatorId: "8.2", level: "SEVERE" },
      { indicatorId: "8.1", level: "SEVERE" },
      { indicatorId: "10.1", level: "SEVERE" },
    ]);
    const [severe] = roundAlerts(situation, null, after);
    expect(severe.title).toBe("Country X: 3 new severe indicators. Triggers: 8.1, 8.2; Intent to destroy a group: 10.1.");
    expect(roundAlerts(situation, null, v2("r3", [{ indicatorId: "7.2", level: "SEVERE" }]))[0].title).toBe("Country X: a new severe indicator. Enabling circumstances or preparation: 7.2.");
  });
  it("raise no score rise from a round assessed too little, nor between two methods", () => {
    const sparse = v2("r1", [{ indicatorId: "1.1", level: "PRESENT" }], false);
    const full = v2("r2", ["1.1", "1.2", "2.1", "2.2", "3.1", "3.2", "9.1", "9.2"].map((i) => ({ indicatorId: i, level: "SEVERE" as const })));
    expect(full.scores.overall.lowConfidence).toBe(false);
    expect(roundAlerts(situation, sparse, full).filter((a) => a.rule === "SCORE_RISE")).toEqual([]);
    expect(roundAlerts(situation, facts("r0", []), full).filter((a) => a.rule === "SCORE_RISE")).toEqual([]);
    const calm = v2("r1", [{ indicatorId: "1.1", level: "PRESENT" }]);
    expect(roundAlerts(situation, calm, full).map((a) => a.rule)).toContain("SCORE_RISE");
  });
});
