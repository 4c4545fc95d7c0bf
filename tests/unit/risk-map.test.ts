// The dashboard's risk map (issue #27): each country coloured by its highest overall score on the one
// scale of the bars and heatmap; not enough assessed and no published round never look like a low
// score; every situation named, with its risk category, in the country's label.
import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { FRAMEWORK_FACTORS } from "@/prisma/seed-data/framework";
import { scoreRound, type IndicatorInput, type RoundScores } from "@/lib/indicators/score";
import { SCORE_BAND_COLOURS, scoreBandText } from "@/lib/indicators/score-text";
import { countryLabel, riskMapCountries, shadeText } from "@/lib/dashboard/map-countries";
import { mapDrawing, mapRows, shadeFill, WorldMap } from "@/components/dashboard/world-map";
import type { RiskCategory } from "@/lib/generated/prisma/enums";

const catalogue: IndicatorInput[] = FRAMEWORK_FACTORS.flatMap((f) => f.indicators.map((i) => ({ id: i.code, code: i.code, factor: f.number, retired: false })));
/** A round of 12 Severe indicators of 131 (9%): below the default minimum coverage. */
const lowRound = scoreRound(
  catalogue,
  ["9.1", "9.2", "9.3", "9.4", "9.5", "9.6", "11.1", "11.2", "11.3", "11.4", "11.5", "8.1"].map((c) => ({ indicatorId: c, level: "SEVERE" as const })),
);
const scored = (score: number): { scores: Pick<RoundScores, "overall"> } => ({
  scores: { overall: { score, drivers: [], crime: "GENOCIDE", rated: 120, total: 131, coverage: 91, lowConfidence: false } },
});

let n = 0;
const situation = (iso3: string, name: string, title: string, riskCategory: RiskCategory) => ({ id: `s${++n}`, title, riskCategory, countryIso3: iso3, country: { name } });
const scaleColours = SCORE_BAND_COLOURS.map((c) => c.background);

describe("the risk map's colour per country", () => {
  it("colours a scored country by its overall score on the heatmap's scale, and names its situation and risk category", () => {
    const s = situation("SDN", "Sudan", "Demo: Sudan, Darfur", "CURRENT_CRISIS");
    const [sudan] = riskMapCountries([s], new Map([[s.id, scored(41.7)]]));
    expect(sudan.shade).toBe(3);
    expect(shadeFill(sudan.shade)).toBe("#2171b5");
    expect(shadeText(sudan.shade)).toBe("40 to under 60");
    expect(sudan.href).toBe(`/situations/${s.id}`);
    expect(countryLabel(sudan)).toBe("Sudan: Demo: Sudan, Darfur (Current crisis), overall score 41.7.");
  });

  it("a round below the minimum coverage is hatched, not a pale colour of the scale, and says why", () => {
    const s = situation("MMR", "Myanmar", "Myanmar, Rakhine", "IMMINENT_RISK");
    const [myanmar] = riskMapCountries([s], new Map([[s.id, { scores: lowRound }]]));
    expect(lowRound.overall.lowConfidence).toBe(true);
    expect(myanmar.shade).toBe("low");
    expect(shadeFill(myanmar.shade)).toBe("url(#map-low)");
    expect(scaleColours).not.toContain(shadeFill(myanmar.shade));
    expect(countryLabel(myanmar)).toBe("Myanmar: Myanmar, Rakhine (Imminent risk), not enough assessed (coverage 9%).");
    // Not the bare low number the round would otherwise carry.
    expect(countryLabel(myanmar)).not.toMatch(/score \d/);
  });

  it("a situation with no published round is dotted, apart from both the scale and 'not enough assessed'", () => {
    const s = situation("HTI", "Haiti", "Haiti", "SERIOUS_CONCERN");
    const [haiti] = riskMapCountries([s], new Map());
    expect(haiti.shade).toBe("none");
    expect(shadeFill(haiti.shade)).toBe("url(#map-none)");
    expect(scaleColours).not.toContain(shadeFill(haiti.shade));
    expect(shadeText(haiti.shade)).toBe("No published round");
    expect(countryLabel(haiti)).toBe("Haiti: Haiti (Serious concern), no published round.");
  });

  it("with several situations, the highest score colours the country and the label names them all, that one first", () => {
    const a = situation("COD", "DR Congo", "DRC, Kasai", "MONITORING");
    const b = situation("COD", "DR Congo", "DRC, Ituri", "IMMINENT_RISK");
    const c = situation("COD", "DR Congo", "DRC, North Kivu", "CURRENT_CRISIS");
    const d = situation("COD", "DR Congo", "DRC, Kinshasa", "RESOLVED");
    const [congo] = riskMapCountries(
      [a, b, c, d],
      new Map([
        [a.id, scored(17.3)],
        [b.id, scored(62)],
        [c.id, { scores: lowRound }],
      ]),
    );
    expect(congo.shade).toBe(4);
    expect(shadeFill(congo.shade)).toBe("#08306b");
    expect(congo.href).toBe("/situations?country=COD");
    expect(congo.situations.map((s) => s.title)).toEqual(["DRC, Ituri", "DRC, Kasai", "DRC, North Kivu", "DRC, Kinshasa"]);
    expect(countryLabel(congo)).toBe(
      "DR Congo, 4 situations, coloured by the highest overall score: DRC, Ituri (Imminent risk), overall score 62. " +
        "Also: DRC, Kasai (Monitoring), overall score 17.3; DRC, North Kivu (Current crisis), not enough assessed (coverage 9%); DRC, Kinshasa (Resolved), no published round.",
    );
  });

  it("with several situations and no score among them, 'not enough assessed' shows before 'no published round', and the label says none is scored", () => {
    const a = situation("SSD", "South Sudan", "South Sudan, Jonglei", "CURRENT_CRISIS");
    const b = situation("SSD", "South Sudan", "South Sudan, Upper Nile", "IMMINENT_RISK");
    const [southSudan] = riskMapCountries([a, b], new Map([[b.id, { scores: lowRound }]]));
    expect(southSudan.shade).toBe("low");
    expect(countryLabel(southSudan)).toBe(
      "South Sudan, 2 situations, none with an overall score: South Sudan, Upper Nile (Imminent risk), not enough assessed (coverage 9%); South Sudan, Jonglei (Current crisis), no published round.",
    );
  });

  it("orders the countries as the table lists them: highest score first, then not enough assessed, then no published round", () => {
    const list = [situation("HTI", "Haiti", "Haiti", "CURRENT_CRISIS"), situation("MMR", "Myanmar", "Rakhine", "CURRENT_CRISIS"), situation("SDN", "Sudan", "Darfur", "MONITORING"), situation("YEM", "Yemen", "Yemen", "RESOLVED")];
    const countries = riskMapCountries(
      list,
      new Map([
        [list[1].id, { scores: lowRound }],
        [list[2].id, scored(8)],
        [list[3].id, scored(70.9)],
      ]),
    );
    expect(countries.map((c) => [c.name, c.shade])).toEqual([
      ["Yemen", 4],
      ["Sudan", 0],
      ["Myanmar", "low"],
      ["Haiti", "none"],
    ]);
  });
});

