import { describe, expect, it } from "vitest";
import { fieldChanges, riskTimeline } from "@/lib/situations/history";

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe("risk-category timeline", () => {
  it("is empty without any recorded category", () => {
    expect(riskTimeline([{ at: d("2026-01-01"), action: "situation.update", before: {}, after: { title: "x" } }])).toEqual([]);
  });

  it("merges repeats, orders by date whatever the input order, and runs to now", () => {
    const now = d("2026-06-01");
    const segs = riskTimeline(
      [
        { at: d("2026-03-01"), action: "situation.update", before: {}, after: { riskCategory: "CURRENT_CRISIS" } },
        { at: d("2026-01-01"), action: "situation.create", before: null, after: { riskCategory: "MONITORING" } },
        { at: d("2026-02-01"), action: "situation.update", before: {}, after: { riskCategory: "MONITORING", title: "t" } },
      ],
      now,
    );
    expect(segs).toEqual([
      { category: "MONITORING", from: d("2026-01-01"), to: d("2026-03-01") },
      { category: "CURRENT_CRISIS", from: d("2026-03-01"), to: now },
    ]);
  });
});

describe("field changes", () => {
  it("reads labels and values as people say them, crimes one by one", () => {
    const changes = fieldChanges({
      at: d("2026-01-01"),
      action: "situation.update",
      before: { riskCategory: "MONITORING", crimes: { GENOCIDE: { status: "NOT_ASSESSED", rationale: "" } } },
      after: { riskCategory: "IMMINENT_RISK", crimes: { GENOCIDE: { status: "RISK", rationale: "Hate speech.", sourceIds: ["a", "b"] } } },
    });
    expect(changes).toEqual([
      { label: "Risk category", before: "Monitoring", after: "Imminent risk" },
      { label: "Genocide", before: "Not assessed", after: "At risk: Hate speech. (cites 2 sources)" },
    ]);
  });
});
