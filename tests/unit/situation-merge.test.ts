import { describe, expect, it } from "vitest";
import { mergeSituation, snapshotOfInput } from "@/lib/situations/merge";
import { mergeFields } from "@/lib/forms/merge";
import { emptySituationInput, type SituationInput } from "@/lib/situations/schemas";

const base: SituationInput = { ...emptySituationInput(), title: "Burkina Faso", countryIso3: "BFA", riskCategory: "IMMINENT_RISK", notes: "Old notes." };
const edit = (changes: Partial<SituationInput>, crime?: Partial<SituationInput["crimes"][number]>): SituationInput => ({
  ...base,
  ...changes,
  crimes: base.crimes.map((c) => (crime && c.crime === crime.crime ? { ...c, ...crime } : c)),
});
const merge = (mine: SituationInput, theirs: SituationInput) => mergeSituation(snapshotOfInput(base), snapshotOfInput(mine), snapshotOfInput(theirs));

describe("merging a situation form with what someone else saved meanwhile", () => {
  it("takes their changes to fields I left alone and keeps mine: no conflict", () => {
    const theirs = edit({ riskCategory: "CURRENT_CRISIS" }, { crime: "INCITEMENT", status: "ALLEGED", rationale: "Hate speech on radio." });
    const mine = edit({ notes: "New notes." });
    expect(merge(mine, theirs)).toEqual({ take: [{ field: "riskCategory" }, { crime: "INCITEMENT" }], conflicts: [] });
  });

  it("is a conflict only where both changed the same field differently", () => {
    const theirs = edit({ riskCategory: "CURRENT_CRISIS", notes: "Their notes." });
    const mine = edit({ notes: "My notes." });
    expect(merge(mine, theirs)).toEqual({ take: [{ field: "riskCategory" }], conflicts: [{ field: "notes" }] });
  });

  it("sees no conflict where both made the same change, or only I changed a field", () => {
    const theirs = edit({ notes: "Same notes." });
    const mine = edit({ notes: "Same notes.", title: "Burkina Faso (north)" });
    expect(merge(mine, theirs)).toEqual({ take: [], conflicts: [] });
  });

  it("compares crimes one by one, sources in any order", () => {
    const withSources = (ids: string[]) => edit({}, { crime: "GENOCIDE", status: "RISK", rationale: "r", sourceIds: ids });
    expect(merge(withSources(["a", "b"]), withSources(["b", "a"]))).toEqual({ take: [], conflicts: [] });
    const theirs = edit({}, { crime: "GENOCIDE", status: "RISK", rationale: "Theirs." });
    const mine = edit({}, { crime: "GENOCIDE", status: "RISK", rationale: "Mine." });
    expect(merge(mine, theirs)).toEqual({ take: [], conflicts: [{ crime: "GENOCIDE" }] });
  });
});

describe("merging any flat form (lib/forms/merge.ts)", () => {
  it("takes fields only they changed, keeps mine, and lists fields both changed differently; id lists in any order", () => {
    const base = { title: "A", effect: "NOT_ASSESSED", notes: "", sourceIds: ["s1", "s2"] };
    const mine = { ...base, notes: "Mine.", sourceIds: ["s2", "s1"] };
    const theirs = { ...base, effect: "LIMITED", notes: "Theirs." };
    expect(mergeFields(base, mine, theirs)).toEqual({ take: ["effect"], conflicts: ["notes"] });
    expect(mergeFields(base, base, base)).toEqual({ take: [], conflicts: [] });
  });
});
