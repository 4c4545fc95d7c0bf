import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createExternalRatingAction, deleteExternalRatingAction, importExternalRatingsAction, updateExternalRatingAction } from "@/app/(app)/external-ratings/actions";
import { emptyExternalRatingInput, type ExternalRatingInput } from "@/lib/external-ratings/schemas";
import { divergingExternalRatings, externalRatingsForSituation } from "@/lib/external-ratings/queries";
import { NextRequest } from "next/server";
import { PDFParse } from "pdf-parse";
import { GET as brief } from "@/app/api/briefs/[id]/route";
import { recentActivity } from "@/lib/dashboard/queries";
import { actAs, createMember, createOrganisation, createSituation, ok } from "../support/fixtures";

const ewp = (over: Partial<ExternalRatingInput> = {}): ExternalRatingInput => ({
  ...emptyExternalRatingInput("EWP"),
  ratedOn: "2024-12-10",
  url: "https://earlywarningproject.ushmm.org/countries/sudan",
  rank: "3",
  rankOf: "162",
  probability: "14.8%",
  year: "2025",
  ...over,
});
const r2p = (over: Partial<ExternalRatingInput> = {}): ExternalRatingInput => ({ ...emptyExternalRatingInput("R2P_MONITOR"), ratedOn: "2025-03-01", category: "CURRENT_CRISIS", ...over });
const gw = (over: Partial<ExternalRatingInput> = {}): ExternalRatingInput => ({ ...emptyExternalRatingInput("GENOCIDE_WATCH"), ratedOn: "2025-01-15", stage: "9", alertLevel: "EMERGENCY", ...over });

let org: { id: string };
let analyst: { id: string };
let viewer: { id: string };
let outsiderOrg: { id: string };
let outsider: { id: string };

beforeAll(async () => {
  org = await createOrganisation();
  outsiderOrg = await createOrganisation();
  analyst = await createMember(org.id, "ANALYST");
  viewer = await createMember(org.id, "VIEWER");
  outsider = await createMember(outsiderOrg.id, "ADMIN");
});

