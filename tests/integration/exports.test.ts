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
import { neutralise, unneutralise } from "@/lib/exports/neutralise";
import { ACLED_EVENT_COLUMNS, DATASETS, type Row } from "@/lib/exports/datasets";
import { isoNumericCodes } from "@/lib/events/world-countries";
import { csvStream, jsonHead, xlsxStream } from "@/lib/exports/write";
import { getCurrentUser, type CurrentMembership } from "@/lib/auth/current-user";
import { rawPool } from "@/lib/db-raw";
import { iterateEvents } from "@/lib/events/queries";
import { eventListQuerySchema } from "@/lib/events/schemas";
import { visibleSituationsWhere } from "@/lib/situations/queries";
import { CONFIDENCE_LABELS, CRIME_LABELS, RATING_LEVEL_LABELS, TREND_LABELS } from "@/lib/labels";
import { publishRoundAction, saveRoundAction, startRoundAction } from "@/app/(app)/indicators/actions";
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

const day = (d: Date | null) => (d ? new Date(d.toISOString().slice(0, 10)) : null);

/**
 * The reference the SQL exports are held to: the events list read through Prisma (the list's own
 * query, paged), mapped column by column, in ACLED's names and values or in ours (as `params` ask).
 */
async function* prismaEventRows(membership: CurrentMembership, params: Record<string, string>): AsyncGenerator<Row[]> {
  const columns = DATASETS.events.columnsFor!(params);
  const acled = columns === ACLED_EVENT_COLUMNS;
  const isoNumeric = isoNumericCodes();
  for await (const batch of iterateEvents(membership, { ...eventListQuerySchema.parse(params), after: undefined }, 3)) {
    yield batch.map((e) => {
      const both: Row = {
        actor1: e.actor1,
        actor2: e.actor2,
        admin1: e.admin1,
        admin2: e.admin2,
        admin3: e.admin3,
        location: e.location,
        latitude: e.latitude === null ? null : Number(e.latitude),
        longitude: e.longitude === null ? null : Number(e.longitude),
        fatalities: e.fatalities,
        notes: e.notes,
        source: e.sourceText,
        crimes: e.crimes.map((c) => CRIME_LABELS[c]).join("; "),
        // ACLED's names: the codes; ours, readable: each code with its indicator's words.
        indicators: e.indicators.map((i) => (acled ? i.indicator.code : `${i.indicator.code} ${i.indicator.text}`)).join("; "),
        citedSources: e.citations.map((c) => c.source.title).join("; "),
        situation: e.situation?.title ?? null,
        organisation: e.organisation.name,
      };
      const row: Row = acled
        ? {
            ...both,
            event_id_cnty: e.externalId ?? e.id,
            event_date: day(e.eventDate),
            year: e.eventDate.getUTCFullYear(),
            time_precision: e.timePrecision,
            disorder_type: e.disorderType,
            event_type: e.eventType,
            sub_event_type: e.subEventType,
            assoc_actor_1: e.assocActor1,
            assoc_actor_2: e.assocActor2,
            interaction: e.interaction,
            civilian_targeting: e.civilianTargeting ? "Civilian targeting" : null,
            iso: e.countryIso3 ? (isoNumeric[e.countryIso3] ?? null) : null,
            country: e.country?.name ?? null,
            geo_precision: e.geoPrecision,
            source_scale: e.sourceScale,
            tags: e.tags,
            timestamp: Math.floor(e.updatedAt.getTime() / 1000),
            iso3: e.countryIso3,
          }
        : {
            ...both,
            eventDate: day(e.eventDate),
            eventType: e.eventType,
            subEventType: e.subEventType,
            country: e.countryIso3,
            civilianTargeting: e.civilianTargeting,
            externalId: e.externalId,
          };
      return Object.fromEntries(columns.map((c) => [c.key, row[c.key]]));
    });
  }
}

