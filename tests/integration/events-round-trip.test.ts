// Issue #29: the events export, in ACLED's column names and values (the default), goes back in
// through the import and changes nothing: "0 new", every event "unchanged", the database as it was.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { parse } from "csv-parse/sync";
import { db } from "@/lib/db";
import { POST as uploadImport } from "@/app/api/imports/route";
import { GET as exportList } from "@/app/api/exports/[entity]/route";
import { checkImportAction, createEventAction, runImportAction } from "@/app/(app)/events/actions";
import { createSourceAction } from "@/app/(app)/sources/actions";
import { emptyEventInput } from "@/lib/events/schemas";
import { emptySourceInput } from "@/lib/sources/schemas";
import { actAs, createMember, createOrganisation, createSituation, ok } from "../support/fixtures";

process.env.UPLOAD_DIR = mkdtempSync(path.join(tmpdir(), "aew-round-trip-"));

let org: { id: string };
let analyst: { id: string };
let sudan: { id: string };
let darfur: { id: string };

async function upload(body: Buffer, name: string) {
  const res = await uploadImport(
    new NextRequest("http://localhost/api/imports", { method: "POST", body: new Uint8Array(body), headers: { "x-file-name": encodeURIComponent(name), "content-length": String(body.length) } }),
  );
  const json = (await res.json()) as { ok: boolean; id?: string; message?: string };
  if (!json.id) throw new Error(json.message);
  return json.id;
}

/** Uploads, checks with the columns as recognised, imports: what the import page then reports. */
async function importFile(body: Buffer, name: string) {
  const id = await upload(body, name);
  const imp = await db.eventImport.findUniqueOrThrow({ where: { id } });
  const check = await ok(checkImportAction({ id, mapping: imp.mapping as Record<string, string>, situationId: "" }));
  await ok(runImportAction({ id }));
  return { check, report: await db.eventImport.findUniqueOrThrow({ where: { id } }) };
}