describe("the risk map's drawing, legend and table", () => {
  const s1 = situation("SDN", "Sudan", "Demo: Sudan, Darfur", "CURRENT_CRISIS");
  const s2 = situation("MMR", "Myanmar", "Rakhine <north>", "IMMINENT_RISK");
  const countries = riskMapCountries(
    [s1, s2],
    new Map([
      [s1.id, scored(70.9)],
      [s2.id, { scores: lowRound }],
    ]),
  );

  it("links each country with its label and fills it with its shade; countries without a situation are plain grey, drawn first", () => {
    const [drawing, rows] = [mapDrawing("FRA,SDN,,MMR", countries), mapRows(countries)];
    expect(drawing).toContain(`<a href="/situations/${s1.id}" aria-label="Sudan: Demo: Sudan, Darfur (Current crisis), overall score 70.9."><title>`);
    expect(drawing).toContain(`<use href="/maps/world.svg#c-SDN" fill="#08306b"/>`);
    expect(drawing).toContain(`<use href="/maps/world.svg#c-MMR" fill="url(#map-low)"/>`);
    expect(drawing).toContain(`aria-label="Myanmar: Rakhine &lt;north&gt; (Imminent risk), not enough assessed (coverage 9%)."`);
    expect(drawing).toContain('<pattern id="map-low"');
    expect(drawing).toContain('<pattern id="map-none"');
    expect(drawing.indexOf("c-FRA")).toBeLessThan(drawing.indexOf("c-SDN"));
    expect(drawing.indexOf("#c-2")).toBeLessThan(drawing.indexOf("c-SDN"));
    const cells = (html: string) => [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((r) => [...r[1].matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((c) => c[1].replace(/<[^>]+>/g, "")));
    expect(cells(rows)).toEqual([
      ["Sudan", "60 to 100", "Demo: Sudan, Darfur (Current crisis), overall score 70.9"],
      ["Myanmar", "Not enough assessed", "Rakhine &lt;north&gt; (Imminent risk), not enough assessed (coverage 9%)"],
    ]);
    expect(rows).toContain(`<a href="/situations/${s1.id}">Sudan</a>`);
    // The colour's sample beside its words, filled as on the map.
    expect(rows).toContain('<rect width="16" height="16" fill="url(#map-low)"/></svg>Not enough assessed</td>');
    // Several situations: one item each, the one that colours the country first.
    const a = situation("COD", "DR Congo", "Kasai", "MONITORING");
    const b = situation("COD", "DR Congo", "Ituri", "IMMINENT_RISK");
    const several = mapRows(riskMapCountries([a, b], new Map([[a.id, scored(17.3)], [b.id, scored(62)]])));
    expect(several).toContain('<ul class="map-situations"><li>Ituri (Imminent risk), overall score 62</li><li>Kasai (Monitoring), overall score 17.3</li></ul>');
  });

  it("has a legend in the heatmap's and help page's words, with not enough assessed, no published round and no situation apart", () => {
    const markup = renderToStaticMarkup(createElement(WorldMap, { shapes: "SDN,MMR", countries }));
    const legend = /<ul class="map-legend" aria-label="Legend">(.*?)<\/ul>/.exec(markup)![1];
    const items = [...legend.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]);
    expect(items.map((i) => i.replace(/<[^>]+>/g, ""))).toEqual([...[0, 1, 2, 3, 4].map(scoreBandText), "Not enough assessed", "No published round", "No situation"]);
    expect([0, 1, 2, 3, 4].map(scoreBandText)).toEqual(["0 to under 10", "10 to under 25", "25 to under 40", "40 to under 60", "60 to 100"]);
    // Each swatch is filled as the map is.
    expect(items.map((i) => /fill="([^"]+)"/.exec(i)![1])).toEqual([...scaleColours, "url(#map-low)", "url(#map-none)", "#d6d3cc"]);
    expect(markup).toContain("darker is higher");
    expect(markup).toContain('aria-label="World map of situations by highest overall score"');
  });
});
