import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { POST } from "@/app/api/imports/route";
import { GET as progress } from "@/app/api/imports/[id]/route";
import { checkImportAction, runImportAction } from "@/app/(app)/events/actions";
import { IMPORT_BATCH, bulkReferenceChecksAvailable, lockReferences, runImport, unreferencedRows } from "@/lib/events/import";
import { GET as exportGET } from "@/app/api/exports/[entity]/route";
import { eventPlaces, listEvents, monthlyCounts } from "@/lib/events/queries";
import { killed } from "@/lib/format";
import pg from "pg";
import ExcelJS from "exceljs";
import { databaseUrl } from "@/lib/database-url";
import { actAs, createMember, createOrganisation, createSituation } from "../support/fixtures";

process.env.UPLOAD_DIR = mkdtempSync(path.join(tmpdir(), "aew-imports-"));
const FIXTURES = path.resolve("tests/fixtures/events");
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));

let org: { id: string };
let analyst: { id: string };
let viewer: { id: string };
let outsider: { id: string };
let sudan: { id: string };

beforeAll(async () => {
  org = await createOrganisation();
  analyst = await createMember(org.id, "ANALYST");
  viewer = await createMember(org.id, "VIEWER");
  outsider = await createMember((await createOrganisation()).id, "ANALYST");
  sudan = await createSituation(org.id, analyst.id, { countryIso3: "SDN", title: "Sudan" });
});

async function upload(body: Buffer, name: string, situation = "", headers: Record<string, string> = {}) {
  const res = await POST(
    new NextRequest(`http://localhost/api/imports${situation ? `?situation=${situation}` : ""}`, {
      method: "POST",
      body: new Uint8Array(body),
      headers: { "x-file-name": encodeURIComponent(name), "content-length": String(body.length), ...headers },
    }),
  );
  return { status: res.status, body: (await res.json()) as { ok: boolean; id?: string; message?: string } };
}

async function uploadAndCheck(name: string, situation = "") {
  const up = await upload(fixture(name), name, situation);
  if (!up.body.id) throw new Error(up.body.message);
  const imp = await db.eventImport.findUniqueOrThrow({ where: { id: up.body.id } });
  const check = await checkImportAction({ id: imp.id, mapping: imp.mapping as Record<string, string>, situationId: situation });
  return { id: imp.id, check };
}

