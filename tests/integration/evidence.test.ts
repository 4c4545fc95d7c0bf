// Evidence since the last round (issue #28): each indicator of a draft round shows the events linked
// to it since the last published round, the rating they suggest, and the analyst's decision, which
// is stored with its reason; taking it sets that rating, declining keeps it.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { decideSuggestionAction } from "@/app/(app)/evidence/actions";
import { roundEvidence } from "@/lib/evidence/queries";
import { suggestedLevel } from "@/lib/evidence/schemas";
import { actAs, createMember, createOrganisation, createSituation, ok } from "../support/fixtures";

let org: { id: string };
let analyst: { id: string };
let viewer: { id: string };
let outsider: { id: string };
let ind: Record<string, string>;
const member = () => ({ organisationId: org.id });

beforeAll(async () => {
  org = await createOrganisation();
  const other = await createOrganisation();
  analyst = await createMember(org.id, "ANALYST");
  viewer = await createMember(org.id, "VIEWER");
  outsider = await createMember(other.id, "ANALYST");
  ind = Object.fromEntries((await db.indicator.findMany({ where: { organisationId: null }, select: { id: true, code: true } })).map((r) => [r.code, r.id]));
});

async function setUp() {
  const s = await createSituation(org.id, analyst.id, { visibility: "COALITION" });
  const published = await db.assessment.create({
    data: { organisationId: org.id, situationId: s.id, assessedOn: new Date("2026-06-01"), status: "PUBLISHED", publishedAt: new Date("2026-06-02"), publishedById: analyst.id, createdById: analyst.id, ratings: { create: [{ indicatorId: ind["1.1"], level: "PRESENT" }, { indicatorId: ind["2.1"], level: "SEVERE" }] } },
  });
  const event = (date: string, codes: string[], fatalities: number | null = 2) =>
    db.event.create({ data: { organisationId: org.id, situationId: s.id, eventDate: new Date(date), eventType: "Violence against civilians", fatalities, location: "Town", createdById: analyst.id, indicators: { create: codes.map((c) => ({ indicatorId: ind[c] })) } } });
  await event("2026-05-20", ["1.1"]); // before the last round: not evidence since
  await event("2026-06-01", ["1.1"]); // on its date: counted in it already
  await event("2026-06-10", ["1.1", "2.1"]);
  await event("2026-07-01", ["1.1", "2.1"], null);
  await event("2026-08-15", ["1.1", "3.1"], 5);
  await event("2026-08-16", ["3.1"]);
  const draft = await db.assessment.create({ data: { organisationId: org.id, situationId: s.id, assessedOn: new Date("2026-09-01"), createdById: analyst.id } });
  return { s, published, draft };
}

describe("evidence since the last round", () => {
  it("suggests one step up from the last published rating at 3 linked events or more, nothing above Severe", () => {
    expect(suggestedLevel(null, 3)).toBe("PRESENT");
    expect(suggestedLevel("NONE", 3)).toBe("PRESENT");
    expect(suggestedLevel("PRESENT", 4)).toBe("SIGNIFICANT");
    expect(suggestedLevel("SIGNIFICANT", 3)).toBe("SEVERE");
    expect(suggestedLevel("SEVERE", 30)).toBeNull();
    expect(suggestedLevel("PRESENT", 2)).toBeNull();
  });

  it("counts each indicator's events dated after the last published round, their dead (unknown apart) and suggests where they point", async () => {
    const { s, published, draft } = await setUp();
    const e = await roundEvidence(member(), s.id, draft);
    expect(e.since).toEqual({ id: published.id, assessedOn: "2026-06-01" });
    expect(e.indicators[ind["1.1"]]).toMatchObject({ events: 3, killed: 7, unknownKilled: 1, published: "PRESENT", suggested: "SIGNIFICANT", decision: null });
    expect(e.indicators[ind["1.1"]].recent.map((r) => r.date)).toEqual(["2026-08-15", "2026-07-01", "2026-06-10"]);
    expect(e.indicators[ind["2.1"]]).toMatchObject({ events: 2, published: "SEVERE", suggested: null });
    expect(e.indicators[ind["3.1"]]).toMatchObject({ events: 2, published: null, suggested: null });
    // Another organisation cannot read a situation kept to its organisation.
    const own = await createSituation(org.id, analyst.id);
    expect((await roundEvidence({ organisationId: "someone-else" }, own.id, draft)).indicators).toEqual({});
  });

  it("stores the analyst's decision and reason; taking it sets the rating (a new version of the round), declining keeps it; each audited, decided once", async () => {
    const { draft } = await setUp();
    await actAs(analyst);
    const refused = await decideSuggestionAction({ roundId: draft.id, indicatorId: ind["1.1"], decision: "DECLINED", reason: "" });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { reason: ["Say why you keep the rating as it is: the reason is kept with the round."] } });

    const taken = await ok(decideSuggestionAction({ roundId: draft.id, indicatorId: ind["1.1"], decision: "ACCEPTED", reason: "Three attacks since June." }));
    expect(taken.version).toBe(draft.version + 1);
    expect((await db.indicatorRating.findUniqueOrThrow({ where: { assessmentId_indicatorId: { assessmentId: draft.id, indicatorId: ind["1.1"] } } })).level).toBe("SIGNIFICANT");
    const stored = await db.ratingSuggestion.findUniqueOrThrow({ where: { assessmentId_indicatorId: { assessmentId: draft.id, indicatorId: ind["1.1"] } } });
    expect(stored).toMatchObject({ fromLevel: "PRESENT", suggestedLevel: "SIGNIFICANT", decision: "ACCEPTED", reason: "Three attacks since June.", decidedById: analyst.id });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: draft.id, action: "assessment.suggestion_accepted" } });
    expect(audit.before).toEqual({ level: "Not assessed" });
    expect(audit.after).toMatchObject({ level: "Significant", reason: "Three attacks since June." });

    const again = await decideSuggestionAction({ roundId: draft.id, indicatorId: ind["1.1"], decision: "DECLINED", reason: "Changed my mind." });
    expect(again.ok).toBe(false);
    const none = await decideSuggestionAction({ roundId: draft.id, indicatorId: ind["2.1"], decision: "ACCEPTED", reason: "" });
    expect(none).toMatchObject({ ok: false, message: expect.stringMatching(/^The evidence no longer suggests a change/) });
  });

  it("is decided only by the round's own organisation's analysts, on a draft", async () => {
    const { draft, published } = await setUp();
    const input = { roundId: draft.id, indicatorId: ind["1.1"], decision: "DECLINED" as const, reason: "Not convinced by the sources." };
    await actAs(viewer);
    expect((await decideSuggestionAction(input)).ok).toBe(false);
    await actAs(outsider);
    expect((await decideSuggestionAction(input)).ok).toBe(false);
    await actAs(analyst);
    expect((await decideSuggestionAction({ ...input, roundId: published.id })).ok).toBe(false);
    expect(await db.ratingSuggestion.count({ where: { assessmentId: { in: [draft.id, published.id] } } })).toBe(0);
    await ok(decideSuggestionAction(input));
    expect(await db.indicatorRating.count({ where: { assessmentId: draft.id } })).toBe(0); // declined: nothing rated
  });
});
