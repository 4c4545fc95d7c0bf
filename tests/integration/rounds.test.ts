import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { scoreRoundV1, toScoringInput, type Coverage, type RoundScores } from "@/lib/indicators/score";
import { getSituationHistory } from "@/lib/situations/queries";
import { minScoreCoverageAction } from "@/app/(app)/admin/actions";
import { fieldChanges } from "@/lib/situations/history";
import {
  createIndicatorAction,
  discardRoundAction,
  publishRoundAction,
  rescoreRoundAction,
  retireIndicatorAction,
  saveRoundAction,
  startRoundAction,
  updateIndicatorAction,
} from "@/app/(app)/indicators/actions";
import { createSourceAction } from "@/app/(app)/sources/actions";
import { emptySourceInput } from "@/lib/sources/schemas";
import type { RatingInput } from "@/lib/indicators/schemas";
import { getRound, getRoundLevels, indicatorsFor } from "@/lib/indicators/rounds";
import { actAs, createMember, createOrganisation, createSituation, ok } from "../support/fixtures";

let org: { id: string };
let otherOrg: { id: string };
let analyst: { id: string };
let analyst2: { id: string };
let viewer: { id: string };
let admin: { id: string };
let outsider: { id: string };
let outsiderAdmin: { id: string };
let ind: Record<string, string>; // code -> id of the Framework's indicators

beforeAll(async () => {
  org = await createOrganisation();
  otherOrg = await createOrganisation();
  analyst = await createMember(org.id, "ANALYST");
  analyst2 = await createMember(org.id, "ANALYST");
  viewer = await createMember(org.id, "VIEWER");
  admin = await createMember(org.id, "ADMIN");
  outsider = await createMember(otherOrg.id, "ANALYST");
  outsiderAdmin = await createMember(otherOrg.id, "ADMIN");
  const rows = await db.indicator.findMany({ where: { organisationId: null }, select: { id: true, code: true } });
  ind = Object.fromEntries(rows.map((r) => [r.code, r.id]));
});

const rating = (code: string, level: RatingInput["level"], over: Partial<RatingInput> = {}): RatingInput => ({
  indicatorId: ind[code] ?? code,
  level,
  trend: "",
  confidence: "",
  evidence: "",
  sourceIds: [],
  ...over,
});

async function newSituation() {
  return createSituation(org.id, analyst.id, { visibility: "COALITION" });
}

