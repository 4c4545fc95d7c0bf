import { describe, expect, it } from "vitest";
import { describeExternalRating, diverges, divergenceSentence, latestBySystem, ordinal } from "@/lib/external-ratings/present";
import { externalRatingInputSchema, emptyExternalRatingInput, probabilityOf, toExternalRatingInput, toExternalRatingRecord } from "@/lib/external-ratings/schemas";

const base = { score: null, rank: null, rankOf: null, year: null, stage: null, ratedOn: new Date("2025-01-01") };
const ewp = (rank: number) => ({ ...base, system: "EWP", value: String(rank), rank, rankOf: 162, score: 0.148, year: 2025 });

describe("external ratings as people read them", () => {
  it("words the Early Warning Project's rank as the issue asks, with our category", () => {
    expect(divergenceSentence(ewp(3), "SERIOUS_CONCERN")).toBe("Ranked 3rd of 162 by the Early Warning Project; our category: Serious concern.");
    expect(describeExternalRating(ewp(3))).toBe("Ranked 3rd of 162; estimated risk of a new mass killing in 2025: 14.8%");
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal)).toEqual(["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st"]);
    expect(describeExternalRating({ ...base, system: "GENOCIDE_WATCH", value: "EMERGENCY", stage: 9 })).toBe("Genocide Emergency, stage 9 of 10 (Extermination)");
  });

  it("flags a divergence by the documented rule", () => {
    // EWP's top 30 against our Current crisis or Imminent risk.
    expect(diverges(ewp(3), "SERIOUS_CONCERN")).toBe(true);
    expect(diverges(ewp(3), "IMMINENT_RISK")).toBe(false);
    expect(diverges(ewp(30), "MONITORING")).toBe(true);
    expect(diverges(ewp(31), "MONITORING")).toBe(false);
    expect(diverges(ewp(120), "CURRENT_CRISIS")).toBe(true);
    // The R2P Monitor's categories are ours: any other category diverges.
    const r2p = (value: string) => ({ ...base, system: "R2P_MONITOR", value });
    expect(diverges(r2p("CURRENT_CRISIS"), "CURRENT_CRISIS")).toBe(false);
    expect(diverges(r2p("CURRENT_CRISIS"), "IMMINENT_RISK")).toBe(true);
    expect(divergenceSentence(r2p("CURRENT_CRISIS"), "IMMINENT_RISK")).toBe("The R2P Monitor's category is Current Crisis; our category: Imminent risk.");
    // Genocide Watch's Warning and Emergency are the higher band.
    const gw = (value: string) => ({ ...base, system: "GENOCIDE_WATCH", value, stage: 7 });
    expect(diverges(gw("WARNING"), "IMMINENT_RISK")).toBe(false);
    expect(diverges(gw("WATCH"), "CURRENT_CRISIS")).toBe(true);
    expect(diverges(gw("EMERGENCY"), "MONITORING")).toBe(true);
  });

  it("keeps the latest of each system", () => {
    const r = (system: string, day: string, created: string, value = "x") => ({ ...base, system, value, ratedOn: new Date(day), createdAt: new Date(created) });
    const latest = latestBySystem([r("GENOCIDE_WATCH", "2024-01-01", "2024-01-02"), r("EWP", "2023-01-01", "2024-01-01", "old"), r("EWP", "2024-01-01", "2024-01-01", "new"), r("EWP", "2024-01-01", "2024-02-01", "newer")]);
    expect(latest.map((x) => [x.system, x.value])).toEqual([["EWP", "newer"], ["GENOCIDE_WATCH", "x"]]);
  });
});

describe("the external rating schema", () => {
  it("reads probabilities between 0 and 1 or with a percent sign, never a bare number above 1", () => {
    expect(probabilityOf("0.148")).toBe(0.148);
    expect(probabilityOf("14.8%")).toBe(0.148);
    expect(probabilityOf("14.8")).toBeNull();
    expect(probabilityOf("101%")).toBeNull();
  });

  it("round-trips a stored rating through the form's values", () => {
    const input = { ...emptyExternalRatingInput("EWP"), ratedOn: "2024-12-10", rank: "3", rankOf: "162", probability: "0.148", year: "2025" };
    expect(externalRatingInputSchema.safeParse(input).success).toBe(true);
    const record = toExternalRatingRecord(input);
    expect(toExternalRatingInput({ ...record, note: "" })).toEqual(input);
  });
});

describe("the situation page's external ratings section", () => {
  it("shows the latest of each body with its link and date, and the divergence in plain words", async () => {
    const { createElement } = await import("react");
    const { renderToStaticMarkup } = await import("react-dom/server");
    const { ExternalRatingsSection } = await import("@/components/external-ratings/external-ratings-section");
    const rating = (over: { system: string; value: string } & Record<string, unknown>) => ({ ...base, id: String(Math.random()), url: null as string | null, note: "", createdAt: new Date("2025-01-01"), canChange: false, ...over });
    const html = renderToStaticMarkup(
      createElement(ExternalRatingsSection, {
        situationId: "s1",
        ours: "SERIOUS_CONCERN",
        canRecord: true,
        ratings: [
          rating({ ...ewp(3), url: "https://earlywarningproject.ushmm.org/", ratedOn: new Date("2024-12-10"), canChange: true, id: "e1" }),
          rating({ ...ewp(40), ratedOn: new Date("2023-12-10") }),
          rating({ system: "R2P_MONITOR", value: "SERIOUS_CONCERN", ratedOn: new Date("2022-11-15") }),
        ],
      }),
    );
    const text = html.replace(/<[^>]+>/g, " ").replace(/&#x27;|&#39;/g, "'").replace(/\s+/g, " ");
    expect(text).toContain("Early Warning Project Ranked 3rd of 162; estimated risk of a new mass killing in 2025: 14.8% 2024-12-10 Differs: Ranked 3rd of 162 by the Early Warning Project; our category: Serious concern.");
    expect(text).toContain("R2P Monitor Serious Concern (retired in March 2023) 2022-11-15 Agrees with ours");
    expect(html).toContain('href="https://earlywarningproject.ushmm.org/"');
    expect(html).toContain('href="/situations/s1/external-ratings/e1"');
    expect(text).toContain("All 3 recorded ratings, newest first");
  });
});
