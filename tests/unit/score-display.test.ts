// What an analyst reads of scores (issue #27): never a bare low number for a round mostly not
// assessed, names with codes, "Not rated" apart from None, one colour scale.
import { describe, expect, it } from "vitest";
import { FRAMEWORK_FACTORS } from "@/prisma/seed-data/framework";
import { scoreRound, scoreRoundV1, type IndicatorInput, type RatingInput } from "@/lib/indicators/score";
import { compareRounds } from "@/lib/indicators/compare";
import { scoreBand, scoreClass, SCORE_BAND_COLOURS } from "@/lib/indicators/score-text";
import { factorScoreTable, scoreColour, scoreSummaryMarkup } from "@/components/indicators/score-summary";
import { roundComparisonMarkup } from "@/components/indicators/round-comparison";
import { HeatmapRows } from "@/components/dashboard/heatmap-rows";

const catalogue: IndicatorInput[] = FRAMEWORK_FACTORS.flatMap((f) => f.indicators.map((i) => ({ id: i.code, code: i.code, factor: f.number, retired: false })));
const titles = Object.fromEntries(FRAMEWORK_FACTORS.map((f) => [f.number, f.title]));
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#39;/g, "'").replace(/\s+/g, " ");
const all = (given: RatingInput[]): RatingInput[] => [...given, ...catalogue.filter((i) => !given.some((g) => g.indicatorId === i.id)).map((i) => ({ indicatorId: i.id, level: "NONE" as const }))];

describe("scores as an analyst reads them", () => {
  it("a round at 9% coverage reads 'Not enough assessed', with no bare number for the overall score or any crime", () => {
    const ratings = ["9.1", "9.2", "9.3", "9.4", "9.5", "9.6", "11.1", "11.2", "11.3", "11.4", "11.5", "8.1"].map((c) => ({ indicatorId: c, level: "SEVERE" as const }));
    const s = scoreRound(catalogue, ratings);
    const shown = text(scoreSummaryMarkup(s, {}).value);
    expect(shown).toContain("Overall score Not enough assessed (coverage 9%)");
    expect(shown).toContain("12 of 131 indicators assessed (9%)");
    expect(shown).toContain("Scored with method 2");
    for (const crime of ["Genocide", "War crimes", "Crimes against humanity", "Ethnic cleansing", "Incitement"]) expect(shown).toMatch(new RegExp(`${crime} Not enough assessed`));
    expect(shown).toContain("this tool's convention");
    // What is assessed is named, never a bare figure: ethnic cleansing's own factors rest on 11 of 12 indicators, its common ones on 1 of 83.
    expect(shown).toContain("100 (2 of 2 present; 11 of 12 indicators assessed)");
    expect(shown).toContain("Not enough assessed (1 of 83 indicators assessed; 1 of 8 present)");
    expect(shown).toContain("No crime is assessed enough to say which is most at risk.");
    // The crime's drivers name their risk factor.
    expect(shown).toContain("Intergroup tensions: 9.1 (Severe)");
  });

  it("a method 1 round reads as published, with 'coverage not recorded'", () => {
    const shown = text(scoreSummaryMarkup(scoreRoundV1(catalogue, [{ indicatorId: "1.1", level: "SEVERE" }]), {}).value);
    expect(shown).toContain("Overall score 0.9 / 100");
    expect(shown).toContain("Coverage not recorded");
    expect(text(factorScoreTable(scoreRoundV1(catalogue, []), titles).value)).toContain("Coverage not recorded");
  });

  it("a factor not assessed says so in the factor table", () => {
    const shown = text(factorScoreTable(scoreRound(catalogue, [{ indicatorId: "1.1", level: "SEVERE" }]), titles).value);
    expect(shown).toContain("2. Record of serious violations of international human rights and humanitarian law Not assessed");
  });

  it("the comparison tells 'Not rated → Severe' from 'None → Severe', each change once, with the factor's name", () => {
    const before = all([{ indicatorId: "7.2", level: "NONE" }]).filter((r) => r.indicatorId !== "8.1");
    const after = all([
      { indicatorId: "7.2", level: "SEVERE" },
      { indicatorId: "8.1", level: "SEVERE" },
    ]);
    const c = compareRounds(catalogue, { ratings: before, scores: scoreRound(catalogue, before) }, { ratings: after, scores: scoreRound(catalogue, after) });
    const shown = text(roundComparisonMarkup({ comparison: c, text: {}, titles, againstLabel: "the round of 2026-01-01" }).value);
    expect(shown).toContain("None → Severe 7.2 (Enabling circumstances or preparation)");
    expect(shown).toContain("Not rated → Severe 8.1 (Triggers)");
    expect(shown.match(/→ Severe 7\.2/g)).toHaveLength(1);
    expect(shown).toContain("Indicators that rose None rose.");
  });

  it("colours every score from one scale, and a low-confidence one hatched grey, not a colour of it", () => {
    expect([0, 9.9, 10, 24.9, 25, 40, 60, 100].map(scoreBand)).toEqual([0, 0, 1, 1, 2, 3, 4, 4]);
    expect(scoreClass(41.7)).toBe("heat-cell heat-3");
    expect(scoreColour(41.7)).toEqual(SCORE_BAND_COLOURS[3]);
    expect(scoreClass(80, true)).toBe("heat-cell heat-low");
    const row = HeatmapRows({ rows: [{ id: "s", title: "X", date: "2026-01-01", scores: [{ score: 17.3 }, { score: 100, low: "Not enough assessed (coverage 9%)" }] }] });
    const html = (row.props as { dangerouslySetInnerHTML: { __html: string } }).dangerouslySetInnerHTML.__html;
    expect(html).toContain('<td class="heat-cell heat-1">17.3</td>');
    expect(html).toContain('class="heat-cell heat-low" title="Not enough assessed (coverage 9%)"');
    expect(text(html)).not.toContain("100");
  });
});
