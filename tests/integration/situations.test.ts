import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  archiveSituationAction,
  createSituationAction,
  restoreSituationAction,
  updateSituationAction,
} from "@/app/(app)/situations/actions";
import { emptySituationInput, type SituationInput } from "@/lib/situations/schemas";
import { getSituation, getSituationHistory, listSituations } from "@/lib/situations/queries";
import { fieldChanges, riskTimeline } from "@/lib/situations/history";
import { actAs, createMember, createOrganisation } from "../support/fixtures";

function input(over: Partial<SituationInput> = {}): SituationInput {
  return { ...emptySituationInput(), countryIso3: "SDN", title: "Sudan: Darfur", summary: "Attacks on civilians in El Fasher.", ...over };
}

let orgA: { id: string; name: string };
let orgB: { id: string; name: string };
let analyst: { id: string };
let analyst2: { id: string };
let viewer: { id: string };
let admin: { id: string };
let outsider: { id: string };

beforeAll(async () => {
  orgA = await createOrganisation();
  orgB = await createOrganisation();
  analyst = await createMember(orgA.id, "ANALYST");
  analyst2 = await createMember(orgA.id, "ANALYST");
  viewer = await createMember(orgA.id, "VIEWER");
  admin = await createMember(orgA.id, "ADMIN");
  outsider = await createMember(orgB.id, "ADMIN");
});

async function create(over: Partial<SituationInput> = {}) {
  await actAs(analyst);
  const res = await createSituationAction(input(over));
  if (!res.ok) throw new Error(res.message);
  return res.data;
}

describe("recording a situation", () => {
  it("creates it with its five crime assessments and an audit entry, in the caller's organisation", async () => {
    await actAs(analyst);
    const crimes = emptySituationInput().crimes.map((c) => (c.crime === "WAR_CRIMES" ? { ...c, status: "DOCUMENTED" as const, rationale: "UN fact-finding mission report." } : c));
    const res = await createSituationAction(input({ crimes, riskCategory: "CURRENT_CRISIS" }));
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const s = await db.situation.findUniqueOrThrow({ where: { id: res.data.id }, include: { crimes: true } });
    expect(s).toMatchObject({ organisationId: orgA.id, title: "Sudan: Darfur", riskCategory: "CURRENT_CRISIS", version: 1, createdById: analyst.id });
    expect(s.crimes).toHaveLength(5);
    expect(s.crimes.find((c) => c.crime === "WAR_CRIMES")).toMatchObject({ status: "DOCUMENTED", rationale: "UN fact-finding mission report." });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: s.id, action: "situation.create" } });
    expect(audit.userId).toBe(analyst.id);
    expect((audit.after as { title: string }).title).toBe("Sudan: Darfur");
  });

  it("refuses bad input field by field, and writes nothing", async () => {
    await actAs(analyst);
    const before = await db.situation.count();
    const crimes = emptySituationInput().crimes.map((c) => (c.crime === "GENOCIDE" ? { ...c, status: "ALLEGED" as const, rationale: "" } : c));
    const res = await createSituationAction(input({ title: "x", countryIso3: "ZZ", monitoringSince: "2999-01-01", crimes, summary: "a".repeat(20001) }));
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.code).toBe("INVALID");
    expect(Object.keys(res.fieldErrors ?? {})).toEqual(expect.arrayContaining(["title", "countryIso3", "monitoringSince", "crimes", "summary"]));
    expect(res.fieldErrors?.monitoringSince).toEqual(["Monitoring cannot start in the future."]);
    expect(await db.situation.count()).toBe(before);
  });

  it("refuses an unknown country code next to the country field", async () => {
    await actAs(analyst);
    const res = await createSituationAction(input({ countryIso3: "ZZZ" }));
    expect(res).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { countryIso3: ["Choose a country from the list."] } });
  });

  it("lets no VIEWER and no anonymous caller create one", async () => {
    await actAs(viewer);
    expect(await createSituationAction(input())).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await actAs(null);
    expect(await createSituationAction(input())).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
  });
});