async function exported(query = "") {
  const res = await exportList(new NextRequest(`http://localhost/api/exports/events?format=csv&own=1${query}`), { params: Promise.resolve({ entity: "events" }) });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

/** Everything the organisation's events hold, with their links. */
const snapshot = () =>
  db.event.findMany({ where: { organisationId: org.id }, orderBy: { id: "asc" }, include: { indicators: { orderBy: { indicatorId: "asc" } }, citations: { orderBy: { id: "asc" } } } });

// ACLED's own header, every column in its order (inter1, inter2, region, year and timestamp are not imported).
const ACLED_HEADER =
  "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp";
const ACLED_ROWS = [
  `SDN9001,2024-03-02,2024,1,Political violence,Violence against civilians,Attack,RSF: Rapid Support Forces,,Rebel group,Civilians (Sudan),"Masalit Ethnic Group (Sudan); Women (Sudan)",Civilians,27,Civilian targeting,729,Eastern Africa,Sudan,North Darfur,El Fasher,El Fasher,El Fasher,13.6289,25.3494,1,Radio Dabanga; Sudan Tribune,National-International,"Village attacked at dawn;
houses burned.",12,,1712345678`,
  `SDN9002,2024-03-05,2024,2,Demonstrations,Protests,Peaceful protest,Protesters (Sudan),,Protesters,,,,60,,729,Eastern Africa,Sudan,Khartoum,Khartoum,,Khartoum,15.5007,32.5599,2,Local media,Subnational,"=HYPERLINK(""http://evil.example"",""click"")",,crowd size=no report,1712345679`,
  `SDN9003,2024-03-09,2024,1,Political violence,Battles,Armed clash,Military Forces of Sudan (2019-),,State forces,RSF: Rapid Support Forces,,Rebel group,12,,729,Eastern Africa,Sudan,South Darfur,Nyala,,Nyala,12.0489,24.8807,1,Reuters,International,-,0,,1712345680`,
];

beforeAll(async () => {
  org = await createOrganisation();
  analyst = await createMember(org.id, "ANALYST");
  sudan = await createSituation(org.id, analyst.id, { countryIso3: "SDN", title: "Sudan" });
  darfur = await createSituation(org.id, analyst.id, { countryIso3: "SDN", title: "Sudan: Darfur" });
  await db.situation.update({ where: { id: darfur.id }, data: { scope: "Darfur" } });
  // Another organisation shares a situation with the coalition: its events are on our list, not in our own export.
  const partner = await createOrganisation();
  const partnerAnalyst = await createMember(partner.id, "ANALYST");
  const partnerSituation = await createSituation(partner.id, partnerAnalyst.id, { countryIso3: "SDN", visibility: "COALITION" });
  await actAs(partnerAnalyst);
  await ok(createEventAction({ data: { ...emptyEventInput(), situationId: partnerSituation.id, eventDate: "2024-03-03", eventType: "Battles", countryIso3: "SDN" } }));
});

describe("the events export in ACLED's names and values", () => {
  it("imports back as 0 new and every event unchanged, imported and recorded by hand alike, and the database holds exactly what it held", async () => {
    await actAs(analyst);
    const first = await importFile(Buffer.from([ACLED_HEADER, ...ACLED_ROWS].join("\n") + "\n"), "acled.csv");
    expect(first.report).toMatchObject({ createdCount: 3, skippedCount: 0 });

    // Recorded by hand: crimes, linked indicators, cited sources, text that looks like a formula,
    // people killed unknown, one placed by its author in a situation the import would not choose.
    const [i1, i2] = await db.indicator.findMany({ where: { organisationId: null }, orderBy: { code: "asc" }, take: 2, select: { id: true } });
    const source = await ok(createSourceAction({ ...emptySourceInput(), title: "+Field report", reliability: "B", credibility: 2 }));
    const hand = [
      { situationId: sudan.id, eventDate: "2024-04-01", eventType: "Violence against civilians", subEventType: "Abduction", actor1: "-Unknown armed group", admin1: "Khartoum", admin3: "'@Ward 4", location: "Omdurman", latitude: "15.6445", longitude: "32.4777", notes: "@witness: 'two' taken", fatalities: null, civilianTargeting: true, crimes: ["CRIMES_AGAINST_HUMANITY" as const], indicatorIds: [i1.id, i2.id], sourceIds: [source.id] },
      { situationId: darfur.id, eventDate: "2024-04-02", eventType: "Strategic developments", admin1: "Khartoum", location: "Khartoum", notes: "Placed in Darfur's situation by its author.", fatalities: 0, civilianTargeting: false, crimes: [], indicatorIds: [], sourceIds: [] },
      { situationId: "", eventDate: "2024-04-03", eventType: "Riots", countryIso3: "TCD", notes: "", fatalities: 3, civilianTargeting: false, crimes: [], indicatorIds: [], sourceIds: [] },
    ];
    for (const e of hand) await ok(createEventAction({ data: { ...emptyEventInput(), countryIso3: "SDN", ...e } }));
    const gone = await ok(createEventAction({ data: { ...emptyEventInput(), situationId: sudan.id, eventDate: "2024-04-04", eventType: "Protests", countryIso3: "SDN" } }));
    await db.event.update({ where: { id: gone.id }, data: { deletedAt: new Date() } }); // deleted: not exported, stays deleted

    const before = await snapshot();
    const file = await exported();
    const rows = parse(file.subarray(3).toString("utf8")) as string[][];
    expect(rows[0].slice(0, 8)).toEqual(["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1"]);
    expect(rows).toHaveLength(1 + 6); // the three imported, the three recorded by hand; not the partner's, not the deleted one
    const ids = rows.slice(1).map((r) => r[0]);
    const handIds = before.filter((e) => e.externalId === null && e.deletedAt === null).map((e) => e.id);
    expect(ids.sort()).toEqual(["SDN9001", "SDN9002", "SDN9003", ...handIds].sort()); // recorded by hand: the record's id

    const again = await importFile(file, "exported.csv");
    expect(again.check).toMatchObject({ totalRows: 6, validRows: 6, problemRows: 0 });
    expect(again.report).toMatchObject({ status: "COMPLETED", createdCount: 0, updatedCount: 0, unchangedCount: 6, skippedCount: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it("updates an event recorded by hand in place when the file says something else about it, keeping its situation and its empty external id", async () => {
    await actAs(analyst);
    const file = (await exported()).subarray(3).toString("utf8");
    const rows = parse(file) as string[][];
    const handRow = rows.find((r) => r[rows[0].indexOf("notes")] === "Placed in Darfur's situation by its author.")!;
    const id = handRow[0];
    handRow[rows[0].indexOf("fatalities")] = "4";
    const csv = [rows[0], handRow].map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(",")).join("\n");
    const { report } = await importFile(Buffer.from(csv), "changed.csv");
    expect(report).toMatchObject({ createdCount: 0, updatedCount: 1, unchangedCount: 0 });
    expect(await db.event.findUniqueOrThrow({ where: { id } })).toMatchObject({ fatalities: 4, externalId: null, situationId: darfur.id, version: 2, importId: report.id });
    expect(await db.event.count({ where: { organisationId: org.id, deletedAt: null } })).toBe(6);
  });

  it("offers our readable names too", async () => {
    await actAs(analyst);
    const rows = parse((await exported("&names=readable")).subarray(3).toString("utf8")) as string[][];
    expect(rows[0].slice(0, 3)).toEqual(["Date", "Event type", "Sub-type"]);
  });
});