describe("assessment rounds", () => {
  it("are started, rated, saved and published with stored, explainable scores; every step audited", async () => {
    const s = await newSituation();
    await actAs(analyst);
    const source = await ok(createSourceAction({ ...emptySourceInput(), title: "Field report", reliability: "B", credibility: 2 }));
    const round = await ok(startRoundAction({ situationId: s.id, assessedOn: "2026-01-15" }));
    expect(round.existing).toBe(false);
    const saved = await ok(
      saveRoundAction({
        id: round.id,
        version: 1,
        assessedOn: "2026-01-15",
        summary: "First look.",
        ratings: [rating("7.1", "SEVERE", { trend: "RISING", confidence: "HIGH", evidence: "Emergency decree.", sourceIds: [source.id] }), rating("1.1", "PRESENT")],
      }),
    );
    expect(saved.version).toBe(2);
    const stored = await db.indicatorRating.findMany({ where: { assessmentId: round.id }, include: { citations: true, indicator: true } });
    expect(stored.map((r) => [r.indicator.code, r.level]).sort()).toEqual([["1.1", "PRESENT"], ["7.1", "SEVERE"]]);
    expect(stored.find((r) => r.indicator.code === "7.1")!.citations.map((c) => c.sourceId)).toEqual([source.id]);

    const published = await ok(publishRoundAction({ id: round.id, version: 2 }));
    const a = await db.assessment.findUniqueOrThrow({ where: { id: round.id } });
    expect(a.status).toBe("PUBLISHED");
    expect(a.publishedById).toBe(analyst.id);
    expect(a.overallScore).toBe(published.overallScore);
    expect(a.overallScore).toBeGreaterThan(0);
    expect((await db.situation.findUniqueOrThrow({ where: { id: s.id } })).lastAssessedAt).toEqual(new Date("2026-01-15"));
    const scores = a.scores as { factors: Record<number, { score: number; drivers: { code: string }[] }> };
    expect(scores.factors[7].drivers.map((d) => d.code)).toEqual(["7.1"]);
    // What the round's page reads: each rating with the sources it cites; nothing for another situation's id.
    const shown = await getRound(s.id, round.id);
    expect(shown?.createdBy.name).toBeTruthy();
    expect(shown!.ratings.find((r) => r.indicatorId === ind["7.1"])).toEqual({
      indicatorId: ind["7.1"],
      level: "SEVERE",
      trend: "RISING",
      confidence: "HIGH",
      evidence: "Emergency decree.",
      citations: [{ source: { id: source.id, title: "Field report", publisher: "", reliability: "B", credibility: 2 } }],
    });
    expect(shown!.ratings.find((r) => r.indicatorId === ind["1.1"])).toMatchObject({ level: "PRESENT", trend: null, citations: [] });
    expect(await getRound((await newSituation()).id, round.id)).toBeNull();
    // What a later round is compared with: the levels and the stored score numbers.
    const levels = await getRoundLevels(s.id, round.id);
    expect({ ...levels!, ratings: [...levels!.ratings].sort((x, y) => x.level.localeCompare(y.level)) }).toEqual({
      id: round.id,
      assessedOn: new Date("2026-01-15"),
      status: "PUBLISHED",
      scoreSummary: a.scoreSummary,
      ratings: [
        { indicatorId: ind["1.1"], level: "PRESENT" },
        { indicatorId: ind["7.1"], level: "SEVERE" },
      ],
    });
    expect(await getRoundLevels((await newSituation()).id, round.id)).toBeNull();

    const audit = await db.auditEntry.findMany({ where: { entityId: round.id }, orderBy: { id: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["assessment.start", "assessment.save", "assessment.publish"]);
    expect(audit[1].after).toMatchObject({ "7.1": { level: "SEVERE", sourceIds: [source.id] }, summary: "First look." });
    expect(audit[1].userId).toBe(analyst.id);
  });

  it("start pre-filled from the latest published round, citations included, and a second start opens the same draft", async () => {
    const s = await newSituation();
    await actAs(analyst);
    const source = await ok(createSourceAction({ ...emptySourceInput(), title: "Monitor bulletin", reliability: "C", credibility: 3 }));
    const first = await ok(startRoundAction({ situationId: s.id, assessedOn: "2026-02-01" }));
    await ok(saveRoundAction({ id: first.id, version: 1, assessedOn: "2026-02-01", summary: "", ratings: [rating("9.1", "SIGNIFICANT", { evidence: "Hate speech", sourceIds: [source.id] })] }));
    await ok(publishRoundAction({ id: first.id, version: 2 }));

    const second = await ok(startRoundAction({ situationId: s.id, assessedOn: "2026-03-01" }));
    const carried = await db.indicatorRating.findMany({ where: { assessmentId: second.id }, include: { citations: true } });
    expect(carried).toHaveLength(1);
    expect(carried[0]).toMatchObject({ indicatorId: ind["9.1"], level: "SIGNIFICANT", evidence: "Hate speech" });
    expect(carried[0].citations.map((c) => c.sourceId)).toEqual([source.id]);

    await actAs(analyst2);
    const again = await ok(startRoundAction({ situationId: s.id, assessedOn: "2026-03-02" }));
    expect(again).toMatchObject({ id: second.id, existing: true });
    expect(await db.assessment.count({ where: { situationId: s.id, status: "DRAFT" } })).toBe(1);
  });

  it("refuse a round dated before the latest published one, or in the future", async () => {
    const s = await newSituation();
    await actAs(analyst);
    const r = await ok(startRoundAction({ situationId: s.id, assessedOn: "2026-05-01" }));
    await ok(saveRoundAction({ id: r.id, version: 1, assessedOn: "2026-05-01", summary: "", ratings: [rating("1.1", "PRESENT")] }));
    await ok(publishRoundAction({ id: r.id, version: 2 }));
    expect(await startRoundAction({ situationId: s.id, assessedOn: "2026-04-30" })).toMatchObject({
      ok: false,
      fieldErrors: { assessedOn: ["The latest published round is dated 2026-05-01; a new round cannot be dated earlier."] },
    });
    expect(await startRoundAction({ situationId: s.id, assessedOn: "2999-01-01" })).toMatchObject({ ok: false, fieldErrors: { assessedOn: ["A round cannot be dated in the future."] } });
  });

  it("refuse publishing an empty round, and a published round never changes", async () => {
    const s = await newSituation();
    await actAs(analyst);
    const r = await ok(startRoundAction({ situationId: s.id, assessedOn: "2026-01-01" }));
    expect(await publishRoundAction({ id: r.id, version: 1 })).toMatchObject({ ok: false, message: "Rate at least one indicator before publishing this round." });
    await ok(saveRoundAction({ id: r.id, version: 1, assessedOn: "2026-01-01", summary: "", ratings: [rating("2.1", "SEVERE")] }));
    await ok(publishRoundAction({ id: r.id, version: 2 }));
    const res = await saveRoundAction({ id: r.id, version: 3, assessedOn: "2026-01-01", summary: "", ratings: [rating("2.1", "NONE")] });
    expect(res).toMatchObject({ ok: false, message: "This round is published and can no longer change. Start a new round to correct it." });
    expect(await discardRoundAction({ id: r.id, version: 3 })).toMatchObject({ ok: false });
    expect((await db.indicatorRating.findFirstOrThrow({ where: { assessmentId: r.id } })).level).toBe("SEVERE");
  });

  it("detect two analysts saving the same draft: the second is refused and nothing of theirs is written", async () => {
    const s = await newSituation();
    await actAs(analyst);
    const r = await ok(startRoundAction({ situationId: s.id, assessedOn: "2026-01-01" }));
    await ok(saveRoundAction({ id: r.id, version: 1, assessedOn: "2026-01-01", summary: "", ratings: [rating("3.1", "PRESENT")] }));
    await actAs(analyst2);
    const res = await saveRoundAction({ id: r.id, version: 1, assessedOn: "2026-01-01", summary: "", ratings: [rating("3.1", "SEVERE"), rating("3.2", "SEVERE")] });
    expect(res).toMatchObject({ ok: false, code: "CONFLICT", current: { version: 2 } });
    const rows = await db.indicatorRating.findMany({ where: { assessmentId: r.id } });
    expect(rows.map((x) => x.level)).toEqual(["PRESENT"]);
  });

  it("refuse a stale save of a shared draft with what is saved now, and never lose what the second analyst's form did not touch", async () => {
    // Issue #25, item 2: A rates 1.1 Severe and writes a summary; B, whose form was opened before, rates 1.2 and 2.1.
    const s = await newSituation();
    await actAs(analyst);
    const source = await ok(createSourceAction({ ...emptySourceInput(), title: "Witness statements", publisher: "Monitor", reliability: "B", credibility: 2 }));
    const r = await ok(startRoundAction({ situationId: s.id, assessedOn: "2026-01-01" }));
    const a11 = rating("1.1", "SEVERE", { trend: "RISING", confidence: "HIGH", evidence: "Mass arrests in the capital.", sourceIds: [source.id] });
    await ok(saveRoundAction({ id: r.id, version: 1, assessedOn: "2026-01-01", summary: "Arrests are rising.", ratings: [a11] }));

    await actAs(admin);
    const b12 = rating("1.2", "SIGNIFICANT", { evidence: "Curfew extended." });
    const b21 = rating("2.1", "PRESENT");
    // B's form sends what B changed (1.2 and 2.1) on the version it was opened with: refused, with what is saved now.
    const refused = await saveRoundAction({ id: r.id, version: 1, ratings: [b12, b21] });
    expect(refused).toEqual({
      ok: false,
      code: "CONFLICT",
      message: "Someone saved this draft round after you opened it. Your changes are kept below; compare them with what is saved now.",
      current: {
        version: 2,
        updatedAt: expect.any(String),
        updatedBy: "ANALYST user",
        values: {
          assessedOn: "2026-01-01",
          summary: "Arrests are rising.",
          ratings: { [ind["1.1"]]: { level: "SEVERE", trend: "RISING", confidence: "HIGH", evidence: "Mass arrests in the capital.", sourceIds: [source.id] } },
          sources: [{ id: source.id, title: "Witness statements", publisher: "Monitor", reliability: "B", credibility: 2 }],
        },
      },
    });
    const levels = async () =>
      Object.fromEntries((await db.indicatorRating.findMany({ where: { assessmentId: r.id }, include: { indicator: true } })).map((x) => [x.indicator.code, x.level]));
    expect(await levels()).toEqual({ "1.1": "SEVERE" });
    // A stale form can never delete: even naming 1.1 to un-rate, or blanking the summary, is refused on the old version.
    expect(await saveRoundAction({ id: r.id, version: 1, summary: "", ratings: [], unrated: [ind["1.1"]] })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await levels()).toEqual({ "1.1": "SEVERE" });

    // B's form has taken A's 1.1 and summary (B touched neither) and sends B's own changes on the version saved now: all is kept.
    expect((await ok(saveRoundAction({ id: r.id, version: 2, ratings: [b12, b21] }))).version).toBe(3);
    expect(await levels()).toEqual({ "1.1": "SEVERE", "1.2": "SIGNIFICANT", "2.1": "PRESENT" });
    const round = await db.assessment.findUniqueOrThrow({ where: { id: r.id } });
    expect(round.summary).toBe("Arrests are rising.");
    const a11Row = await db.indicatorRating.findFirstOrThrow({ where: { assessmentId: r.id, indicatorId: ind["1.1"] }, include: { citations: true } });
    expect(a11Row).toMatchObject({ trend: "RISING", confidence: "HIGH", evidence: "Mass arrests in the capital." });
    expect(a11Row.citations.map((c) => c.sourceId)).toEqual([source.id]);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: r.id, action: "assessment.save" }, orderBy: { id: "desc" } });
    expect(audit.userId).toBe(admin.id);
    expect(Object.keys(audit.after as object).sort()).toEqual(["1.2", "2.1"]);
    expect(audit.before).toEqual({});

    // A save that leaves every rating out, on the version saved now, un-rates nothing and keeps the summary.
    await ok(saveRoundAction({ id: r.id, version: 3, ratings: [] }));
    expect(await levels()).toEqual({ "1.1": "SEVERE", "1.2": "SIGNIFICANT", "2.1": "PRESENT" });
    expect((await db.assessment.findUniqueOrThrow({ where: { id: r.id } })).summary).toBe("Arrests are rising.");

    // Two saves on one version at the same moment: one is stored, the other is refused with what it stored.
    const both = await Promise.all([saveRoundAction({ id: r.id, version: 4, ratings: [rating("3.1", "PRESENT")] }), saveRoundAction({ id: r.id, version: 4, ratings: [rating("3.2", "SEVERE")] })]);
    const [won, lost] = both[0].ok ? both : [both[1], both[0]];
    expect(won).toMatchObject({ ok: true, data: { version: 5 } });
    const wonCode = both[0].ok ? "3.1" : "3.2";
    expect(lost).toMatchObject({ ok: false, code: "CONFLICT", current: { version: 5, values: { ratings: { [ind[wonCode]]: { level: wonCode === "3.1" ? "PRESENT" : "SEVERE" } } } } });
    expect(Object.keys(await levels()).sort()).toEqual(["1.1", "1.2", "2.1", wonCode]);
  });

  it("refuse ratings outside the scale, duplicates, other organisations' indicators and sources, and viewers", async () => {
    const s = await newSituation();
    await actAs(outsiderAdmin);
    const foreign = await ok(createIndicatorAction({ factor: 7, text: "An indicator only the other organisation uses." }));
    await actAs(outsider);
    const foreignSource = await ok(createSourceAction({ ...emptySourceInput(), title: "Their source", reliability: "A", credibility: 1 }));

    await actAs(analyst);
    const r = await ok(startRoundAction({ situationId: s.id, assessedOn: "2026-01-01" }));
    const base = { id: r.id, version: 1, assessedOn: "2026-01-01", summary: "" };
    expect(await saveRoundAction({ ...base, ratings: [rating("1.1", "EXTREME" as never)] })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await saveRoundAction({ ...base, ratings: [rating("1.1", "PRESENT"), rating("1.1", "SEVERE")] })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await saveRoundAction({ ...base, ratings: [rating(foreign.id, "SEVERE")] })).toMatchObject({
      ok: false,
      fieldErrors: { "ratings.0": ["This indicator is not in your organisation's catalogue."] },
    });
    expect(await saveRoundAction({ ...base, ratings: [rating("1.1", "SEVERE", { sourceIds: [foreignSource.id] })] })).toMatchObject({ ok: false, code: "INVALID" });

    await actAs(viewer);
    expect(await saveRoundAction({ ...base, ratings: [rating("1.1", "SEVERE")] })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await startRoundAction({ situationId: s.id, assessedOn: "2026-01-02" })).toMatchObject({ ok: false, code: "FORBIDDEN" });

    await actAs(outsider); // can see the coalition situation, cannot rate it
    expect(await startRoundAction({ situationId: s.id, assessedOn: "2026-01-02" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await saveRoundAction({ ...base, ratings: [rating("1.1", "SEVERE")] })).toMatchObject({ ok: false, code: "FORBIDDEN" });

    expect(await db.indicatorRating.count({ where: { assessmentId: r.id } })).toBe(0);
    expect((await db.assessment.findUniqueOrThrow({ where: { id: r.id } })).version).toBe(1);
  });

  it("un-rate only an indicator named to un-rate (one left out of a save keeps its rating), and discard a draft softly with an audit entry", async () => {
    const s = await newSituation();
    await actAs(analyst);
    const r = await ok(startRoundAction({ situationId: s.id, assessedOn: "2026-01-01" }));
    await ok(saveRoundAction({ id: r.id, version: 1, assessedOn: "2026-01-01", summary: "", ratings: [rating("4.1", "PRESENT"), rating("4.2", "SEVERE")] }));
    // Before issue #25 a rating left out was un-rated: a stale form's save dropped ratings it never showed.
    await ok(saveRoundAction({ id: r.id, version: 2, assessedOn: "2026-01-01", summary: "", ratings: [rating("4.2", "SEVERE")] }));
    expect(await db.indicatorRating.count({ where: { assessmentId: r.id } })).toBe(2);
    expect(await saveRoundAction({ id: r.id, version: 3, ratings: [rating("4.1", "NONE")], unrated: [ind["4.1"]] })).toMatchObject({
      ok: false,
      fieldErrors: { unrated: ["An indicator is both rated and un-rated."] },
    });
    await ok(saveRoundAction({ id: r.id, version: 3, ratings: [], unrated: [ind["4.1"]] }));
    expect(await db.indicatorRating.count({ where: { assessmentId: r.id } })).toBe(1);
    const save = await db.auditEntry.findFirstOrThrow({ where: { entityId: r.id, action: "assessment.save" }, orderBy: { id: "desc" } });
    expect(save.after).toEqual({ "4.1": null });
    await ok(discardRoundAction({ id: r.id, version: 4 }));
    expect((await db.assessment.findUniqueOrThrow({ where: { id: r.id } })).deletedAt).not.toBeNull();
    expect(await db.auditEntry.count({ where: { entityId: r.id, action: "assessment.discard" } })).toBe(1);
    // A new round can start once the draft is gone.
    expect((await ok(startRoundAction({ situationId: s.id, assessedOn: "2026-01-02" }))).existing).toBe(false);
  });
});

describe("the organisation's own indicators", () => {
  it("are numbered under their risk factor, edited with a version check, retired and left out of new rounds", async () => {
    await actAs(admin);
    const created = await ok(createIndicatorAction({ factor: 14, text: "Attacks on community protection monitors." }));
    const max = await db.indicator.aggregate({ where: { riskFactorNumber: 14, organisationId: null }, _max: { position: true } });
    expect(created.code).toBe(`14.${max._max.position! + 1}`);
    const second = await ok(createIndicatorAction({ factor: 14, text: "Another indicator of our own." }));
    expect(second.code).toBe(`14.${max._max.position! + 2}`);

    await ok(updateIndicatorAction({ id: created.id, version: 1, text: "Attacks on community protection monitors and their families." }));
    expect(await updateIndicatorAction({ id: created.id, version: 1, text: "Stale edit of the indicator." })).toMatchObject({ ok: false, code: "CONFLICT" });

    // Rated in a published round, then retired: the old rating stays, new rounds leave it out.
    const s = await newSituation();
    await actAs(analyst);
    const r = await ok(startRoundAction({ situationId: s.id, assessedOn: "2026-01-01" }));
    await ok(saveRoundAction({ id: r.id, version: 1, assessedOn: "2026-01-01", summary: "", ratings: [rating(created.id, "SEVERE")] }));
    await ok(publishRoundAction({ id: r.id, version: 2 }));
    await actAs(admin);
    await ok(retireIndicatorAction({ id: created.id, version: 2, retired: true }));
    expect(await db.indicatorRating.count({ where: { assessmentId: r.id, indicatorId: created.id } })).toBe(1);
    await actAs(analyst);
    const next = await ok(startRoundAction({ situationId: s.id, assessedOn: "2026-02-01" }));
    expect(await db.indicatorRating.count({ where: { assessmentId: next.id } })).toBe(0);
    expect(await saveRoundAction({ id: next.id, version: 1, assessedOn: "2026-02-01", summary: "", ratings: [rating(created.id, "SEVERE")] })).toMatchObject({
      ok: false,
      fieldErrors: { "ratings.0": [`Indicator ${created.code} is retired and can no longer be rated.`] },
    });
    expect(await db.auditEntry.count({ where: { entityId: created.id } })).toBe(3);
    // The catalogue a round is shown with: the Framework's and this organisation's own (retired ones too), in order; not another's.
    const catalogue = await indicatorsFor(org.id);
    expect(catalogue.filter((i) => i.riskFactorNumber === 14).slice(-2)).toEqual([
      { id: created.id, code: created.code, text: "Attacks on community protection monitors and their families.", riskFactorNumber: 14, organisationId: org.id, retiredAt: expect.any(Date) },
      { id: second.id, code: second.code, text: "Another indicator of our own.", riskFactorNumber: 14, organisationId: org.id, retiredAt: null },
    ]);
    expect(catalogue.map((i) => i.riskFactorNumber)).toEqual([...catalogue.map((i) => i.riskFactorNumber)].sort((x, y) => x - y));
    expect((await indicatorsFor(otherOrg.id)).some((i) => i.organisationId === org.id)).toBe(false);
  });

  it("leave the Framework's indicators unchangeable, and refuse analysts and other organisations", async () => {
    await actAs(admin);
    expect(await updateIndicatorAction({ id: ind["1.1"], version: 1, text: "Rewriting the Framework's text." })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await retireIndicatorAction({ id: ind["1.1"], version: 1, retired: true })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await createIndicatorAction({ factor: 15, text: "A factor that does not exist." })).toMatchObject({ ok: false, code: "INVALID" });
    const own = await ok(createIndicatorAction({ factor: 3, text: "An indicator of ours to protect." }));
    await actAs(analyst);
    expect(await createIndicatorAction({ factor: 3, text: "Analysts cannot add indicators." })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await actAs(outsiderAdmin);
    expect(await updateIndicatorAction({ id: own.id, version: 1, text: "Changing another organisation's." })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});

describe("the score summary kept by the database", () => {
  it("holds the numbers of every round's scores, whoever writes them, and cannot be set apart from them", async () => {
    const rounds = await db.assessment.findMany({ where: { scores: { not: Prisma.DbNull } }, select: { id: true, scores: true, scoreSummary: true } });
    expect(rounds.length).toBeGreaterThan(0);
    for (const r of rounds) {
      const scores = r.scores as unknown as RoundScores;
      const coverage = (v: Coverage) => [v.rated, v.total, v.coverage, v.lowConfidence];
      expect(r.scoreSummary).toEqual({
        overall: scores.overall.score,
        crime: scores.overall.crime ?? null,
        crimes: Object.fromEntries(Object.entries(scores.crimes).map(([k, v]) => [k, v.score])),
        factors: Object.fromEntries(Object.entries(scores.factors).map(([k, v]) => [k, v.score])),
        // Method 2's scores add what they rest on (migration score_summary_coverage); method 1's have nothing more.
        ...(scores.method === 2 && {
          method: 2,
          coverage: {
            overall: coverage(scores.overall),
            crimes: Object.fromEntries(Object.entries(scores.crimes).map(([k, v]) => [k, coverage(v)])),
            factors: Object.fromEntries(Object.entries(scores.factors).map(([k, v]) => [k, coverage(v)])),
          },
          imminence: scores.imminence!.score,
          imminenceCoverage: coverage(scores.imminence!),
        }),
      });
    }
    await db.assessment.update({ where: { id: rounds[0].id }, data: { scoreSummary: { overall: 99 } } });
    expect((await db.assessment.findUniqueOrThrow({ where: { id: rounds[0].id } })).scoreSummary).toEqual(rounds[0].scoreSummary);
  });
});

describe("scoring methods (issue #27)", () => {
  it("publish with method 2 and the organisation's minimum coverage: a round mostly not assessed reads 'not enough assessed'", async () => {
    await db.organisation.update({ where: { id: org.id }, data: { minScoreCoverage: 50 } });
    const s = await newSituation();
    await actAs(analyst);
    const r = await ok(startRoundAction({ situationId: s.id, assessedOn: "2025-03-01" }));
    await ok(saveRoundAction({ id: r.id, version: 1, ratings: [rating("10.1", "SEVERE"), rating("1.1", "SEVERE")], unrated: [] }));
    await ok(publishRoundAction({ id: r.id, version: 2 }));
    const a = await db.assessment.findUniqueOrThrow({ where: { id: r.id } });
    expect(a.methodVersion).toBe(2);
    const scores = a.scores as unknown as RoundScores;
    // The organisation's catalogue: the Framework's 131 and the indicators of its own added above.
    const total = (await indicatorsFor(org.id)).filter((i) => !i.retiredAt).length;
    expect(scores.overall).toMatchObject({ rated: 2, total, coverage: 1, lowConfidence: true });
    expect(a.scoreSummary).toMatchObject({ method: 2, coverage: { overall: [2, total, 1, true] } });
  });

  it("keep a method 1 round's figures until an administrator re-scores it, audited, with both in the situation's history", async () => {
    const s = await newSituation();
    await actAs(analyst);
    const r = await ok(startRoundAction({ situationId: s.id, assessedOn: "2025-04-01" }));
    await ok(saveRoundAction({ id: r.id, version: 1, ratings: [rating("1.1", "SEVERE")], unrated: [] }));
    const published = await ok(publishRoundAction({ id: r.id, version: 2 }));
    // As a round published before method 2 was: method 1's scores, methodVersion 1.
    const indicators = await db.indicator.findMany({ where: { organisationId: null }, select: { id: true, code: true, riskFactorNumber: true, retiredAt: true } });
    const v1 = scoreRoundV1(indicators.map(toScoringInput), [{ indicatorId: ind["1.1"], level: "SEVERE" }]);
    await db.assessment.update({ where: { id: r.id }, data: { scores: v1 as unknown as Prisma.InputJsonValue, overallScore: v1.overall.score, methodVersion: 1 } });
    expect(v1.overall.score).toBe(0.9);

    // Analysts cannot re-score; another organisation's administrator cannot see the round.
    expect(await rescoreRoundAction({ id: r.id, version: published.version })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await actAs(outsiderAdmin);
    expect(await rescoreRoundAction({ id: r.id, version: published.version })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await db.assessment.findUniqueOrThrow({ where: { id: r.id } })).methodVersion).toBe(1);

    await actAs(admin);
    await ok(rescoreRoundAction({ id: r.id, version: published.version }));
    const after = await db.assessment.findUniqueOrThrow({ where: { id: r.id } });
    expect(after.methodVersion).toBe(2);
    expect((after.scores as unknown as RoundScores).overall).toMatchObject({ lowConfidence: true, coverage: 0 });
    expect(await db.indicatorRating.count({ where: { assessmentId: r.id } })).toBe(1);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "assessment.rescore", entityId: r.id } });
    expect(audit.userId).toBe(admin.id);
    expect(audit.before).toMatchObject({ methodVersion: 1, overallScore: 0.9, overallCoverage: null });
    expect(audit.after).toMatchObject({ methodVersion: 2, overallCoverage: { rated: 1, coverage: 0, lowConfidence: true } });

    const history = await getSituationHistory(s.id);
    const entry = history.find((e) => e.action === "assessment.rescore")!;
    const rows = fieldChanges(entry);
    expect(rows).toEqual(
      expect.arrayContaining([
        { label: "Scoring method", before: "Method 1", after: "Method 2" },
        { label: "Overall score", before: "0.9 (coverage not recorded)", after: "Not enough assessed (coverage 0%)" },
      ]),
    );
  });
});

describe("the organisation's minimum coverage (issue #27)", () => {
  it("is set by administrators only, from the offered shares, audited, and scores new publications", async () => {
    const own = await createOrganisation();
    const ownAdmin = await createMember(own.id, "ADMIN");
    const ownAnalyst = await createMember(own.id, "ANALYST");
    await actAs(ownAnalyst);
    expect(await minScoreCoverageAction({ minCoverage: 25 })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await actAs(ownAdmin);
    expect(await minScoreCoverageAction({ minCoverage: 5 })).toMatchObject({ ok: false, fieldErrors: { minCoverage: ["Choose one of the offered shares."] } });
    expect(await minScoreCoverageAction({ minCoverage: 25 })).toMatchObject({ ok: true });
    expect((await db.organisation.findUniqueOrThrow({ where: { id: own.id } })).minScoreCoverage).toBe(25);
    expect(await db.auditEntry.findFirstOrThrow({ where: { organisationId: own.id, action: "organisation.min_score_coverage" } })).toMatchObject({
      userId: ownAdmin.id,
      before: { minScoreCoverage: 50 },
      after: { minScoreCoverage: 25 },
    });
    // Another organisation's setting is untouched.
    expect((await db.organisation.findUniqueOrThrow({ where: { id: org.id } })).minScoreCoverage).toBe(50);

    // A round with every common indicator and every genocide indicator assessed (97 of 131, 74%), the rest not: genocide counts at 25% and at 50%.
    const s = await createSituation(own.id, ownAnalyst.id, { visibility: "ORGANISATION" });
    await actAs(ownAnalyst);
    const r = await ok(startRoundAction({ situationId: s.id, assessedOn: "2025-05-01" }));
    const codes = Object.keys(ind).filter((c) => Number(c.split(".")[0]) <= 10);
    await ok(saveRoundAction({ id: r.id, version: 1, ratings: codes.map((c) => rating(c, c === "10.1" ? "SEVERE" : "NONE")), unrated: [] }));
    await ok(publishRoundAction({ id: r.id, version: 2 }));
    const scores = (await db.assessment.findUniqueOrThrow({ where: { id: r.id } })).scores as unknown as RoundScores;
    expect(scores.minCoverage).toBe(25);
    expect(scores.crimes.GENOCIDE.lowConfidence).toBe(false);
    expect(scores.crimes.WAR_CRIMES.lowConfidence).toBe(true); // its own factors are not assessed, whatever the minimum
    expect(scores.overall).toMatchObject({ crime: "GENOCIDE", lowConfidence: false });
  });
});
