import { beforeAll, describe, expect, it, vi } from "vitest";
import pg from "pg";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { GET } from "@/app/api/exports/[entity]/route";
import { createEventAction } from "@/app/(app)/events/actions";
import { emptyEventInput } from "@/lib/events/schemas";
import { createSourceAction } from "@/app/(app)/sources/actions";
import { emptySourceInput } from "@/lib/sources/schemas";
import { neutralise } from "@/lib/exports/neutralise";
import { DATASETS } from "@/lib/exports/datasets";
import { csvStream } from "@/lib/exports/write";
import { getCurrentUser } from "@/lib/auth/current-user";
import { rawPool } from "@/lib/db-raw";
import { actAs, createMember, createOrganisation, createSituation, ok } from "../support/fixtures";

let org: { id: string };
let other: { id: string };
let analyst: { id: string };
let outsider: { id: string };
let shared: { id: string; title: string };
let secret: { id: string; title: string };

function get(entity: string, query = "") {
  return GET(new NextRequest(`http://localhost/api/exports/${entity}${query}`), { params: Promise.resolve({ entity }) });
}
async function csv(entity: string, query = "") {
  const res = await get(entity, query);
  expect(res.status).toBe(200);
  const bytes = Buffer.from(await res.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 byte order mark, for spreadsheet programs
  return parse(bytes.subarray(3).toString("utf8"), { columns: false }) as string[][];
}

beforeAll(async () => {
  org = await createOrganisation();
  other = await createOrganisation();
  analyst = await createMember(org.id, "ANALYST");
  outsider = await createMember(other.id, "VIEWER");
  shared = await createSituation(org.id, analyst.id, { visibility: "COALITION", title: "=cmd|' /C calc'!A0 shared" });
  secret = await createSituation(org.id, analyst.id, { visibility: "ORGANISATION", title: "Private watch" });
  await actAs(analyst);
  for (const [situationId, notes, fatalities] of [
    [shared.id, "=HYPERLINK(\"http://evil.example\")", 5],
    [shared.id, "+1 rows", 2],
    [secret.id, "@SUM(A1)", 9],
  ] as const) {
    const r = await createEventAction({ data: { ...emptyEventInput(), situationId, eventDate: "2024-07-01", eventType: "Battles", countryIso3: "SDN", notes, fatalities, latitude: "13.5", longitude: "25.1" } });
    if (!r.ok) throw new Error(r.message);
  }
});

describe("the formula guard", () => {
  it("prefixes cells starting with = + - @ (or tab, carriage return), and nothing else", () => {
    expect(["=1+1", "+1", "-2", "@A1", "\t=1", "\r=1", "plain", "1-2", ""].map(neutralise)).toEqual(["'=1+1", "'+1", "'-2", "'@A1", "'\t=1", "'\r=1", "plain", "1-2", ""]);
  });
});

describe("CSV and XLSX exports", () => {
  it("export the events as filtered, neutralised, with an HXL row, and audit who exported what", async () => {
    await actAs(analyst);
    const rows = await csv("events", `?situation=${shared.id}&hxl=1`);
    expect(rows[0].slice(0, 3)).toEqual(["Date", "Event type", "Sub-type"]);
    expect(rows[1].slice(0, 3)).toEqual(["#date+occurred", "#event+type", "#event+type+sub"]);
    const notes = rows.slice(2).map((r) => r[rows[0].indexOf("Notes")]).sort();
    expect(notes).toEqual(["'+1 rows", "'=HYPERLINK(\"http://evil.example\")"]);
    expect(rows.slice(2).map((r) => r[rows[0].indexOf("People killed")]).sort()).toEqual(["2", "5"]);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { userId: analyst.id, action: "export.download" }, orderBy: { id: "desc" } });
    expect(audit.after).toEqual({ entity: "events", format: "csv", filters: { situation: shared.id }, hxl: true });
  });

  it("never export what the caller may not see", async () => {
    await actAs(outsider);
    const situations = await csv("situations");
    const titles = situations.slice(1).map((r) => r[0]);
    expect(titles).toContain(neutralise(shared.title));
    expect(titles).not.toContain("Private watch");
    const events = await csv("events");
    expect(events.slice(1).some((r) => r.includes("'@SUM(A1)"))).toBe(false);
    expect(events.length - 1).toBe(2);
    expect(await csv("sources")).toHaveLength(1); // another organisation's sources: header only
    await actAs(null);
    expect((await get("events")).status).toBe(401);
  });

  it("export sources with both their dates: published and accessed", async () => {
    await actAs(analyst);
    const r = await createSourceAction({ ...emptySourceInput(), title: "Dated report", publishedOn: "2025-01-15", accessedOn: "2026-02-03", reliability: "B", credibility: 2 });
    if (!r.ok) throw new Error(r.message);
    const rows = await csv("sources", "?q=Dated+report");
    expect(rows).toHaveLength(2);
    const cell = (name: string) => rows[1][rows[0].indexOf(name)];
    expect([cell("Title"), cell("Published"), cell("Accessed"), cell("Reliability (A-F)")]).toEqual(["Dated report", "2025-01-15", "2026-02-03", "B"]);
  });

  it("export a list as JSON: what it holds, then its rows with typed values, the same rows as the CSV", async () => {
    await actAs(analyst);
    const res = await get("events", `?format=json&situation=${shared.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="events-\d{4}-\d{2}-\d{2}\.json"/);
    const body = JSON.parse(await res.text());
    expect(body).toMatchObject({ format: "atrocity-early-warning-list", version: 1, list: "events", filters: { situation: shared.id } });
    expect(body.columns.find((c: { key: string }) => c.key === "fatalities")).toEqual({ key: "fatalities", header: "People killed", type: "number" });
    const rows = body.rows as Record<string, unknown>[];
    const csvRows = await csv("events", `?situation=${shared.id}`);
    expect(rows).toHaveLength(csvRows.length - 1);
    expect(rows.map((r) => r.fatalities).sort()).toEqual([2, 5]);
    expect(rows[0].eventDate).toBe("2024-07-01");
    // JSON is not opened by spreadsheets: text is exactly as recorded.
    expect(rows.map((r) => r.notes)).toContain("=HYPERLINK(\"http://evil.example\")");
    // Empty lists are valid JSON too; others' private situations are not in it.
    await actAs(outsider);
    const theirs = JSON.parse(await (await get("sources", "?format=json")).text());
    expect(theirs.rows).toEqual([]);
    expect((await get("events", "?format=pdf")).status).toBe(400);
  });

  it("write XLSX with typed columns and one sheet per list in the workbook", async () => {
    await actAs(analyst);
    const res = await get("events", `?format=xlsx&situation=${shared.id}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.getWorksheet("Events")!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const row = ws.getRow(2);
    expect(row.getCell(header.indexOf("Date") + 1).value).toBeInstanceOf(Date);
    expect(typeof row.getCell(header.indexOf("People killed") + 1).value).toBe("number");
    expect(typeof row.getCell(header.indexOf("Latitude") + 1).value).toBe("number");
    expect(String(row.getCell(header.indexOf("Notes") + 1).value).startsWith("'")).toBe(true);

    const all = await get("workbook", "?format=xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await all.arrayBuffer());
    expect(book.worksheets.map((w) => w.name)).toEqual(["Situations", "Indicator ratings", "Responses", "Events", "Sources"]);
    expect(book.getWorksheet("Events")!.rowCount).toBe(1 + 3);
  });
});

describe("the events CSV written by PostgreSQL", () => {
  it("is the generic exporter's file, cell for cell, for every filter and order", async () => {
    await actAs(analyst);
    const [i1, i2] = await db.indicator.findMany({ where: { organisationId: null }, orderBy: { code: "asc" }, take: 2, select: { id: true } });
    const tricky = [
      { eventType: "Riots", actor1: "-Militia, \"North\"", actor2: "50%_off\\group", admin1: "@home", admin2: "Line\nbreak", location: "\tTabbed", notes: "é ü 日本 \r\nnext", fatalities: 0, civilianTargeting: true, crimes: ["WAR_CRIMES", "GENOCIDE"] as ("WAR_CRIMES" | "GENOCIDE")[], indicatorIds: [i2.id, i1.id], latitude: "", longitude: "", eventDate: "2023-01-02" },
      { eventType: "Protests", actor1: "Plain", actor2: "", admin1: "", admin2: "", location: "+Town", notes: "", fatalities: 40, civilianTargeting: false, crimes: [], indicatorIds: [i1.id], latitude: "-12.25", longitude: "0.000001", eventDate: "2023-01-02" },
    ];
    for (const t of tricky) await ok(createEventAction({ data: { ...emptyEventInput(), situationId: secret.id, countryIso3: "SDN", ...t } }));
    const membership = (await getCurrentUser())!.active!;
    const ds = DATASETS.events;
    const read = async (stream: ReadableStream<Uint8Array>) => parse(Buffer.from(await new Response(stream).arrayBuffer()).subarray(3).toString("utf8"), { columns: false }) as string[][];
    const queries: Record<string, string>[] = [
      {},
      { sort: "oldest" },
      { situation: secret.id },
      { situation: secret.id, civilian: "1" },
      { actor: "50%_off" },
      { actor: "militia" },
      { from: "2023-01-01", to: "2023-12-31" },
      { type: "Riots", minFatalities: "0" },
      { minFatalities: "10" },
      { indicator: i1.id },
    ];
    for (const q of queries) {
      const fast = await read(await ds.csv!(membership, q, { hxl: true }));
      const generic = await read(csvStream(ds.columns, ds.rows(membership, q), { hxl: true }));
      expect(fast, JSON.stringify(q)).toEqual(generic);
      expect(fast.length, JSON.stringify(q)).toBeGreaterThan(2);
    }
    await actAs(outsider); // another organisation: only the shared situation's events, with their organisation's name
    const theirs = (await getCurrentUser())!.active!;
    for (const q of [{}, { sort: "oldest" }] as Record<string, string>[]) expect(await read(await ds.csv!(theirs, q, {}))).toEqual(await read(csvStream(ds.columns, ds.rows(theirs, q))));
    const all = await read(await ds.csv!(membership, {}, {}));
    const row = all.find((r) => r[all[0].indexOf("First actor")] === "'-Militia, \"North\"")!;
    expect(row[all[0].indexOf("Crimes")]).toBe("War crimes; Genocide");
    expect(row[all[0].indexOf("Civilians targeted")]).toBe("yes");
    expect(row[all[0].indexOf("Notes")]).toBe("é ü 日本 \r\nnext");
  });

  it("run the events download with its own settings and leave its connection as it was", async () => {
    await actAs(analyst);
    const pool = rawPool();
    const state = async () => {
      const c = await pool.connect();
      try {
        const { rows } = await c.query(
          "SELECT current_setting('DateStyle') AS datestyle, current_setting('jit') AS jit, current_setting('max_parallel_workers_per_gather') AS workers, (SELECT xact_start = query_start FROM pg_stat_activity WHERE pid = pg_backend_pid()) AS fresh_transaction",
        );
        return rows[0];
      } finally {
        c.release();
      }
    };
    const before = await state();
    // What the export's connection is sent: its settings, local to a read-only transaction, the COPY, the commit.
    const sent: string[] = [];
    const pgQuery = pg.Client.prototype.query;
    const spy = vi.spyOn(pg.Client.prototype, "query").mockImplementation(function (this: pg.Client, ...args: unknown[]) {
      const q = args[0] as string | { text?: string } | undefined;
      const text = typeof q === "string" ? q : q?.text;
      if (text && /^(BEGIN|COPY|COMMIT|ROLLBACK|SET)\b/.test(text)) sent.push(text);
      return (pgQuery as (...a: unknown[]) => unknown).apply(this, args);
    } as never);
    try {
      expect((await csv("events")).length).toBeGreaterThan(1);
    } finally {
      spy.mockRestore();
    }
    expect(sent.map((t) => t.split(" ")[0])).toEqual(["BEGIN", "COPY", "COMMIT"]);
    expect(sent[0]).toBe("BEGIN READ ONLY; SET LOCAL DateStyle = 'ISO'; SET LOCAL jit = off; SET LOCAL max_parallel_workers_per_gather = 0");
    const after = await state();
    expect(after).toEqual(before); // SET LOCAL ended with the transaction, and the transaction was committed
    expect(after.fresh_transaction).toBe(true);
  });

  it("give the database connection back when a download stops part-way", async () => {
    await actAs(analyst);
    const membership = (await getCurrentUser())!.active!;
    for (let i = 0; i < 6; i++) {
      const reader = (await DATASETS.events.csv!(membership, {}, {})).getReader();
      await reader.read();
      await reader.cancel();
    }
    await new Promise((r) => setTimeout(r, 100));
    const pool = rawPool();
    expect(pool.totalCount - pool.idleCount).toBe(0); // none still checked out (the pool holds 4: a leak would hang here)
    expect((await csv("events")).length).toBeGreaterThan(1);
  });
});