describe("recording external ratings", () => {
  it("records each system's rating with what it needs, audited", async () => {
    const s = await createSituation(org.id, analyst.id);
    await actAs(analyst);
    const a = await ok(createExternalRatingAction({ situationId: s.id, data: ewp() }));
    await ok(createExternalRatingAction({ situationId: s.id, data: r2p() }));
    await ok(createExternalRatingAction({ situationId: s.id, data: gw() }));
    const row = await db.externalRating.findUniqueOrThrow({ where: { id: a.id } });
    expect(row).toMatchObject({ system: "EWP", value: "3", rank: 3, rankOf: 162, score: 0.148, year: 2025, stage: null, organisationId: org.id, createdById: analyst.id, url: "https://earlywarningproject.ushmm.org/countries/sudan" });
    expect(row.ratedOn.toISOString().slice(0, 10)).toBe("2024-12-10");
    const rows = await db.externalRating.findMany({ where: { situationId: s.id }, orderBy: { system: "asc" } });
    expect(rows.map((r) => [r.system, r.value, r.stage])).toEqual([
      ["EWP", "3", null],
      ["GENOCIDE_WATCH", "EMERGENCY", 9],
      ["R2P_MONITOR", "CURRENT_CRISIS", null],
    ]);
    expect(await db.auditEntry.count({ where: { entityType: "ExternalRating", action: "externalRating.create", entityId: { in: rows.map((r) => r.id) } } })).toBe(3);
  });

  it("accepts a probability between 0 and 1 as well as a percentage", async () => {
    const s = await createSituation(org.id, analyst.id);
    await actAs(analyst);
    const a = await ok(createExternalRatingAction({ situationId: s.id, data: ewp({ probability: "0.052" }) }));
    expect((await db.externalRating.findUniqueOrThrow({ where: { id: a.id } })).score).toBe(0.052);
  });

  it("refuses what each system needs, next to its field, and writes nothing", async () => {
    const s = await createSituation(org.id, analyst.id);
    await actAs(analyst);
    const cases: [ExternalRatingInput, Record<string, string[]>][] = [
      [ewp({ rank: "", rankOf: "162", probability: "14.8", year: "" }), {
        "data.rank": ["Enter the rank the Early Warning Project gives (1 is the highest risk)."],
        "data.probability": ["Enter the probability between 0 and 1 (e.g. 0.148), or as a percentage with its sign (e.g. 14.8%)."],
        "data.year": ["Enter the year the forecast is for."],
      }],
      [ewp({ rank: "170", rankOf: "162" }), { "data.rank": ["The rank cannot be lower than the number of countries ranked (162)."] }],
      [r2p({ category: "" }), { "data.category": ["Choose the R2P Monitor's category: Current Crisis or Imminent Risk."] }],
      [r2p({ category: "SERIOUS_CONCERN", ratedOn: "2024-07-01" }), { "data.category": ["The R2P Monitor has not used Serious Concern since March 2023: choose Current Crisis or Imminent Risk, or date the rating before March 2023."] }],
      [gw({ stage: "11", alertLevel: "ALERT" }), { "data.stage": ["Enter the stage as a whole number from 1 to 10."], "data.alertLevel": ["Choose the alert level: Genocide Watch, Genocide Warning or Genocide Emergency."] }],
      [gw({ ratedOn: "2025-02-30", url: "javascript:alert(1)" }), { "data.ratedOn": ["February 2025 has 28 days. Enter a real date, such as 2025-02-28."], "data.url": ["Enter a web address starting with https:// or http://."] }],
    ];
    for (const [data, fieldErrors] of cases) {
      const res = await createExternalRatingAction({ situationId: s.id, data });
      expect(res).toMatchObject({ ok: false, code: "INVALID" });
      if (!res.ok) expect(res.fieldErrors).toEqual(fieldErrors);
    }
    expect(await db.externalRating.count({ where: { situationId: s.id } })).toBe(0);
  });

  it("keeps Serious Concern as a historical record dated before March 2023", async () => {
    const s = await createSituation(org.id, analyst.id);
    await actAs(analyst);
    await ok(createExternalRatingAction({ situationId: s.id, data: r2p({ category: "SERIOUS_CONCERN", ratedOn: "2022-11-15" }) }));
    expect(await db.externalRating.count({ where: { situationId: s.id, value: "SERIOUS_CONCERN" } })).toBe(1);
  });

  it("edits with a check that no one changed it since, and deletes softly, audited", async () => {
    const s = await createSituation(org.id, analyst.id);
    await actAs(analyst);
    const created = await ok(createExternalRatingAction({ situationId: s.id, data: ewp() }));
    expect((await recentActivity({ organisationId: org.id, organisationName: "", role: "ANALYST" }))[0]).toMatchObject({ what: "recorded an external rating", title: s.title, href: `/situations/${s.id}#external-ratings` });
    const edited = await ok(updateExternalRatingAction({ id: created.id, version: created.version, data: ewp({ rank: "4" }) }));
    expect(await db.externalRating.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ rank: 4, value: "4" });
    // The form opened before that edit is refused, and the edit stays.
    expect(await updateExternalRatingAction({ id: created.id, version: created.version, data: ewp({ rank: "9" }) })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await deleteExternalRatingAction({ id: created.id, version: created.version })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect((await db.externalRating.findUniqueOrThrow({ where: { id: created.id } })).rank).toBe(4);
    await ok(deleteExternalRatingAction({ id: created.id, version: edited.version }));
    expect((await db.externalRating.findUniqueOrThrow({ where: { id: created.id } })).deletedAt).not.toBeNull();
    expect(await externalRatingsForSituation({ organisationId: org.id, organisationName: "", role: "ANALYST" }, s.id)).toEqual([]);
    expect((await db.auditEntry.findMany({ where: { entityId: created.id }, orderBy: { id: "asc" } })).map((e) => e.action)).toEqual(["externalRating.create", "externalRating.update", "externalRating.delete"]);
  });

  it("refuses a viewer, and another organisation's members on a shared situation, changing nothing", async () => {
    const shared = await createSituation(org.id, analyst.id, { visibility: "COALITION" });
    const priv = await createSituation(org.id, analyst.id);
    await actAs(analyst);
    const mine = await ok(createExternalRatingAction({ situationId: shared.id, data: r2p() }));
    await actAs(viewer);
    expect(await createExternalRatingAction({ situationId: shared.id, data: r2p() })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await updateExternalRatingAction({ id: mine.id, version: mine.version, data: r2p({ category: "IMMINENT_RISK" }) })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await actAs(outsider);
    expect(await createExternalRatingAction({ situationId: shared.id, data: r2p() })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await createExternalRatingAction({ situationId: priv.id, data: r2p() })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await updateExternalRatingAction({ id: mine.id, version: mine.version, data: r2p({ category: "IMMINENT_RISK" }) })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
      message: "This external rating was recorded by another organisation: you can read it but not change it.",
    });
    expect(await deleteExternalRatingAction({ id: mine.id, version: mine.version })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    // They read it where they read the shared situation; not one of the private situation's.
    expect((await externalRatingsForSituation({ organisationId: outsiderOrg.id, organisationName: "", role: "ADMIN" }, shared.id)).map((r) => r.id)).toEqual([mine.id]);
    expect(await db.externalRating.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({ value: "CURRENT_CRISIS", deletedAt: null });
    expect(await db.externalRating.count({ where: { situationId: { in: [shared.id, priv.id] } } })).toBe(1);
  });

  it("refuses recording on an archived situation", async () => {
    const s = await createSituation(org.id, analyst.id, { archivedAt: new Date() });
    await actAs(analyst);
    expect(await createExternalRatingAction({ situationId: s.id, data: r2p() })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.externalRating.count({ where: { situationId: s.id } })).toBe(0);
  });
});

describe("external ratings beside ours", () => {
  it("lists on the dashboard the situations where another body's latest rating differs from our category", async () => {
    const own = await createOrganisation();
    const me = await createMember(own.id, "ANALYST");
    const differs = await createSituation(own.id, me.id, { title: "Differs" });
    const agrees = await createSituation(own.id, me.id, { title: "Agrees" });
    const updated = await createSituation(own.id, me.id, { title: "Updated since" });
    const hidden = await createSituation(outsiderOrg.id, outsider.id, { title: "Another organisation's own" });
    await db.situation.updateMany({ where: { id: { in: [differs.id, agrees.id, updated.id, hidden.id] } }, data: { riskCategory: "SERIOUS_CONCERN" } });
    await actAs(me);
    await ok(createExternalRatingAction({ situationId: differs.id, data: ewp() }));
    await ok(createExternalRatingAction({ situationId: agrees.id, data: ewp({ rank: "80" }) }));
    // An older high rank, then a newer low one: only the latest counts.
    await ok(createExternalRatingAction({ situationId: updated.id, data: ewp({ ratedOn: "2023-12-01", year: "2024" }) }));
    await ok(createExternalRatingAction({ situationId: updated.id, data: ewp({ rank: "75" }) }));
    await actAs(outsider);
    await ok(createExternalRatingAction({ situationId: hidden.id, data: ewp() }));
    const rows = await divergingExternalRatings({ organisationId: own.id, organisationName: "", role: "ANALYST" });
    // (Situations other tests share with the coalition are listed too: only this test's are compared.)
    const mine = [differs.id, agrees.id, updated.id, hidden.id];
    expect(rows.filter((r) => mine.includes(r.situation.id)).map((r) => [r.situation.title, r.ratings.map((x) => x.rank)])).toEqual([["Differs", [3]]]);
    // A situation's ratings, newest first, every field as stored (the situation page and the brief read them so).
    const fields = { id: true, situationId: true, organisationId: true, system: true, value: true, score: true, rank: true, rankOf: true, year: true, stage: true, ratedOn: true, url: true, note: true, createdAt: true, updatedAt: true } as const;
    const twoRatings = await externalRatingsForSituation({ organisationId: own.id, organisationName: "", role: "ANALYST" }, updated.id);
    expect(twoRatings).toEqual(await db.externalRating.findMany({ where: { situationId: updated.id }, orderBy: [{ ratedOn: "desc" }, { createdAt: "desc" }], select: fields }));
    expect(twoRatings.map((r) => r.rank)).toEqual([75, 3]);
    // Each rating as it is stored (dates, numbers and nulls as Prisma reads them), with its situation as ours.
    const shown = rows.find((r) => r.situation.id === differs.id)!;
    expect(shown.situation).toEqual({ id: differs.id, title: "Differs", riskCategory: "SERIOUS_CONCERN" });
    const stored = await db.externalRating.findUniqueOrThrow({
      where: { id: shown.ratings[0].id },
      select: { id: true, system: true, value: true, score: true, rank: true, rankOf: true, year: true, stage: true, ratedOn: true, createdAt: true },
    });
    expect(shown.ratings).toEqual([stored]);
    expect(stored.score).not.toBeNull();
    expect(stored.stage).toBeNull();
    // A deleted rating is not read.
    await actAs(me);
    await ok(deleteExternalRatingAction({ id: stored.id, version: (await db.externalRating.findUniqueOrThrow({ where: { id: stored.id } })).updatedAt.toISOString() }));
    const after = await divergingExternalRatings({ organisationId: own.id, organisationName: "", role: "ANALYST" });
    expect(after.filter((r) => mine.includes(r.situation.id))).toEqual([]);
  });

  it("prints them in the country brief, with the divergence", async () => {
    const s = await createSituation(org.id, analyst.id, { title: "Brief with external ratings" });
    await db.situation.update({ where: { id: s.id }, data: { riskCategory: "SERIOUS_CONCERN" } });
    await actAs(analyst);
    await ok(createExternalRatingAction({ situationId: s.id, data: ewp() }));
    await ok(createExternalRatingAction({ situationId: s.id, data: r2p({ category: "IMMINENT_RISK" }) }));
    const res = await brief(new NextRequest(`http://localhost/api/briefs/${s.id}`), { params: Promise.resolve({ id: s.id }) });
    expect(res.status).toBe(200);
    const text = (await new PDFParse({ data: new Uint8Array(await res.arrayBuffer()) }).getText()).text.replace(/\s+/g, " ");
    expect(text).toContain("External ratings");
    expect(text).toContain("Differs from ours: Ranked 3rd of 162 by the Early Warning Project; our category: Serious concern.");
    expect(text).toContain("R2P Monitor: Imminent Risk (dated 2025-03-01). Differs from ours: The R2P Monitor's category is Imminent Risk; our category: Serious concern.");
  });
});

describe("importing external ratings from CSV", () => {
  const upload = (text: string, name = "ratings.csv") => {
    const form = new FormData();
    form.set("file", new File([text], name, { type: "text/csv" }));
    return importExternalRatingsAction(form);
  };

  it("imports every row into the organisation's situation of its country or id, once, audited", async () => {
    const own = await createOrganisation();
    const me = await createMember(own.id, "ANALYST");
    const sudan = await createSituation(own.id, me.id, { countryIso3: "SDN" });
    const myanmar = await createSituation(own.id, me.id, { countryIso3: "MMR" });
    await actAs(me);
    const file = [
      "country,situation_id,system,date,url,rank,rank_of,probability,year,category,stage,alert_level,note",
      "SDN,,EWP,2024-12-10,https://earlywarningproject.ushmm.org/,3,162,14.8%,2025,,,,",
      `,${myanmar.id},R2P Monitor,2025-03-01,,,,,,Current Crisis,,,"Two lines,\nquoted"`,
      "sdn,,Genocide Watch,2025-01-15,,,,,,,9,Genocide Emergency,",
    ].join("\n");
    expect(await upload(file)).toMatchObject({ ok: true, data: { status: "IMPORTED", imported: 3, alreadyRecorded: 0, problems: [] } });
    const rows = await db.externalRating.findMany({ where: { situationId: { in: [sudan.id, myanmar.id] } }, orderBy: { system: "asc" } });
    expect(rows.map((r) => [r.situationId, r.system, r.value, r.rank, r.score, r.stage, r.organisationId, r.createdById])).toEqual([
      [sudan.id, "EWP", "3", 3, 0.148, null, own.id, me.id],
      [sudan.id, "GENOCIDE_WATCH", "EMERGENCY", null, null, 9, own.id, me.id],
      [myanmar.id, "R2P_MONITOR", "CURRENT_CRISIS", null, null, null, own.id, me.id],
    ]);
    expect(rows[2].note).toBe("Two lines,\nquoted");
    // The dashboard's recent activity names it.
    expect((await recentActivity({ organisationId: own.id, organisationName: "", role: "ANALYST" }))[0]).toMatchObject({ what: "imported external ratings", href: "/external-ratings/import" });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "externalRating.import", userId: me.id } });
    expect(audit.after).toMatchObject({ fileName: "ratings.csv", imported: 3, alreadyRecorded: 0 });
    // The same file again adds nothing.
    expect(await upload(file)).toMatchObject({ ok: true, data: { status: "IMPORTED", imported: 0, alreadyRecorded: 3 } });
    expect(await db.externalRating.count({ where: { situationId: { in: [sudan.id, myanmar.id] } } })).toBe(3);
  });

  it("refuses the whole file when a row is wrong, naming each row's line and reason, and writes nothing", async () => {
    const own = await createOrganisation();
    const me = await createMember(own.id, "ANALYST");
    const sudan = await createSituation(own.id, me.id, { countryIso3: "SDN" });
    await createSituation(own.id, me.id, { countryIso3: "COD" });
    await createSituation(own.id, me.id, { countryIso3: "COD" });
    const foreign = await createSituation(outsiderOrg.id, outsider.id, { countryIso3: "ETH", visibility: "COALITION" });
    await actAs(me);
    const file = [
      "country,situation_id,system,date,rank,rank_of,probability,year,category,stage,alert_level",
      "SDN,,EWP,2024-12-10,3,162,14.8%,2025,,,",
      "SDN,,R2P_MONITOR,2024-07-01,,,,,Serious Concern,,",
      "SDN,,GENOCIDE_WATCH,2025-02-30,,,,,,12,",
      "COD,,R2P_MONITOR,2025-03-01,,,,,Imminent Risk,,",
      "NOR,,R2P_MONITOR,2025-03-01,,,,,Imminent Risk,,",
      `,${foreign.id},R2P_MONITOR,2025-03-01,,,,,Imminent Risk,,`,
      "Sudan,,R2P_MONITOR,2025-03-01,,,,,Imminent Risk,,",
    ].join("\n");
    const res = await upload(file);
    expect(res).toMatchObject({ ok: true, data: { status: "REFUSED", imported: 0 } });
    if (!res.ok) return;
    expect(res.data.problems).toEqual([
      { line: 3, message: "Column “category”: The R2P Monitor has not used Serious Concern since March 2023: choose Current Crisis or Imminent Risk, or date the rating before March 2023." },
      { line: 4, message: "Column “date”: February 2025 has 28 days. Enter a real date, such as 2025-02-28." },
      { line: 4, message: "Column “stage”: Enter the stage as a whole number from 1 to 10." },
      { line: 4, message: "Column “alert_level”: Choose the alert level: Genocide Watch, Genocide Warning or Genocide Emergency." },
      { line: 5, message: "Your organisation has 2 open situations in COD: give the situation's id in a “situation_id” column instead." },
      { line: 6, message: "Your organisation has no open situation in NOR." },
      { line: 7, message: `None of your organisation's open situations has the id “${foreign.id}”.` },
      { line: 8, message: "“Sudan” is not an ISO3 country code such as SDN." },
    ]);
    expect(await db.externalRating.count({ where: { situationId: { in: [sudan.id, foreign.id] } } })).toBe(0);
  });

  it("refuses a file over the limit, saying the limit, and a viewer", async () => {
    const own = await createOrganisation();
    const me = await createMember(own.id, "ANALYST");
    const watcher = await createMember(own.id, "VIEWER");
    await actAs(me);
    const big = "country,system,date\n" + "SDN,EWP,2024-01-01\n".repeat(80_000);
    expect(await upload(big)).toMatchObject({ ok: false, message: "This file is 1.4 MB; external ratings are imported from files of up to 1 MB. Split it and upload each part." });
    expect(await upload("")).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { file: ["Choose a CSV file to import."] } });
    await actAs(watcher);
    expect(await upload("country,system,date\nSDN,EWP,2024-01-01\n")).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});