describe("editing a situation", () => {
  it("saves changes, bumps the version and audits only what changed", async () => {
    const { id } = await create();
    await actAs(analyst);
    const crimes = emptySituationInput().crimes.map((c) => (c.crime === "GENOCIDE" ? { ...c, status: "RISK" as const, rationale: "Hate speech by officials." } : c));
    const res = await updateSituationAction({ ...input({ riskCategory: "IMMINENT_RISK", crimes }), id, version: 1 });
    expect(res).toEqual({ ok: true, data: { id, version: 2, changed: true } });
    const s = await db.situation.findUniqueOrThrow({ where: { id }, include: { crimes: true } });
    expect(s.version).toBe(2);
    expect(s.riskCategory).toBe("IMMINENT_RISK");
    expect(s.crimes.find((c) => c.crime === "GENOCIDE")?.status).toBe("RISK");
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: id, action: "situation.update" } });
    expect(audit.before).toEqual({ riskCategory: "MONITORING", crimes: { GENOCIDE: { status: "NOT_ASSESSED", rationale: "", sourceIds: [] } } });
    expect(audit.after).toEqual({ riskCategory: "IMMINENT_RISK", crimes: { GENOCIDE: { status: "RISK", rationale: "Hate speech by officials.", sourceIds: [] } } });
  });

  it("detects a concurrent edit: the second save is refused with what is saved now, and loses nothing saved", async () => {
    const { id } = await create();
    await actAs(analyst);
    const first = await updateSituationAction({ ...input({ title: "Saved first" }), id, version: 1 });
    expect(first.ok).toBe(true);
    await actAs(analyst2);
    const second = await updateSituationAction({ ...input({ title: "Saved second" }), id, version: 1 });
    expect(second).toMatchObject({ ok: false, code: "CONFLICT" });
    if (second.ok) return;
    expect(second.current).toMatchObject({ version: 2, values: { title: "Saved first" } });
    expect((await db.situation.findUniqueOrThrow({ where: { id } })).title).toBe("Saved first");
    // The analyst chooses to keep their version: they save again against the current version.
    const again = await updateSituationAction({ ...input({ title: "Saved second" }), id, version: 2 });
    expect(again).toMatchObject({ ok: true, data: { version: 3 } });
  });

  it("lets only one of two simultaneous saves of the same version through", async () => {
    const { id } = await create();
    await actAs(analyst);
    const results = await Promise.all([
      updateSituationAction({ ...input({ title: "Racer one" }), id, version: 1 }),
      updateSituationAction({ ...input({ title: "Racer two" }), id, version: 1 }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "CONFLICT")).toHaveLength(1);
    expect((await db.situation.findUniqueOrThrow({ where: { id } })).version).toBe(2);
  });

  it("refuses VIEWERs, and members of another organisation even for a coalition-shared situation", async () => {
    const { id } = await create({ visibility: "COALITION" });
    await actAs(viewer);
    expect(await updateSituationAction({ ...input({ title: "Viewer edit" }), id, version: 1 })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await actAs(outsider);
    expect(await updateSituationAction({ ...input({ title: "Outsider edit" }), id, version: 1 })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await archiveSituationAction({ id, version: 1 })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect((await db.situation.findUniqueOrThrow({ where: { id } })).title).toBe("Sudan: Darfur");
  });

  it("does not even reveal an organisation-only situation to another organisation", async () => {
    const { id } = await create({ visibility: "ORGANISATION" });
    await actAs(outsider);
    expect(await updateSituationAction({ ...input(), id, version: 1 })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await getSituation({ organisationId: orgB.id, organisationName: orgB.name, role: "ADMIN" }, id)).toBeNull();
  });
});

describe("archiving and restoring", () => {
  it("is soft, audited, for analysts and admins of the owning organisation", async () => {
    const { id } = await create();
    await actAs(admin);
    expect(await archiveSituationAction({ id, version: 1 })).toMatchObject({ ok: true, data: { version: 2 } });
    expect((await db.situation.findUniqueOrThrow({ where: { id } })).archivedAt).not.toBeNull();
    const member = { organisationId: orgA.id, organisationName: orgA.name, role: "ANALYST" as const };
    expect((await listSituations(member, {})).rows.map((r) => r.id)).not.toContain(id);
    expect((await listSituations(member, { archived: "1" })).rows.map((r) => r.id)).toContain(id);
    await actAs(analyst);
    expect(await restoreSituationAction({ id, version: 2 })).toMatchObject({ ok: true, data: { version: 3 } });
    expect((await db.situation.findUniqueOrThrow({ where: { id } })).archivedAt).toBeNull();
    const actions = (await getSituationHistory(id)).map((e) => e.action);
    expect(actions).toEqual(["situation.restore", "situation.archive", "situation.create"]);
  });

  it("refuses viewers, stale versions and a second archive, changing nothing", async () => {
    const { id } = await create();
    await actAs(viewer);
    expect(await archiveSituationAction({ id, version: 1 })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await actAs(analyst);
    await updateSituationAction({ ...input({ title: "Moved on" }), id, version: 1 });
    expect(await archiveSituationAction({ id, version: 1 })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await archiveSituationAction({ id, version: 2 })).toMatchObject({ ok: true });
    expect(await archiveSituationAction({ id, version: 3 })).toMatchObject({ ok: false, code: "CONFLICT", message: "This situation is already archived." });
    expect(await restoreSituationAction({ id: "no-such-id", version: 1 })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.auditEntry.count({ where: { entityId: id, action: "situation.archive" } })).toBe(1);
  });
});

describe("the situations list", () => {
  it("filters by risk, crime, region, organisation and full-text search, and pages", async () => {
    const org = await createOrganisation();
    const me = await createMember(org.id, "ANALYST");
    await actAs(me, org.id);
    const mk = async (over: Partial<SituationInput>) => {
      const r = await createSituationAction(input(over));
      if (!r.ok) throw new Error(r.message);
      return r.data.id;
    };
    const crimes = emptySituationInput().crimes.map((c) => (c.crime === "ETHNIC_CLEANSING" ? { ...c, status: "ALLEGED" as const, rationale: "Villages burned and emptied." } : c));
    const myanmar = await mk({ countryIso3: "MMR", title: "Myanmar: Rakhine", summary: "Displacement of the Rohingya minority.", riskCategory: "CURRENT_CRISIS", crimes });
    const haiti = await mk({ countryIso3: "HTI", title: "Haiti", summary: "Gangs attack neighbourhoods.", riskCategory: "IMMINENT_RISK" });
    const m = { organisationId: org.id, organisationName: org.name, role: "ANALYST" as const };
    const ids = async (q: Parameters<typeof listSituations>[1]) => (await listSituations(m, q)).rows.map((r) => r.id);

    expect(await ids({ risk: "CURRENT_CRISIS" })).toEqual([myanmar]);
    expect(await ids({ crime: "ETHNIC_CLEANSING" })).toEqual([myanmar]);
    expect(await ids({ region: "Americas" })).toEqual([haiti]);
    expect(await ids({ q: "rohingya" })).toEqual([myanmar]);
    expect(await ids({ q: "neighbourhood" })).toEqual([haiti]); // stemmed: "neighbourhoods"
    expect(await ids({ q: "Rakh" })).toEqual([myanmar]); // part of a title
    expect(await ids({ org: org.id, sort: "title" })).toEqual([haiti, myanmar]);
    expect((await ids({ org: orgA.id })).every((id) => id !== haiti)).toBe(true);
    const page2 = await listSituations(m, { page: 2 });
    expect(page2.page).toBe(2);
    expect(page2.rows).toEqual([]);
  });
});

describe("history", () => {
  it("reads as field changes and a risk-category timeline", async () => {
    const { id } = await create({ riskCategory: "SERIOUS_CONCERN" });
    await actAs(analyst);
    await updateSituationAction({ ...input({ riskCategory: "IMMINENT_RISK" }), id, version: 1 });
    await updateSituationAction({ ...input({ riskCategory: "IMMINENT_RISK", title: "Renamed" }), id, version: 2 });
    await updateSituationAction({ ...input({ riskCategory: "CURRENT_CRISIS", title: "Renamed" }), id, version: 3 });
    const entries = await getSituationHistory(id);
    expect(fieldChanges(entries[1])).toEqual([{ label: "Title", before: "Sudan: Darfur", after: "Renamed" }]);
    expect(riskTimeline(entries).map((s) => s.category)).toEqual(["SERIOUS_CONCERN", "IMMINENT_RISK", "CURRENT_CRISIS"]);
  });
});
