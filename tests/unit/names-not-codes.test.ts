// Names, not codes (issue #27): wherever an analyst reads an indicator's code or a risk factor's
// number, its name goes with it. What each text function and component shows.
import { describe, expect, it, vi } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { alertTitleText, watchedFactorsText } from "@/lib/alerts/rules";
import { auditValueText } from "@/lib/audit/describe";
import { scoreRoundV1 } from "@/lib/indicators/score";
import { EXAMPLE_CATALOGUE } from "@/lib/indicators/score-examples";
import { scoreSummaryMarkup } from "@/components/indicators/score-summary";

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: () => {}, refresh: () => {} }) }));
vi.mock("@/app/(app)/indicators/actions", () => ({
  saveRoundAction: async () => ({ ok: true }),
  publishRoundAction: async () => ({ ok: true }),
  discardRoundAction: async () => ({ ok: true }),
  createIndicatorAction: async () => ({ ok: true }),
  updateIndicatorAction: async () => ({ ok: true }),
  retireIndicatorAction: async () => ({ ok: true }),
}));

const textOf = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("alerts", () => {
  it("a new-severe-indicator alert stored before indicators were named is read with its risk factors' names, in the inbox and e-mail", () => {
    expect(alertTitleText({ rule: "NEW_SEVERE_INDICATOR", title: "Sudan: new severe indicators 8.2, 7.1, 10.1" })).toBe(
      "Sudan: 3 new severe indicators. Enabling circumstances or preparation: 7.1; Triggers: 8.2; Intent to destroy a group: 10.1.",
    );
    expect(alertTitleText({ rule: "NEW_SEVERE_INDICATOR", title: "DRC: Ituri: new severe indicator 8.7" })).toBe("DRC: Ituri: a new severe indicator. Triggers: 8.7.");
    // Titles stored with names, and other alerts, are shown as stored.
    const named = "Sudan: a new severe indicator. Triggers: 8.7.";
    expect(alertTitleText({ rule: "NEW_SEVERE_INDICATOR", title: named })).toBe(named);
    expect(alertTitleText({ rule: "SCORE_RISE", title: "Sudan: overall score rose 12 points (40 → 52)" })).toBe("Sudan: overall score rose 12 points (40 → 52)");
  });

  it("the risk factors whose new severe indicators raise an alert are named", () => {
    expect(watchedFactorsText()).toBe("7 (Enabling circumstances or preparation), 8 (Triggers) or 10 (Intent to destroy a group)");
  });
});

describe("scores", () => {
  it("a method 1 round names the risk factors each crime's score counted", () => {
    const scores = scoreRoundV1(EXAMPLE_CATALOGUE, [{ indicatorId: "10.1", level: "SEVERE" }]);
    const text = textOf(scoreSummaryMarkup(scores, {}).value);
    expect(text).toContain("Genocide");
    expect(text).toContain("The common risk factors (1–8); 9. Intergroup tensions; 10. Intent to destroy a group");
    expect(text).toContain("The common risk factors (1–8); 13. Threats to people protected by humanitarian law; 14. Threats to humanitarian or peacekeeping operations");
    expect(text).not.toMatch(/1–8, \d/);
  });

  it("the trend chart's imminence line is named by its risk factors", async () => {
    const { SERIES } = await import("@/components/indicators/score-trend-chart");
    expect(SERIES.find((s) => s.key === "imminence")!.name).toBe("Imminence (7. Enabling circumstances or preparation; 8. Triggers)");
  });
});

describe("the rating form", () => {
  const factors = [
    { number: 1, title: "Situations of armed conflict or other forms of instability" },
    { number: 2, title: "Record of serious violations of international human rights and humanitarian law" },
  ];
  const indicators = [
    { id: "i11", code: "1.1", text: "International or non-international armed conflict.", factor: 1, retired: false, own: false },
    { id: "i21", code: "2.1", text: "Past or present serious restrictions to or violations of human rights.", factor: 2, retired: false, own: false },
  ];

  it("jumps to a risk factor by a number on screen, its title on hover and for screen readers", async () => {
    const { RoundForm } = await import("@/components/indicators/round-form");
    const html = renderToStaticMarkup(
      createElement(RoundForm, {
        situationId: "s1",
        round: { id: "r1", version: 1, assessedOn: "2026-01-01", summary: "" },
        factors,
        indicators,
        ratings: { i11: { level: "SEVERE", trend: "", confidence: "", evidence: "", sourceIds: [] } },
        previous: null,
        sources: [],
        today: "2026-01-02",
        minCoverage: 50,
      }),
    );
    const nav = /<nav aria-label="Jump to a risk factor">(.*?)<\/nav>/s.exec(html)![1];
    expect(nav).toContain('title="Situations of armed conflict or other forms of instability"');
    expect(nav).toContain('<span class="visually-hidden">1. Situations of armed conflict or other forms of instability: 1 of 1 rated</span>');
    expect(nav).toContain('<span class="visually-hidden">2. Record of serious violations of international human rights and humanitarian law: 0 of 1 rated</span>');
    // The bare number is for the eye only.
    expect(nav).toMatch(/<span aria-hidden="true">1<span class="muted small">/);
  });

  it("names an indicator changed by someone else meanwhile with its risk factor", async () => {
    const { roundItemLabel } = await import("@/components/indicators/round-form");
    expect(roundItemLabel({ indicatorId: "i21" }, indicators)).toBe("Indicator 2.1 (Record of serious violations)");
    expect(roundItemLabel({ field: "summary" }, indicators)).toBe("Summary of this round");
    expect(roundItemLabel({ indicatorId: "new" }, indicators)).toBe("An indicator added after you opened this page");
  });
});

describe("the catalogue", () => {
  it("says which indicator was added with its risk factor's name", async () => {
    const { indicatorAddedText } = await import("@/components/indicators/catalogue-admin");
    expect(indicatorAddedText("7.15", 7)).toBe("Indicator 7.15 (Enabling circumstances or preparation) added.");
  });

  it("asks before retiring an own indicator by its words, not its code alone", async () => {
    const { retireConfirmText } = await import("@/components/indicators/catalogue-admin");
    expect(retireConfirmText({ code: "8.13", text: "Sudden closure of the border crossings." })).toBe(
      "Retire 8.13 (Sudden closure of the border crossings.)? It stays in past ratings but is left out of new rounds and scores.",
    );
  });
});

describe("the audit log", () => {
  it("names the indicators a round's save changed, where it shows them", () => {
    const after = { summary: "New reports", "8.7": { level: "SEVERE" }, "10.1": null };
    expect(auditValueText("assessment.save", after)).toBe('{"summary":"New reports","8.7 (Triggers)":{"level":"SEVERE"},"10.1 (Intent to destroy a group)":null}');
    // Other entries are shown as stored, cut to the cell's length.
    expect(auditValueText("situation.update", { title: "x".repeat(400) })).toHaveLength(300);
    expect(auditValueText("indicator.create", { code: "7.15", text: "Our own indicator." })).toBe('{"code":"7.15","text":"Our own indicator."}');
    expect(auditValueText("assessment.save", null)).toBe("");
  });
});