describe("importing an ACLED CSV export", () => {
  it("refuses an upload sent from another site's page, storing nothing", async () => {
    await actAs(analyst);
    const before = await db.eventImport.count();
    const res = await upload(fixture("acled-small.csv"), "acled-small.csv", "", { origin: "https://evil.example", host: "localhost" });
    expect(res).toEqual({ status: 403, body: { ok: false, message: "This request came from another site and was refused." } });
    expect(await db.eventImport.count()).toBe(before);
  });

  it("checks the whole file (BOM, quoted newlines), lists problems by row and column, imports valid rows in one go, audited", async () => {
    await actAs(analyst);
    const { id, check } = await uploadAndCheck("acled-small.csv", sudan.id);
    expect(check).toMatchObject({ ok: true, data: { totalRows: 5, validRows: 2, problemRows: 3 } });
    const stored = await db.eventImport.findUniqueOrThrow({ where: { id } });
    const report = stored.problems as { problems: { row: number; column: string; problem: string }[] };
    expect(report.problems).toEqual([
      { row: 4, column: "fatalities", problem: "Fatalities cannot be negative." },
      { row: 5, column: "event_date", problem: '"2024-13-01": There is no month 13. Enter a real date, such as 2024-12-01.' },
      { row: 6, column: "latitude", problem: '"120.5" is not a latitude (between -90 and 90).' },
    ]);
    expect(await db.event.count({ where: { importId: id } })).toBe(0); // nothing before the analyst confirms

    const run = await runImportAction({ id });
    expect(run).toMatchObject({ ok: true, data: { createdCount: 2, updatedCount: 0, skippedCount: 3 } });
    const events = await db.event.findMany({ where: { organisationId: org.id, importId: id }, orderBy: { externalId: "asc" } });
    expect(events.map((e) => [e.externalId, e.situationId, e.fatalities])).toEqual([
      ["SDN1001", sudan.id, 12],
      ["SDN1002", sudan.id, 35],
    ]);
    expect(events[0].notes).toBe("Village attacked at dawn;\nhouses burned.");
    expect(events[0].civilianTargeting).toBe(true);
    expect(events[1].notes).toBe('=HYPERLINK("http://evil.example","click")'); // kept as text, never evaluated here
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: id, action: "event_import.complete" } });
    expect(audit.after).toMatchObject({ fileName: "acled-small.csv", sha256: stored.sha256, createdCount: 2, skippedCount: 3 });
    expect(audit.userId).toBe(analyst.id);

    const p = await progress(new NextRequest(`http://localhost/api/imports/${id}`), { params: Promise.resolve({ id }) });
    expect(await p.json()).toMatchObject({ ok: true, status: "COMPLETED", processedRows: 5 });
    expect(await runImportAction({ id })).toMatchObject({ ok: false, message: "This import has already run; upload the file again to import it again." });
  });

  it("stores awkward text exactly as written: quotes, backslashes, braces, commas, the word NULL, other scripts", async () => {
    await actAs(analyst);
    const odd = ['He said "go" \\ left {camp}, then', "NULL", "{}", "Ṭawīla — طويلة", "a\\\\b\"c"];
    const csv =
      "event_id_cnty,event_date,event_type,country,fatalities,actor1,notes\n" +
      odd.map((text, i) => `ODD${i},2024-02-0${i + 1},Battles,Sudan,${i},"${text.replace(/"/g, '""')}","${text.replace(/"/g, '""')}"`).join("\n") +
      "\n";
    const up = await upload(Buffer.from(csv), "odd.csv", sudan.id);
    const imp = await db.eventImport.findUniqueOrThrow({ where: { id: up.body.id } });
    expect(await checkImportAction({ id: imp.id, mapping: imp.mapping as Record<string, string>, situationId: sudan.id })).toMatchObject({ ok: true, data: { validRows: 5 } });
    expect(await runImportAction({ id: imp.id })).toMatchObject({ ok: true, data: { createdCount: 5 } });
    const events = await db.event.findMany({ where: { importId: imp.id }, orderBy: { externalId: "asc" } });
    expect(events.map((e) => [e.notes, e.actor1, e.fatalities])).toEqual(odd.map((text, i) => [text, text, i]));
  });

  it("updates instead of duplicating when the same file is imported again", async () => {
    await actAs(analyst);
    const { id } = await uploadAndCheck("acled-small.csv", sudan.id);
    const before = await db.event.count({ where: { organisationId: org.id } });
    const stored = await db.event.findMany({ where: { organisationId: org.id }, orderBy: { id: "asc" } });
    // Nothing in the file changed: the events are left as they are (no new version, same last import).
    expect(await runImportAction({ id })).toMatchObject({ ok: true, data: { createdCount: 0, updatedCount: 0, unchangedCount: 2 } });
    expect(await db.event.count({ where: { organisationId: org.id } })).toBe(before);
    expect(await db.event.findMany({ where: { organisationId: org.id }, orderBy: { id: "asc" } })).toEqual(stored);
    expect(await db.eventImport.findUniqueOrThrow({ where: { id } })).toMatchObject({ createdCount: 0, updatedCount: 0, unchangedCount: 2, skippedCount: 3 });
  });

  it("reads another delimiter through a column mapping, remembers it, and matches rows to situations by country", async () => {
    await actAs(analyst);
    const up = await upload(fixture("semicolon.csv"), "semicolon.csv");
    const imp = await db.eventImport.findUniqueOrThrow({ where: { id: up.body.id! } });
    expect(imp.delimiter).toBe(";");
    expect(imp.headers).toEqual(["Id", "Date", "Type", "Country", "Killed", "Place", "Description"]);
    const mapping = { externalId: "Id", eventDate: "Date", eventType: "Type", countryName: "Country", fatalities: "Killed", location: "Place", notes: "Description" };
    expect(await checkImportAction({ id: imp.id, mapping: { eventType: "Type" }, situationId: "" })).toMatchObject({ ok: false, message: "Choose the file's column for: Date, Country (code or name)." });
    expect(await checkImportAction({ id: imp.id, mapping: { ...mapping, notes: "Nope" }, situationId: "" })).toMatchObject({ ok: false, message: 'The file has no column named "Nope".' });
    expect(await checkImportAction({ id: imp.id, mapping, situationId: "" })).toMatchObject({ ok: true, data: { validRows: 2 } });
    expect(await runImportAction({ id: imp.id })).toMatchObject({ ok: true, data: { createdCount: 2 } });
    const events = await db.event.findMany({ where: { importId: imp.id } });
    expect(events.every((e) => e.situationId === sudan.id && e.countryIso3 === "SDN")).toBe(true);

    // The next file with the same columns is mapped as last time.
    const again = await upload(fixture("semicolon.csv"), "semicolon-2.csv");
    expect((await db.eventImport.findUniqueOrThrow({ where: { id: again.body.id! } })).mapping).toEqual(mapping);
  });

  it("matches rows to the situation of their country, area and date, and says how many went into none", async () => {
    const own = await createOrganisation();
    const member = await createMember(own.id, "ANALYST");
    const darfur = await createSituation(own.id, member.id, { countryIso3: "SDN", title: "Sudan: Darfur" });
    await db.situation.update({ where: { id: darfur.id }, data: { scope: "Darfur" } });
    await actAs(member);
    const mapping = { externalId: "Id", eventDate: "Date", eventType: "Type", countryName: "Country", admin1: "Region", location: "Place" };
    const importRows = async (name: string, rows: string[]) => {
      const up = await upload(Buffer.from(["Id;Date;Type;Country;Region;Place", ...rows].join("\n")), name);
      expect(await checkImportAction({ id: up.body.id!, mapping, situationId: "" })).toMatchObject({ ok: true, data: { validRows: rows.length } });
      expect(await runImportAction({ id: up.body.id! })).toMatchObject({ ok: true });
      const events = await db.event.findMany({ where: { importId: up.body.id! }, select: { externalId: true, situationId: true } });
      return { id: up.body.id!, situations: Object.fromEntries(events.map((e) => [e.externalId, e.situationId])) };
    };
    const rows = (p: string) => [`${p}1;2024-02-01;Battles;Sudan;North Darfur;El Fasher`, `${p}2;2024-02-01;Protests;Sudan;Khartoum;Khartoum`, `${p}3;2024-02-01;Protests;Sudan;;`];
    // Only a Darfur situation: the Khartoum row is in no situation (it was put into Darfur before).
    const first = await importRows("areas-1.csv", rows("A"));
    expect(first.situations).toEqual({ A1: darfur.id, A2: null, A3: darfur.id });
    expect(await db.eventImport.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ createdCount: 3, withoutSituationCount: 1 });
    // With a situation for the whole country too: Khartoum goes there, Darfur stays with Darfur.
    const national = await createSituation(own.id, member.id, { countryIso3: "SDN", title: "Sudan" });
    const second = await importRows("areas-2.csv", rows("B"));
    expect(second.situations).toEqual({ B1: darfur.id, B2: national.id, B3: national.id });
    expect(await db.eventImport.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ withoutSituationCount: 0 });
  });

  it("refuses files that are not CSV, lack required columns, or are too large, with clear messages", async () => {
    await actAs(analyst);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]);
    expect(await upload(png, "events.csv")).toMatchObject({ status: 415, body: { message: expect.stringContaining("upload a CSV file") } });
    expect(await upload(Buffer.from("just one line of text without columns"), "notes.csv")).toMatchObject({ status: 422 });
    const missing = await upload(fixture("missing-columns.csv"), "missing-columns.csv");
    expect(await checkImportAction({ id: missing.body.id!, mapping: { eventType: "event_type", countryName: "country" }, situationId: "" })).toMatchObject({
      ok: false,
      message: "Choose the file's column for: Date.",
    });
    const previous = process.env.IMPORT_MAX_BYTES;
    process.env.IMPORT_MAX_BYTES = "1000";
    try {
      const big = await upload(Buffer.alloc(5000, "a,b\n"), "big.csv");
      expect(big.status).toBe(413);
      expect(big.body.message).toMatch(/larger than 0 MB|larger than/);
    } finally {
      if (previous === undefined) delete process.env.IMPORT_MAX_BYTES;
      else process.env.IMPORT_MAX_BYTES = previous;
    }
  });

  it("reports rows with the wrong number of columns and unknown countries", async () => {
    await actAs(analyst);
    const { id, check } = await uploadAndCheck("ragged.csv", sudan.id);
    expect(check).toMatchObject({ ok: true, data: { totalRows: 3, validRows: 1 } });
    const report = (await db.eventImport.findUniqueOrThrow({ where: { id } })).problems as { problems: { row: number; problem: string }[] };
    expect(report.problems).toEqual([
      { row: 3, column: "", problem: "This row does not have the same number of columns as the header row." },
      { row: 4, column: "country", problem: 'Unknown country "Atlantis".' },
    ]);
  });

  it("rolls back everything when the import fails part-way", async () => {
    await actAs(analyst);
    const header = "event_id_cnty,event_date,event_type,country,fatalities\n";
    const total = IMPORT_BATCH + 1500;
    const rows = Array.from({ length: total }, (_, i) => `RB${i},2024-04-01,Battles,Sudan,1\n`).join("");
    const up = await upload(Buffer.from(header + rows), "rollback.csv", sudan.id);
    const imp = await db.eventImport.findUniqueOrThrow({ where: { id: up.body.id! } });
    expect(await checkImportAction({ id: imp.id, mapping: imp.mapping as Record<string, string>, situationId: sudan.id })).toMatchObject({ ok: true, data: { validRows: total } });
    // The stored file turns out unreadable after its first IMPORT_BATCH + 1,200 rows (a quote never closed):
    // the first batch is already written inside the transaction when reading fails.
    const { writeFile } = await import("node:fs/promises");
    await writeFile(path.join(process.env.UPLOAD_DIR!, imp.fileKey!), header + rows.split("\n").slice(0, IMPORT_BATCH + 1200).join("\n") + '\nRBX,2024-04-01,Battles,"Sudan,1\n');
    const count = await db.event.count();
    const res = await runImportAction({ id: imp.id });
    expect(res).toMatchObject({ ok: false, message: expect.stringMatching(/^The file could not be read past row \d+: .*Nothing was imported\.$/) });
    expect(await db.event.count()).toBe(count);
    const failed = await db.eventImport.findUniqueOrThrow({ where: { id: imp.id } });
    expect(failed.status).toBe("FAILED");
    expect(failed.processedRows).toBeGreaterThan(IMPORT_BATCH); // a batch had been written, and was rolled back
    expect(await db.auditEntry.count({ where: { entityId: imp.id, action: "event_import.fail" } })).toBe(1);
  });

  it("is refused to viewers and to other organisations", async () => {
    await actAs(viewer);
    expect((await upload(fixture("semicolon.csv"), "x.csv")).status).toBe(403);
    await actAs(analyst);
    const up = await upload(fixture("semicolon.csv"), "x.csv");
    await actAs(outsider);
    expect(await runImportAction({ id: up.body.id! })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await upload(fixture("semicolon.csv"), "x.csv", sudan.id)).status).toBe(404);
    const p = await progress(new NextRequest(`http://localhost/api/imports/${up.body.id}`), { params: Promise.resolve({ id: up.body.id! }) });
    expect(p.status).toBe(404);
  });
});