/** The same for indicator ratings: published, not deleted rounds of the situations the caller sees, read through Prisma. */
async function prismaRatingRows(membership: CurrentMembership, situation?: string): Promise<Row[]> {
  const points = { NONE: 0, PRESENT: 1, SIGNIFICANT: 2, SEVERE: 3 } as const;
  const rows = await db.indicatorRating.findMany({
    where: { assessment: { status: "PUBLISHED", deletedAt: null, ...(situation ? { situationId: situation } : {}), situation: visibleSituationsWhere(membership) } },
    include: { indicator: { select: { code: true, text: true } }, assessment: { select: { assessedOn: true, situation: { select: { title: true } } } } },
  });
  return rows.map((r) => ({
    situation: r.assessment.situation.title,
    assessedOn: day(r.assessment.assessedOn),
    code: r.indicator.code,
    text: r.indicator.text,
    level: RATING_LEVEL_LABELS[r.level],
    points: points[r.level],
    trend: r.trend ? TREND_LABELS[r.trend] : null,
    confidence: r.confidence ? CONFIDENCE_LABELS[r.confidence] : null,
    evidence: r.evidence,
  }));
}

/** A row as the JSON export holds it: dates as yyyy-mm-dd. */
const asJson = (row: Row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString().slice(0, 10) : v]));
async function jsonRows(stream: Promise<ReadableStream<Uint8Array>>) {
  return JSON.parse(await new Response(await stream).text()).rows as Row[];
}

async function collect(batches: AsyncGenerator<Row[]>) {
  const all: Row[] = [];
  for await (const b of batches) all.push(...b);
  return all;
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

  it("can be undone without loss (as the events import does): text already starting with apostrophes before such a character gets one more", () => {
    const texts = ["=1+1", "'=1+1", "''@A1", "'plain", "'", "it's", "plain", "-2", ""];
    expect(texts.map(neutralise)).toEqual(["'=1+1", "''=1+1", "'''@A1", "'plain", "'", "it's", "plain", "'-2", ""]);
    expect(texts.map(neutralise).map(unneutralise)).toEqual(texts);
  });
});

