import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createSourceAction, deleteSourceAction, searchSourcesAction, updateSourceAction } from "@/app/(app)/sources/actions";
import { createSituationAction, updateSituationAction } from "@/app/(app)/situations/actions";
import { emptySourceInput, type SourceInput } from "@/lib/sources/schemas";
import { emptySituationInput } from "@/lib/situations/schemas";
import { listCitingClaims } from "@/lib/sources/queries";
import { actAs, createMember, createOrganisation } from "../support/fixtures";

const source = (over: Partial<SourceInput> = {}): SourceInput => ({
  ...emptySourceInput(),
  title: "Report of the fact-finding mission",
  publisher: "UN Human Rights Council",
  url: "https://www.ohchr.org/en/hr-bodies/hrc",
  unSymbol: "A/HRC/57/23",
  reliability: "A",
  credibility: 2,
  ...over,
});

let orgA: { id: string };
let analyst: { id: string };
let viewer: { id: string };
let outsider: { id: string };

beforeAll(async () => {
  orgA = await createOrganisation();
  const orgB = await createOrganisation();
  analyst = await createMember(orgA.id, "ANALYST");
  viewer = await createMember(orgA.id, "VIEWER");
  outsider = await createMember(orgB.id, "ANALYST");
});

async function newSource(over: Partial<SourceInput> = {}) {
  await actAs(analyst);
  const res = await createSourceAction(source(over));
  if (!res.ok) throw new Error(res.message);
  return res.data;
}

describe("the sources library", () => {
  it("adds a graded source with an audit entry", async () => {
    const s = await newSource();
    const row = await db.source.findUniqueOrThrow({ where: { id: s.id } });
    expect(row).toMatchObject({ organisationId: orgA.id, reliability: "A", credibility: 2, unSymbol: "A/HRC/57/23", createdById: analyst.id });
    expect(await db.auditEntry.count({ where: { entityId: s.id, action: "source.create" } })).toBe(1);
  });

  it("refuses malformed addresses, symbols, grades and dates next to the field", async () => {
    await actAs(analyst);
    const res = await createSourceAction({
      ...source({ url: "javascript:alert(1)", unSymbol: "not a symbol" }),
      credibility: 9,
      reliability: "Z" as "A",
    });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(Object.keys(res.fieldErrors ?? {}).sort()).toEqual(["credibility", "reliability", "unSymbol", "url"]);
    expect(res.fieldErrors?.url).toEqual(["Enter a web address starting with https:// or http://."]);
    const dates = await createSourceAction(source({ publishedOn: "2026-05-01", accessedOn: "2026-01-01" }));
    expect(dates).toMatchObject({ ok: false, fieldErrors: { accessedOn: ["The access date is before the publication date."] } });
  });

  it("lets viewers search but not write, and never shows another organisation's sources", async () => {
    await newSource({ title: "Satellite imagery analysis of burned villages" });
    await actAs(viewer);
    expect(await createSourceAction(source())).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const found = await searchSourcesAction({ q: "satellite" });
    expect(found.ok && found.data.map((s) => s.title)).toEqual(["Satellite imagery analysis of burned villages"]);
    await actAs(outsider);
    const other = await searchSourcesAction({ q: "satellite" });
    expect(other.ok && other.data).toEqual([]);
  });

  it("detects a stale edit and tells the form what is saved now and who saved it", async () => {
    const s = await newSource();
    await actAs(analyst);
    expect(await updateSourceAction({ id: s.id, version: 1, data: source({ title: "Renamed report" }) })).toMatchObject({ ok: true });
    expect(await updateSourceAction({ id: s.id, version: 1, data: source({ title: "Stale rename" }) })).toMatchObject({
      ok: false,
      code: "CONFLICT",
      current: { version: 2, updatedBy: (await db.user.findUniqueOrThrow({ where: { id: analyst.id } })).name, values: source({ title: "Renamed report" }) },
    });
    expect((await db.source.findUniqueOrThrow({ where: { id: s.id } })).title).toBe("Renamed report");
  });
});

describe("citing sources from crime assessments", () => {
  it("links sources to a crime, audits changes, lists what cites a source, and refuses to delete a cited source", async () => {
    const a = await newSource({ title: "Source A" });
    const b = await newSource({ title: "Source B" });
    await actAs(analyst);
    const crimes = emptySituationInput().crimes.map((c) =>
      c.crime === "WAR_CRIMES" ? { ...c, status: "DOCUMENTED" as const, rationale: "Documented by investigators.", sourceIds: [a.id] } : c,
    );
    const created = await createSituationAction({ ...emptySituationInput(), countryIso3: "SDN", title: "Cited situation", crimes });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect((await listCitingClaims(a.id)).map((c) => [c.kind, c.what, c.situation?.title])).toEqual([["Crime assessment", "WAR_CRIMES", "Cited situation"]]);

    const swapped = crimes.map((c) => (c.crime === "WAR_CRIMES" ? { ...c, sourceIds: [b.id] } : c));
    const upd = await updateSituationAction({ ...emptySituationInput(), countryIso3: "SDN", title: "Cited situation", crimes: swapped, id: created.data.id, version: 1 });
    expect(upd).toMatchObject({ ok: true, data: { version: 2 } });
    expect(await listCitingClaims(a.id)).toEqual([]);
    expect(await listCitingClaims(b.id)).toHaveLength(1);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: created.data.id, action: "situation.update" } });
    expect(audit.after).toEqual({ crimes: { WAR_CRIMES: { status: "DOCUMENTED", rationale: "Documented by investigators.", sourceIds: [b.id] } } });

    const del = await deleteSourceAction({ id: b.id, version: 1 });
    expect(del).toMatchObject({ ok: false, code: "CONFLICT" });
    if (!del.ok) expect(del.message).toContain("War crimes (Cited situation)");
    expect((await db.source.findUniqueOrThrow({ where: { id: b.id } })).deletedAt).toBeNull();
    expect(await deleteSourceAction({ id: a.id, version: 1 })).toMatchObject({ ok: true });
    expect((await db.source.findUniqueOrThrow({ where: { id: a.id } })).deletedAt).not.toBeNull();
  });

  it("refuses another organisation's source ids and writes nothing", async () => {
    await actAs(outsider);
    const theirs = await createSourceAction(source({ title: "Their source" }));
    if (!theirs.ok) throw new Error(theirs.message);
    await actAs(analyst);
    const crimes = emptySituationInput().crimes.map((c) => (c.crime === "GENOCIDE" ? { ...c, sourceIds: [theirs.data.id] } : c));
    const before = await db.situation.count();
    const res = await createSituationAction({ ...emptySituationInput(), countryIso3: "SDN", title: "Tampered", crimes });
    expect(res).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { crimes: ["A cited source is not in your organisation's library."] } });
    expect(await db.situation.count()).toBe(before);
  });
});