describe("an id repeated within one file", () => {
  const HEADER = "event_id_cnty,event_date,event_type,country,fatalities\n";
  async function uploadChecked(csv: string, name: string) {
    const up = await upload(Buffer.from(csv), name, sudan.id);
    const imp = await db.eventImport.findUniqueOrThrow({ where: { id: up.body.id! } });
    const check = await checkImportAction({ id: imp.id, mapping: imp.mapping as Record<string, string>, situationId: sudan.id });
    const report = (await db.eventImport.findUniqueOrThrow({ where: { id: imp.id } })).problems as Record<string, unknown>;
    return { id: imp.id, check, report };
  }

  it("is listed by the check with both row numbers, and the import will not start until the analyst chooses which row to keep", async () => {
    await actAs(analyst);
    // The issue's file: DUPX001 with 5 killed, then DUPX001 with 99 (rows 2 and 4; the header is row 1).
    const { id, check, report } = await uploadChecked(HEADER + "DUPX001,2024-03-01,Battles,Sudan,5\nDUPX002,2024-03-02,Battles,Sudan,1\nDUPX001,2024-03-03,Battles,Sudan,99\n", "dupx.csv");
    expect(check).toMatchObject({ ok: true, data: { totalRows: 3, validRows: 3, repeatedIds: 1, differingRepeatIds: 1, differingRepeatRows: 1, identicalRepeatRows: 0 } });
    expect(report.repeats).toEqual([{ id: "DUPX001", rows: [2, 4], identical: false }]);

    // Not resolved: refused, nothing written.
    expect(await runImportAction({ id })).toMatchObject({
      ok: false,
      message: "1 id is on more than one row with different contents: choose whether to keep the first or the last row of each before importing.",
    });
    expect(await db.event.count({ where: { organisationId: org.id, externalId: { in: ["DUPX001", "DUPX002"] } } })).toBe(0);
    expect((await db.eventImport.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");

    // Keep the first: 5 killed is stored, the later row is skipped and counted, nothing is "updated".
    const run = await runImportAction({ id, keepRepeats: "FIRST" });
    expect(run).toMatchObject({ ok: true, data: { createdCount: 2, updatedCount: 0, unchangedCount: 0, skippedCount: 0, repeatSkippedCount: 1, keepRepeats: "FIRST" } });
    const events = await db.event.findMany({ where: { organisationId: org.id, externalId: { in: ["DUPX001", "DUPX002"] } }, orderBy: { externalId: "asc" } });
    expect(events.map((e) => [e.externalId, e.fatalities, e.version])).toEqual([
      ["DUPX001", 5, 1],
      ["DUPX002", 1, 1],
    ]);
    const stored = await db.eventImport.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ status: "COMPLETED", createdCount: 2, updatedCount: 0, unchangedCount: 0, skippedCount: 0 });
    expect(stored.problems).toMatchObject({ keepRepeats: "FIRST", repeatSkippedCount: 1 });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: id, action: "event_import.complete" } });
    expect(audit.after).toMatchObject({ createdCount: 2, updatedCount: 0, unchangedCount: 0, repeatSkippedCount: 1, keepRepeats: "FIRST" });
  });

  it("keeps the last row of each repeated id when the analyst says so, also when the rows are in different batches", async () => {
    await actAs(analyst);
    const filler = Array.from({ length: IMPORT_BATCH + 10 }, (_, i) => `DUPF${i},2024-03-05,Battles,Sudan,0\n`).join("");
    const csv = HEADER + "DUPY001,2024-03-01,Battles,Sudan,5\nDUPY002,2024-03-02,Battles,Sudan,1\n" + filler + "DUPY001,2024-03-03,Battles,Sudan,99\n";
    const lastRow = IMPORT_BATCH + 10 + 4;
    const { id, check, report } = await uploadChecked(csv, "dupy.csv");
    expect(check).toMatchObject({ ok: true, data: { validRows: IMPORT_BATCH + 13, differingRepeatIds: 1, differingRepeatRows: 1 } });
    expect(report.repeats).toEqual([{ id: "DUPY001", rows: [2, lastRow], identical: false }]);
    const run = await runImportAction({ id, keepRepeats: "LAST" });
    expect(run).toMatchObject({ ok: true, data: { createdCount: IMPORT_BATCH + 12, updatedCount: 0, unchangedCount: 0, repeatSkippedCount: 1, keepRepeats: "LAST" } });
    const kept = await db.event.findFirstOrThrow({ where: { organisationId: org.id, externalId: "DUPY001" } });
    expect([kept.fatalities, kept.eventDate.toISOString().slice(0, 10), kept.version]).toEqual([99, "2024-03-03", 1]);
  });

  it("counts rows that repeat an earlier row exactly and imports them once: not 'unchanged', no choice needed", async () => {
    await actAs(analyst);
    const same = "DUPZ001,2024-03-01,Battles,Sudan,5\n";
    const noId = ",2024-03-04,Protests,Sudan,0\n"; // no id: known by its content
    const { id, check, report } = await uploadChecked(HEADER + same + same + "DUPZ002,2024-03-02,Battles,Sudan,1\n" + noId + noId + same, "dupz.csv");
    expect(check).toMatchObject({ ok: true, data: { totalRows: 6, validRows: 6, repeatedIds: 2, identicalRepeatRows: 3, differingRepeatIds: 0, differingRepeatRows: 0 } });
    expect(report.repeats).toEqual([
      { id: "DUPZ001", rows: [2, 3, 7], identical: true },
      { id: null, rows: [5, 6], identical: true },
    ]);
    const run = await runImportAction({ id });
    expect(run).toMatchObject({ ok: true, data: { createdCount: 3, updatedCount: 0, unchangedCount: 0, repeatSkippedCount: 3 } });
    expect(await db.event.count({ where: { importId: id } })).toBe(3);
  });
});