describe("CSV and XLSX exports", () => {
  it("export the events as filtered, neutralised, with an HXL row, and audit who exported what", async () => {
    await actAs(analyst);
    // By default in ACLED's column names, in ACLED's order, then ours.
    const acled = await csv("events", `?situation=${shared.id}&hxl=1`);
    expect(acled[0].slice(0, 3)).toEqual(["event_id_cnty", "event_date", "year"]);
    expect(acled[0].slice(-6)).toEqual(["iso3", "situation", "crimes", "linked_indicators", "cited_sources", "organisation"]);
    expect(acled[1].slice(0, 3)).toEqual(["#event+id", "#date+occurred", "#date+year"]);
    expect(acled.slice(2).map((r) => [r[acled[0].indexOf("event_date")], r[acled[0].indexOf("iso")], r[acled[0].indexOf("country")], r[acled[0].indexOf("civilian_targeting")]])).toEqual([
      ["2024-07-01", "729", "Sudan", ""],
      ["2024-07-01", "729", "Sudan", ""],
    ]);
    expect(acled.slice(2).map((r) => r[acled[0].indexOf("notes")]).sort()).toEqual(["'+1 rows", "'=HYPERLINK(\"http://evil.example\")"]);
    let audit = await db.auditEntry.findFirstOrThrow({ where: { userId: analyst.id, action: "export.download" }, orderBy: { id: "desc" } });
    expect(audit.after).toEqual({ entity: "events", format: "csv", filters: { situation: shared.id }, hxl: true, names: "acled" });

    // names=readable: our names.
    const rows = await csv("events", `?situation=${shared.id}&hxl=1&names=readable`);
    expect(rows[0].slice(0, 3)).toEqual(["Date", "Event type", "Sub-type"]);
    expect(rows[1].slice(0, 3)).toEqual(["#date+occurred", "#event+type", "#event+type+sub"]);
    const notes = rows.slice(2).map((r) => r[rows[0].indexOf("Notes")]).sort();
    expect(notes).toEqual(["'+1 rows", "'=HYPERLINK(\"http://evil.example\")"]);
    expect(rows.slice(2).map((r) => r[rows[0].indexOf("People killed")]).sort()).toEqual(["2", "5"]);
    audit = await db.auditEntry.findFirstOrThrow({ where: { userId: analyst.id, action: "export.download" }, orderBy: { id: "desc" } });
    expect(audit.after).toEqual({ entity: "events", format: "csv", filters: { situation: shared.id }, hxl: true, names: "readable" });
  });

  it("never export what the caller may not see", async () => {
    await actAs(outsider);
    const situations = await csv("situations");
    const titles = situations.slice(1).map((r) => r[situations[0].indexOf("Situation")]);
    expect(titles).toContain(neutralise(shared.title));
    expect(titles).not.toContain("Private watch");
    const events = await csv("events");
    expect(events.slice(1).some((r) => r.includes("'@SUM(A1)"))).toBe(false);
    expect(events.length - 1).toBe(2);
    expect(await csv("events", "?own=1")).toHaveLength(1); // only their own organisation's events: none, the header alone
    expect(await csv("sources")).toHaveLength(1); // another organisation's sources: header only
    await actAs(null);
    expect((await get("events")).status).toBe(401);
  });

  it("export situations whole: every narrative field, each crime's status and rationale, the latest scores with coverage, the record's id and link", async () => {
    await actAs(analyst);
    const s = await createSituation(org.id, analyst.id, { title: "Whole export" });
    await db.situation.update({ where: { id: s.id }, data: { background: "Long history.", populationsAtRisk: "Rohingya", perpetrators: "Army units", notes: "Internal note", summary: "Short." } });
    await db.crimeAssessment.create({ data: { situationId: s.id, crime: "GENOCIDE", status: "ALLEGED", rationale: "Statements of intent.", updatedById: analyst.id } });
    const ind = await db.indicator.findFirstOrThrow({ where: { organisationId: null, code: "1.1" } });
    const r = await ok(startRoundAction({ situationId: s.id, assessedOn: "2026-01-10" }));
    await ok(saveRoundAction({ id: r.id, version: 1, assessedOn: "2026-01-10", summary: "", ratings: [{ indicatorId: ind.id, level: "SEVERE", trend: "", confidence: "", evidence: "", sourceIds: [] }] }));
    await ok(publishRoundAction({ id: r.id, version: 2 }));
    const rows = await csv("situations", "?q=Whole+export");
    expect(rows).toHaveLength(2);
    const cell = (name: string) => rows[1][rows[0].indexOf(name)];
    expect(cell("Record id")).toBe(s.id);
    expect(cell("Link")).toMatch(new RegExp(`^https?://[^/]+/situations/${s.id}$`));
    expect([cell("Background"), cell("Populations at risk"), cell("Perpetrators"), cell("Notes"), cell("Summary")]).toEqual(["Long history.", "Rohingya", "Army units", "Internal note", "Short."]);
    expect(cell("Genocide: rationale")).toBe("Statements of intent.");
    expect(cell("Latest published round")).toBe("2026-01-10");
    // One indicator of the catalogue assessed: far below the organisation's coverage, so no low figure is shown as a score.
    expect(cell("Overall score (0-100)")).toMatch(/^Not enough assessed/);
    expect(cell("Indicators assessed")).toMatch(/^1 of \d+ indicators assessed \(\d+%\)$/);
    expect(cell("Genocide: score (0-100)")).toMatch(/^Not enough assessed/);
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
    const res = await get("events", `?format=json&situation=${shared.id}&names=readable`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="events-\d{4}-\d{2}-\d{2}\.json"/);
    const body = JSON.parse(await res.text());
    expect(body).toMatchObject({ format: "atrocity-early-warning-list", version: 1, list: "events", filters: { situation: shared.id } });
    expect(body.columns.find((c: { key: string }) => c.key === "fatalities")).toEqual({ key: "fatalities", header: "People killed", type: "number" });
    const rows = body.rows as Record<string, unknown>[];
    const csvRows = await csv("events", `?situation=${shared.id}&names=readable`);
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
    const res = await get("events", `?format=xlsx&situation=${shared.id}&names=readable`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.getWorksheet("Events")!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const row = ws.getRow(2);
    expect(row.getCell(header.indexOf("Date") + 1).value).toBeInstanceOf(Date);
    expect(typeof row.getCell(header.indexOf("People killed") + 1).value).toBe("number");
    expect(typeof row.getCell(header.indexOf("Latitude") + 1).value).toBe("number");
    expect(String(row.getCell(header.indexOf("Notes") + 1).value).startsWith("'")).toBe(true);
    // The header stays in view and every column has a filter; running text gets wide columns.
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBe(`A1:${ws.getColumn(header.length).letter}1`);
    expect(ws.getColumn(header.indexOf("Notes") + 1).width).toBe(60);
    expect(ws.getColumn(header.indexOf("Date") + 1).width).toBeGreaterThanOrEqual(12);

    const all = await get("workbook", "?format=xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await all.arrayBuffer());
    expect(book.worksheets.map((w) => w.name)).toEqual(["Situations", "Indicator ratings", "Responses", "Events", "Sources"]);
    expect(book.getWorksheet("Events")!.rowCount).toBe(1 + 3);
  });
});

describe("the events CSV written by PostgreSQL", () => {
  it("is, cell for cell, the file made from Prisma's read of the list, for every filter and order; XLSX and JSON get the same rows, typed", async () => {
    await actAs(analyst);
    const [i1, i2] = await db.indicator.findMany({ where: { organisationId: null }, orderBy: { code: "asc" }, take: 2, select: { id: true, code: true, text: true } });
    const tricky = [
      { eventType: "Riots", actor1: "-Militia, \"North\"", actor2: "50%_off\\group", admin1: "@home", admin2: "Line\nbreak", location: "\tTabbed", notes: "é ü 日本 \r\nnext", fatalities: 0, civilianTargeting: true, crimes: ["WAR_CRIMES", "GENOCIDE"] as ("WAR_CRIMES" | "GENOCIDE")[], indicatorIds: [i2.id, i1.id], latitude: "", longitude: "", eventDate: "2023-01-02" },
      { eventType: "Protests", actor1: "Plain", actor2: "", admin1: "", admin2: "", location: "+Town", notes: "", fatalities: 40, civilianTargeting: false, crimes: [], indicatorIds: [i1.id], latitude: "-12.25", longitude: "0.000001", eventDate: "2023-01-02" },
    ];
    const cited = await ok(createSourceAction({ ...emptySourceInput(), title: "=Cited report", reliability: "B", credibility: 2 }));
    for (const t of tricky) await ok(createEventAction({ data: { ...emptyEventInput(), situationId: secret.id, countryIso3: "SDN", admin3: "'+Quoted", sourceIds: [cited.id], ...t } }));
    // ACLED's fields that only an import fills.
    await db.event.updateMany({ where: { situationId: secret.id, eventType: "Riots" }, data: { timePrecision: 2, geoPrecision: 1, disorderType: "Demonstrations", assocActor1: "@Ally", interaction: "15", sourceScale: "National", tags: "crowd size=no report" } });
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
      { own: "1" },
    ];
    // Each in ACLED's names and values (the default) and in ours.
    for (const q of queries.flatMap((q) => [q, { ...q, names: "readable" }])) {
      const columns = ds.columnsFor!(q);
      const fast = await read(await ds.csv!(membership, q, { hxl: true }));
      const reference = await read(csvStream(columns, prismaEventRows(membership, q), { hxl: true }));
      expect(fast, JSON.stringify(q)).toEqual(reference);
      expect(fast.length, JSON.stringify(q)).toBeGreaterThan(2);
      // The typed rows behind XLSX (read from PostgreSQL through a cursor) and the JSON (written by PostgreSQL): the same values, with their types.
      const expected = await collect(prismaEventRows(membership, q));
      expect(await collect(ds.rows(membership, q)), JSON.stringify(q)).toEqual(expected);
      expect(await jsonRows(ds.json!(membership, q, jsonHead({ list: "events", exportedAt: "", filters: q }, columns))), JSON.stringify(q)).toEqual(expected.map(asJson));
    }
    await actAs(outsider); // another organisation: only the shared situation's events, with their organisation's name
    const theirs = (await getCurrentUser())!.active!;
    for (const q of [{}, { sort: "oldest" }, { names: "readable" }, { own: "1" }] as Record<string, string>[]) {
      const columns = ds.columnsFor!(q);
      expect(await read(await ds.csv!(theirs, q, {}))).toEqual(await read(csvStream(columns, prismaEventRows(theirs, q))));
      expect(await collect(ds.rows(theirs, q))).toEqual(await collect(prismaEventRows(theirs, q)));
      expect(await jsonRows(ds.json!(theirs, q, jsonHead({ list: "events", exportedAt: "", filters: q }, columns)))).toEqual((await collect(prismaEventRows(theirs, q))).map(asJson));
    }
    await actAs(analyst);
    const acled = await read(await ds.csv!(membership, {}, {}));
    const riot = acled.find((r) => r[acled[0].indexOf("actor1")] === "'-Militia, \"North\"")!;
    const cell = (name: string) => riot[acled[0].indexOf(name)];
    expect([cell("event_date"), cell("year"), cell("iso"), cell("country"), cell("civilian_targeting"), cell("fatalities"), cell("latitude")]).toEqual(["2023-01-02", "2023", "729", "Sudan", "Civilian targeting", "0", ""]);
    expect([cell("time_precision"), cell("geo_precision"), cell("disorder_type"), cell("assoc_actor_1"), cell("interaction"), cell("source_scale"), cell("tags")]).toEqual(["2", "1", "Demonstrations", "'@Ally", "15", "National", "crowd size=no report"]);
    expect([cell("admin3"), cell("crimes"), cell("cited_sources")]).toEqual(["''+Quoted", "War crimes; Genocide", "'=Cited report"]);
    expect(cell("event_id_cnty")).toMatch(/^c[a-z0-9]{20,}$/); // recorded by hand: its record id
    // The country's name is written without the formula guard: no name in the reference data needs it.
    expect(await db.country.count({ where: { OR: ["=", "+", "-", "@", "\t", "\r", "'"].map((c) => ({ name: { startsWith: c } })) } })).toBe(0);
    const all = await read(await ds.csv!(membership, { names: "readable" }, {}));
    const row = all.find((r) => r[all[0].indexOf("First actor")] === "'-Militia, \"North\"")!;
    expect(row[all[0].indexOf("Crimes")]).toBe("War crimes; Genocide");
    expect(row[all[0].indexOf("Civilians targeted")]).toBe("yes");
    expect(row[all[0].indexOf("Notes")]).toBe("é ü 日本 \r\nnext");
    // Linked indicators: in our readable names each with its words, never a bare code; in ACLED's, the codes.
    expect(row[all[0].indexOf("Linked indicators")]).toBe(`${i1.code} ${i1.text}; ${i2.code} ${i2.text}`);
    expect(cell("linked_indicators")).toBe(`${i1.code}; ${i2.code}`);
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

describe("the indicator ratings export", () => {
  it("holds the published rounds' ratings the caller may see, in the order an analyst reads them, in every format", async () => {
    const ind = Object.fromEntries((await db.indicator.findMany({ where: { organisationId: null }, select: { id: true, code: true } })).map((i) => [i.code, i.id]));
    const rating = (code: string, level: "NONE" | "PRESENT" | "SIGNIFICANT" | "SEVERE", evidence = "", trend: "" | "RISING" = "", confidence: "" | "HIGH" = "") => ({ indicatorId: ind[code], level, trend, confidence, evidence, sourceIds: [] });
    await actAs(analyst);
    const ratedSituation = await createSituation(org.id, analyst.id, { visibility: "COALITION", title: "Ratings export watch" });
    const round = async (situationId: string, assessedOn: string, ratings: ReturnType<typeof rating>[], publish = true) => {
      const r = await ok(startRoundAction({ situationId, assessedOn }));
      await ok(saveRoundAction({ id: r.id, version: 1, assessedOn, summary: "", ratings }));
      if (publish) await ok(publishRoundAction({ id: r.id, version: 2 }));
      return r;
    };
    await round(ratedSituation.id, "2026-01-01", [rating("7.1", "PRESENT", "First report")]);
    await round(ratedSituation.id, "2026-02-01", [rating("7.1", "SEVERE", "=SUM(A1) decree", "RISING", "HIGH"), rating("1.10", "PRESENT"), rating("1.2", "SIGNIFICANT")]);
    const deleted = await round(ratedSituation.id, "2026-02-15", [rating("3.1", "SEVERE", "Withdrawn")]);
    await db.assessment.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    await round(ratedSituation.id, "2026-03-01", [rating("2.1", "SEVERE", "Draft only")], false);
    await round(secret.id, "2026-01-10", [rating("4.1", "PRESENT", "Private")]);

    const rows = await csv("ratings", `?situation=${ratedSituation.id}`);
    expect(rows[0]).toEqual(["Situation", "Round", "Indicator", "Indicator text", "Rating", "Points (0-3)", "Trend", "Confidence", "Evidence"]);
    // Oldest round first; within a round, the Framework's order (1.2 before 1.10); the draft and the deleted round left out.
    expect(rows.slice(1).map((r) => [r[1], r[2], r[4], r[5], r[6], r[7], r[8]])).toEqual([
      ["2026-01-01", "7.1", "Present", "1", "", "", "First report"],
      ["2026-02-01", "1.2", "Significant", "2", "", "", ""],
      ["2026-02-01", "1.10", "Present", "1", "", "", ""],
      ["2026-02-01", "7.1", "Severe", "3", "Rising", "High", "'=SUM(A1) decree"],
    ]);
    expect(rows[1][0]).toBe("Ratings export watch");

    // The whole export against Prisma's read of the same rule, for the member and for another organisation.
    const membership = (await getCurrentUser())!.active!;
    const ds = DATASETS.ratings;
    const key = (r: Row) => JSON.stringify(ds.columns.map((c) => r[c.key]));
    const mine = await collect(ds.rows(membership, {}));
    expect(mine.map(key).sort()).toEqual((await prismaRatingRows(membership)).map(key).sort());
    expect(mine.some((r) => r.evidence === "Private")).toBe(true);
    await actAs(outsider);
    const theirs = (await getCurrentUser())!.active!;
    const outsiders = await collect(ds.rows(theirs, {}));
    expect(outsiders.map(key).sort()).toEqual((await prismaRatingRows(theirs)).map(key).sort());
    expect(outsiders.some((r) => r.evidence === "Private")).toBe(false);
    expect(outsiders.some((r) => r.evidence === "=SUM(A1) decree")).toBe(true);
    const head = jsonHead({ list: "ratings", exportedAt: "", filters: {} }, ds.columns);
    expect((await jsonRows(ds.json!(theirs, {}, head))).map(key).sort()).toEqual((await prismaRatingRows(theirs)).map(asJson).map(key).sort());
    expect((await jsonRows(ds.json!(membership, {}, head))).map(key).sort()).toEqual((await prismaRatingRows(membership)).map(asJson).map(key).sort());
    expect(await csv("ratings", `?situation=${secret.id}`)).toHaveLength(1); // header only
    expect((await csv("ratings", `?situation=${"x".repeat(41)}`)).length).toBe((await csv("ratings")).length); // a malformed filter is left out, as on the lists

    // JSON and XLSX: typed values, text as recorded (JSON) or guarded (XLSX).
    await actAs(analyst);
    const json = JSON.parse(await (await get("ratings", `?format=json&situation=${ratedSituation.id}`)).text());
    expect(json.rows.at(-1)).toEqual({ situation: "Ratings export watch", assessedOn: "2026-02-01", code: "7.1", text: expect.any(String), level: "Severe", points: 3, trend: "Rising", confidence: "High", evidence: "=SUM(A1) decree" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await (await get("ratings", `?format=xlsx&situation=${ratedSituation.id}`)).arrayBuffer());
    const last = wb.getWorksheet("Indicator ratings")!.getRow(5);
    expect(last.getCell(2).value).toEqual(new Date("2026-02-01"));
    expect(last.getCell(6).value).toBe(3);
    expect(last.getCell(9).value).toBe("'=SUM(A1) decree");
  });
});

describe("large exports", () => {
  it("go on in further worksheets when a list is longer than a worksheet holds", async () => {
    const columns = [{ key: "n", header: "Number", type: "number" as const }];
    async function* five() {
      yield [{ n: 1 }, { n: 2 }, { n: 3 }];
      yield [{ n: 4 }, { n: 5 }];
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await new Response(xlsxStream([{ title: "Events", columns, batches: five() }], 3)).arrayBuffer());
    expect(wb.worksheets.map((w) => [w.name, (w.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r[1])])).toEqual([
      ["Events", ["Number", 1, 2]],
      ["Events (2)", ["Number", 3, 4]],
      ["Events (3)", ["Number", 5]],
    ]);
  });

  it("give the database connection back when an XLSX or JSON download stops part-way", async () => {
    await actAs(analyst);
    const pool = rawPool();
    for (const query of ["?format=json", "?format=xlsx", "?format=json&sort=oldest"]) {
      for (const entity of ["events", "ratings"]) {
        const reader = (await get(entity, query)).body!.getReader();
        await reader.read();
        await reader.cancel();
      }
    }
    const membership = (await getCurrentUser())!.active!;
    const batches = DATASETS.events.rows(membership, {});
    await batches.next();
    await batches.return(undefined);
    await new Promise((r) => setTimeout(r, 200));
    expect(pool.totalCount - pool.idleCount).toBe(0); // none still checked out (the pool holds 4: a leak would hang here)
    const { rows } = await pool.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'");
    expect(rows[0].n).toBe(0);
    expect(JSON.parse(await (await get("events", "?format=json")).text()).rows.length).toBeGreaterThan(1);
  });
});
