import { describe, expect, it } from "vitest";
import { bulletinOrder, bulletinPeriod, parseBulletinQuery, periodDays, periodError } from "@/lib/briefs/bulletin";

describe("the coalition bulletin's order", () => {
  it("puts the most serious category first, then the highest latest score, a score not enough assessed after the scored ones", () => {
    const order = bulletinOrder([
      { title: "Myanmar", riskCategory: "CURRENT_CRISIS", overall: { score: 23.6 } },
      { title: "Sudan", riskCategory: "CURRENT_CRISIS", overall: { score: 37 } },
      { title: "Afghanistan", riskCategory: "CURRENT_CRISIS", overall: { score: 5, lowConfidence: true } },
      { title: "Burundi", riskCategory: "CURRENT_CRISIS", overall: null },
      { title: "Ethiopia", riskCategory: "IMMINENT_RISK", overall: { score: 80 } },
      { title: "Haiti", riskCategory: "MONITORING", overall: { score: 90 } },
      { title: "DRC", riskCategory: "CURRENT_CRISIS", overall: { score: 37 } },
    ]).map((e) => e.title);
    expect(order).toEqual(["DRC", "Sudan", "Myanmar", "Afghanistan", "Burundi", "Ethiopia", "Haiti"]);
  });
});

describe("the coalition bulletin's query", () => {
  const q = (s: string) => parseBulletinQuery(new URLSearchParams(s));

  it("takes chosen situations separated by commas or repeated, each once as given", () => {
    const r = q("situations=a,b&situations=c,a&from=2026-08-01&to=2026-11-30&format=docx");
    expect(r.success && r.data).toEqual({ situations: ["a", "b", "c"], from: "2026-08-01", to: "2026-11-30", format: "docx" });
    const none = q("from=&to=");
    expect(none.success && none.data).toEqual({ situations: [], format: "pdf" });
  });

  it("refuses dates that do not exist or are not written YYYY-MM-DD, a period that ends before it starts, and unknown formats", () => {
    for (const bad of ["from=2026-02-30", "to=2026-13-01", "from=1/2/2026", "from=2026-8-1", "from=2026-11-30&to=2026-08-01", "format=html"]) expect(q(bad).success, bad).toBe(false);
    const long = q(`situations=${"x".repeat(41)}`);
    expect(!long.success && long.error.issues[0].message).toBe("A chosen situation's id is not valid.");
    const r = q("from=2026-11-30&to=2026-08-01");
    expect(!r.success && r.error.issues[0].message).toBe("The period must start on or before the day it ends.");
  });

  it("covers the last 4 months up to today by default", () => {
    expect(bulletinPeriod({}, "2026-12-04")).toEqual({ from: "2026-08-05", to: "2026-12-04" });
    expect(bulletinPeriod({ to: "2026-06-30" }, "2026-12-04")).toEqual({ from: "2026-03-01", to: "2026-06-30" });
    expect(bulletinPeriod({ from: "2026-01-01" }, "2026-12-04")).toEqual({ from: "2026-01-01", to: "2026-12-04" });
    expect(periodDays({ from: "2026-12-01", to: "2026-12-04" })).toBe(4);
  });

  it("is at most 3 years long, and a start after today with no end is refused too", () => {
    expect(periodError(bulletinPeriod({ from: "2023-12-10" }, "2026-12-04"))).toBeNull();
    expect(periodError(bulletinPeriod({ from: "2020-01-01" }, "2026-12-04"))).toBe("Choose a period of at most 3 years.");
    expect(periodError(bulletinPeriod({ from: "2027-01-01" }, "2026-12-04"))).toBe("The period must start on or before the day it ends.");
  });
});