describe("an empty fatalities cell", () => {
  it("is stored as unknown (null), not 0; a 0 stays 0; the list says unknown, totals 'at least', exports leave it empty", async () => {
    const own = await createOrganisation();
    const member = await createMember(own.id, "ANALYST");
    const situation = await createSituation(own.id, member.id, { countryIso3: "SDN", title: "Sudan (unknown figures)" });
    await actAs(member);
    const csv =
      "event_id_cnty,event_date,event_type,country,fatalities,latitude,longitude,location\n" +
      "FATU001,2023-05-01,Battles,Sudan,,13.6,25.3,El Fasher\n" +
      "FATU002,2023-05-02,Battles,Sudan,0,13.6,25.3,El Fasher\n" +
      "FATU003,2023-05-03,Battles,Sudan,12,13.6,25.3,El Fasher\n";
    const up = await upload(Buffer.from(csv), "unknown.csv", situation.id);
    const imp = await db.eventImport.findUniqueOrThrow({ where: { id: up.body.id! } });
    expect(await checkImportAction({ id: imp.id, mapping: imp.mapping as Record<string, string>, situationId: situation.id })).toMatchObject({ ok: true, data: { validRows: 3 } });
    expect(await runImportAction({ id: imp.id })).toMatchObject({ ok: true, data: { createdCount: 3 } });
    const stored = await db.event.findMany({ where: { importId: imp.id }, orderBy: { externalId: "asc" } });
    expect(stored.map((e) => [e.externalId, e.fatalities])).toEqual([
      ["FATU001", null],
      ["FATU002", 0],
      ["FATU003", 12],
    ]);

    // The list: one event unknown.
    const m = { organisationId: own.id, organisationName: own.name, role: "ANALYST" as const };
    const list = await listEvents(m, { situation: situation.id, sort: "oldest" });
    expect(list.rows.map((e) => killed(e.fatalities))).toEqual(["unknown", "0", "12"]);
    // The situation's months and the map's places: at least 12.
    const months = await monthlyCounts(situation.id);
    expect(months.map((x) => [x.month.toISOString().slice(0, 7), Number(x.events), killed(x.fatalities === null ? null : Number(x.fatalities), Number(x.unknownFatalities))])).toEqual([["2023-05", 3, "at least 12"]]);
    const places = await eventPlaces(m, { situation: situation.id });
    expect(places.places.map((p) => [p.events, killed(p.fatalities, p.unknownFatalities)])).toEqual([[3, "at least 12"]]);
    // A filter on people killed does not take an unknown figure for one.
    expect((await listEvents(m, { situation: situation.id, minFatalities: 1 })).rows.map((e) => e.fatalities)).toEqual([12]);

    // Exports: an empty CSV cell, null in JSON.
    const exported = (format: string) => exportGET(new NextRequest(`http://localhost/api/exports/events?format=${format}&situation=${situation.id}&names=readable`), { params: Promise.resolve({ entity: "events" }) });
    const json = (await (await exported("json")).json()) as { rows: Record<string, unknown>[] };
    expect(json.rows.map((r) => r.fatalities).sort()).toEqual([0, 12, null]);
    const text = (await (await exported("csv")).text()).replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    const column = text[0].split(",").indexOf("People killed");
    expect(text.slice(1).map((line) => line.split(",")[column]).sort()).toEqual(["", "0", "12"]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await (await exported("xlsx")).arrayBuffer());
    const sheet = book.getWorksheet("Events")!;
    const killedColumn = (sheet.getRow(1).values as unknown[]).indexOf("People killed");
    expect([2, 3, 4].map((r) => sheet.getRow(r).getCell(killedColumn).value).sort()).toEqual([0, 12, null]);
  });
});

