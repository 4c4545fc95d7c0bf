import { describe, expect, it } from "vitest";
import { canonicalRating, mergeRound, roundChanges, type RatingValues, type RoundFormValues, type RoundValues } from "@/lib/indicators/round-merge";

const rated = (level: RatingValues["level"], over: Partial<RatingValues> = {}): RatingValues => ({ level, trend: "", confidence: "", evidence: "", sourceIds: [], ...over });
// As the form holds an indicator not rated yet: a blank rating, not an absent one.
const blank = { level: "" as const, trend: "" as const, confidence: "" as const, evidence: "", sourceIds: [] };
const round = (over: Partial<RoundValues> = {}): RoundValues => ({ assessedOn: "2026-01-01", summary: "", ratings: {}, ...over });
const form = (over: Partial<RoundFormValues> = {}): RoundFormValues => ({ assessedOn: "2026-01-01", summary: "", ratings: {}, ...over });

describe("merging a round's form with what another analyst saved meanwhile", () => {
  // Issue #25, item 2: A rated 1.1 Severe and wrote a summary; B, from the version before, rated 1.2 and 2.1.
  const base = form({ ratings: { "1.1": blank, "1.2": blank, "2.1": blank } });
  const theirs = round({ summary: "Arrests are rising.", ratings: { "1.1": rated("SEVERE", { trend: "RISING", evidence: "Mass arrests.", sourceIds: ["s1"] }) } });
  const mine = form({ ratings: { "1.1": blank, "1.2": rated("SIGNIFICANT"), "2.1": rated("PRESENT") } });

  it("takes their changes to fields and indicators I left alone, and sees no conflict", () => {
    expect(mergeRound(base, mine, theirs)).toEqual({ take: [{ field: "summary" }, { indicatorId: "1.1" }], conflicts: [] });
  });

  it("sends, after the merge, only my changes on top of what is saved now: their 1.1 and summary are not touched", () => {
    const merged = { ...mine, summary: theirs.summary, ratings: { ...mine.ratings, "1.1": theirs.ratings["1.1"] } };
    expect(roundChanges(theirs, merged)).toEqual({ ratings: [{ indicatorId: "1.2", ...rated("SIGNIFICANT") }, { indicatorId: "2.1", ...rated("PRESENT") }], unrated: [] });
    // Without the merge, the stale form still sends nothing about 1.1 or the summary: it did not change them.
    expect(roundChanges(base, mine)).toEqual({ ratings: [{ indicatorId: "1.2", ...rated("SIGNIFICANT") }, { indicatorId: "2.1", ...rated("PRESENT") }], unrated: [] });
  });

  it("is a conflict only where both changed the same indicator or field differently", () => {
    const mineToo = round({ summary: "My summary.", ratings: { "1.1": rated("PRESENT"), "1.2": rated("SIGNIFICANT") } });
    expect(mergeRound(base, mineToo, theirs)).toEqual({ take: [], conflicts: [{ field: "summary" }, { indicatorId: "1.1" }] });
  });

  it("treats a rating as one whole: their evidence and my level of the same indicator are a conflict", () => {
    const before = round({ ratings: { "3.1": rated("PRESENT") } });
    const theirEvidence = round({ ratings: { "3.1": rated("PRESENT", { evidence: "Their evidence." }) } });
    const myLevel = round({ ratings: { "3.1": rated("SEVERE") } });
    expect(mergeRound(before, myLevel, theirEvidence)).toEqual({ take: [], conflicts: [{ indicatorId: "3.1" }] });
  });

  it("sees no change where both made the same one, in sources' order or surrounding spaces", () => {
    const before = round({ summary: "Same.", ratings: { "4.1": rated("PRESENT", { sourceIds: ["a"] }) } });
    const mineSame = round({ summary: "Same. ", ratings: { "4.1": rated("SEVERE", { sourceIds: ["b", "a"], evidence: "New " }) } });
    const theirsSame = round({ summary: "Same.", ratings: { "4.1": rated("SEVERE", { sourceIds: ["a", "b"], evidence: "New" }) } });
    expect(mergeRound(before, mineSame, theirsSame)).toEqual({ take: [], conflicts: [] });
    expect(roundChanges(theirsSame, mineSame)).toEqual({ ratings: [], unrated: [] });
  });

  it("names a rating removed, and takes their removal of one I left alone", () => {
    const before = round({ ratings: { "5.1": rated("PRESENT"), "5.2": rated("NONE") } });
    expect(roundChanges(before, form({ ratings: { "5.1": rated("PRESENT"), "5.2": blank } }))).toEqual({ ratings: [], unrated: ["5.2"] });
    expect(mergeRound(before, before, round({ ratings: { "5.1": rated("PRESENT") } }))).toEqual({ take: [{ indicatorId: "5.2" }], conflicts: [] });
  });

  it("sends the date and summary only when changed", () => {
    expect(roundChanges(round(), round({ assessedOn: "2026-02-01", summary: "New." }))).toEqual({ assessedOn: "2026-02-01", summary: "New.", ratings: [], unrated: [] });
    expect(canonicalRating(blank)).toBeNull();
    expect(canonicalRating({ ...blank, level: null })).toBeNull();
  });
});