describe("reference checks in bulk", () => {
  /** Uploads and checks a file, then runs the import engine with or without per-row reference checks. */
  async function importWith(csv: string, name: string, perRowChecks: boolean, situationId: string | null = null) {
    const up = await upload(Buffer.from(csv), name, situationId ?? "");
    const imp = await db.eventImport.findUniqueOrThrow({ where: { id: up.body.id! } });
    const mapping = imp.mapping as Record<string, string>;
    expect(await checkImportAction({ id: imp.id, mapping, situationId: situationId ?? "" })).toMatchObject({ ok: true });
    const file = path.join(process.env.UPLOAD_DIR!, imp.fileKey!);
    const counts = await runImport(db, { id: imp.id, organisationId: org.id, situationId, fileName: name, sha256: imp.sha256, file, delimiter: imp.delimiter, mapping }, analyst.id, { perRowChecks });
    const events = await db.event.findMany({ where: { importId: imp.id }, orderBy: { externalId: "asc" } });
    return { id: imp.id, counts, events };
  }

  it("are used on this database and store exactly what per-row checks store, new rows and updated ones", async () => {
    await actAs(analyst);
    expect(await bulkReferenceChecksAvailable(db)).toBe(true);
    const file = (prefix: string, fatalities: number) =>
      "event_id_cnty,event_date,event_type,country,fatalities,location\n" +
      ["Sudan", "Chad", "Sudan", "Mali"].map((country, i) => `${prefix}${i},2024-05-0${i + 1},Battles,${country},${fatalities + i},Place ${i}`).join("\n") +
      "\n";
    const perRow = await importWith(file("REFA", 1), "a.csv", true);
    const bulk = await importWith(file("REFB", 1), "b.csv", false);
    const comparable = (events: typeof perRow.events) => events.map((e) => [e.situationId, e.countryIso3, e.eventDate, e.fatalities, e.location, e.organisationId, e.createdById, e.version]);
    expect(perRow.counts.bulkChecks).toBe(false);
    expect(bulk.counts).toEqual({ ...perRow.counts, bulkChecks: true });
    expect(comparable(bulk.events)).toEqual(comparable(perRow.events));
    expect(bulk.events.map((e) => [e.countryIso3, e.situationId])).toEqual([
      ["SDN", sudan.id],
      ["TCD", null],
      ["SDN", sudan.id],
      ["MLI", null],
    ]);
    // Again, in bulk: every row updated in place.
    const again = await importWith(file("REFB", 10), "b2.csv", false);
    expect(again.counts).toMatchObject({ createdCount: 0, updatedCount: 4, unchangedCount: 0, bulkChecks: true });
    expect(again.events.map((e) => [e.fatalities, e.version])).toEqual([
      [10, 2],
      [11, 2],
      [12, 2],
      [13, 2],
    ]);
    // The same file once more, and a file changing one row: only what changed is rewritten.
    const same = await importWith(file("REFB", 10), "b3.csv", false);
    expect(same.counts).toMatchObject({ createdCount: 0, updatedCount: 0, unchangedCount: 4 });
    expect(same.events).toEqual([]); // every event still names the import that last changed it
    const oneChanged = await importWith(file("REFB", 10).replace("Place 2", "Place two"), "b4.csv", true);
    expect(oneChanged.counts).toMatchObject({ createdCount: 0, updatedCount: 1, unchangedCount: 3 });
    expect(oneChanged.events.map((e) => [e.externalId, e.location, e.version])).toEqual([["REFB2", "Place two", 3]]);
    expect(await unreferencedRows(db, again.id)).toBe(0);
    // Into a situation chosen by the analyst: the same, in bulk.
    const chosen = await importWith("event_id_cnty,event_date,event_type,country\nREFD1,2024-05-01,Battles,Chad\n", "d.csv", false, sudan.id);
    expect(chosen.counts).toMatchObject({ createdCount: 1, bulkChecks: true });
    expect(chosen.events.map((e) => [e.countryIso3, e.situationId])).toEqual([["TCD", sudan.id]]);
  });

  it("hold the rows the import refers to: deleting one waits until the import has committed", async () => {
    const other = new pg.Client({ connectionString: databaseUrl() });
    await other.connect();
    try {
      await db.$transaction(async (tx) => {
        expect(await lockReferences(tx, { organisationId: org.id, userId: analyst.id, importId: (await db.eventImport.findFirstOrThrow()).id, situationIds: [sudan.id], countries: ["SDN"] })).toBe(true);
        await other.query("SET lock_timeout = '300ms'");
        await expect(other.query(`DELETE FROM "Situation" WHERE id = $1`, [sudan.id])).rejects.toMatchObject({ code: "55P03" }); // lock not available
        await expect(other.query(`UPDATE "Country" SET iso3 = 'XXX' WHERE iso3 = 'SDN'`)).rejects.toMatchObject({ code: "55P03" });
        // Ordinary edits of those rows go on (an archived or renamed situation is still there).
        await other.query(`UPDATE "Situation" SET title = title WHERE id = $1`, [sudan.id]);
        // A row that is gone is noticed: the import then keeps PostgreSQL's per-row checks.
        expect(await lockReferences(tx, { organisationId: org.id, userId: analyst.id, importId: "no-such-import", situationIds: [sudan.id], countries: ["SDN"] })).toBe(false);
      });
    } finally {
      await other.end();
    }
  });

  it("find any row that refers to something missing", async () => {
    await actAs(analyst);
    const { id } = await importWith("event_id_cnty,event_date,event_type,country\nREFC1,2024-05-01,Battles,Sudan\n", "c.csv", false);
    // A row written with the per-row checks off, naming a situation that does not exist: found, then rolled back.
    await expect(
      db.$transaction(async (tx) => {
        await tx.$executeRaw`SET LOCAL session_replication_role = replica`;
        await tx.$executeRaw`UPDATE "Event" SET "situationId" = 'no-such-situation' WHERE "importId" = ${id}`;
        await tx.$executeRaw`SET LOCAL session_replication_role = origin`;
        expect(await unreferencedRows(tx, id)).toBe(1);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await unreferencedRows(db, id)).toBe(0);
  });

  it("are not used when Event has a trigger or rule of its own (it would be skipped too), nor when the database user may not set the parameter", async () => {
    const without = (setUp: string[]) =>
      db.$transaction(async (tx) => {
        for (const sql of setUp) await tx.$executeRawUnsafe(sql);
        expect(await bulkReferenceChecksAvailable(tx)).toBe(false);
        throw new Error("undo");
      });
    await expect(
      without([
        `CREATE FUNCTION test_noop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`,
        `CREATE TRIGGER test_noop BEFORE INSERT ON "Event" FOR EACH ROW EXECUTE FUNCTION test_noop()`,
      ]),
    ).rejects.toThrow("undo");
    await expect(without([`CREATE RULE test_rule AS ON UPDATE TO "Event" WHERE false DO ALSO NOTHING`])).rejects.toThrow("undo");
    await expect(without([`CREATE ROLE aew_test_plain`, `GRANT USAGE ON SCHEMA public TO aew_test_plain`, `SET LOCAL ROLE aew_test_plain`])).rejects.toThrow("undo");
    expect(await bulkReferenceChecksAvailable(db)).toBe(true);
  });
});
