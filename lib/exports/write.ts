// Streams rows out as CSV or XLSX: one batch in memory at a time, whatever the number of rows.
import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import { stringify } from "csv-stringify";
import ExcelJS from "exceljs";
import { safeCell, type CellValue } from "./neutralise";
import type { Column, Row } from "./datasets";

function textOf(value: CellValue, type: Column["type"]): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "boolean") return value ? "yes" : "no";
  return String(type === "string" ? safeCell(value) : value);
}

/** CSV (UTF-8 with BOM so spreadsheet programs read accents right), optionally with an HXL hashtag row. */
export function csvStream(columns: Column[], batches: AsyncGenerator<Row[]>, opts: { hxl?: boolean } = {}): ReadableStream<Uint8Array> {
  async function* lines() {
    yield columns.map((c) => c.header);
    if (opts.hxl) yield columns.map((c) => c.hxl ?? "");
    for await (const batch of batches) for (const row of batch) yield columns.map((c) => textOf(row[c.key], c.type));
  }
  const out = Readable.from(lines()).pipe(stringify({ bom: true }));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

const WIDTH: Record<Column["type"], number> = { string: 28, number: 12, date: 12, boolean: 10 };
/** Columns of running text (summaries, evidence, notes) are wide; the others fit their header, within their type's width. */
const LONG_TEXT = /summary|background|notes|evidence|rationale|description|populations|perpetrators|recommended|link|before|after|meta/i;
function columnWidth(c: Column): number {
  if (c.type === "string" && LONG_TEXT.test(c.key)) return 60;
  return Math.min(Math.max(WIDTH[c.type], c.header.length + 3), 40);
}

/** Rows a worksheet can hold (Excel's limit, header included). */
const XLSX_SHEET_ROWS = 1_048_576;

/** The zip entry's compressor: a stream of the readable-stream package, whose state shows only through these fields. */
type Compressor = NodeJS.EventEmitter & { _writableState?: { needDrain?: boolean }; _readableState?: { endEmitted?: boolean } };

/**
 * The compressor a worksheet's rows go through. ExcelJS writes rows into it without waiting for it
 * to keep up, so rows read faster than they are compressed (a cursor reads 2,000 in milliseconds)
 * pile up in memory: 120 MB of XML for 400,000 rows, 1.7 GB of memory for 3,000,000 ratings.
 * Waiting for it to drain keeps that to a few buffers. ExcelJS keeps it out of its types (the
 * worksheet's stream, piped into the zip entry once the zip reaches that sheet).
 */
const compressorOf = (ws: ExcelJS.Worksheet) => (ws as unknown as { stream?: { pipes?: Compressor[] } }).stream?.pipes?.[0];

/**
 * XLSX with typed columns (numbers, dates, yes/no), one sheet per dataset, written as a stream. A
 * list longer than a worksheet holds goes on in further sheets ("Events (2)", ...), each with its header.
 */
export function xlsxStream(sheets: { title: string; columns: Column[]; batches: AsyncGenerator<Row[]>; hxl?: boolean }[], sheetRows = XLSX_SHEET_ROWS): ReadableStream<Uint8Array> {
  const pass = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: pass, useStyles: true, useSharedStrings: false });
  const cancelled = new AbortController();
  pass.once("close", () => cancelled.abort());
  /** Until `event` (the compressor drained, or finished a sheet); false when the download was cancelled meanwhile. */
  const until = async (stream: Compressor, event: "drain" | "end") => {
    try {
      await once(stream, event, { signal: cancelled.signal });
      return true;
    } catch (e) {
      if (cancelled.signal.aborted) return false;
      throw e;
    }
  };
  (async () => {
    for (const sheet of sheets) {
      let ws: ExcelJS.Worksheet | undefined;
      let part = 0;
      let left = 0;
      const open = async () => {
        if (ws) {
          ws.commit();
          // The next sheet's rows would wait in memory until the zip has taken this one in full.
          const previous = compressorOf(ws);
          if (previous && !previous._readableState?.endEmitted && !(await until(previous, "end"))) return undefined;
        }
        part += 1;
        // The header row (and the HXL tag row under it) stays in view while scrolling, with a filter on every column.
        const headRows = sheet.hxl ? 2 : 1;
        ws = workbook.addWorksheet(part === 1 ? sheet.title.slice(0, 31) : `${sheet.title.slice(0, 24)} (${part})`, {
          views: [{ state: "frozen", xSplit: 0, ySplit: headRows }],
        });
        ws.autoFilter = { from: { row: headRows, column: 1 }, to: { row: headRows, column: sheet.columns.length } };
        ws.columns = sheet.columns.map((c) => ({ header: c.header, key: c.key, width: columnWidth(c), style: c.type === "date" ? { numFmt: "yyyy-mm-dd" } : {} }));
        ws.getRow(1).font = { bold: true };
        left = sheetRows - 1;
        if (sheet.hxl) {
          ws.addRow(Object.fromEntries(sheet.columns.map((c) => [c.key, c.hxl ?? ""]))).commit();
          left -= 1;
        }
        return ws;
      };
      ws = await open();
      for await (const batch of sheet.batches) {
        if (pass.destroyed || !ws) return; // the download was cancelled: stop reading (ends the database cursor)
        for (const row of batch) {
          if (left === 0 && !(ws = await open())) return;
          ws.addRow(Object.fromEntries(sheet.columns.map((c) => [c.key, c.type === "string" ? safeCell(row[c.key] ?? null) : (row[c.key] ?? null)]))).commit();
          left -= 1;
        }
        const compressor = compressorOf(ws);
        if (compressor?._writableState?.needDrain && !(await until(compressor, "drain"))) return;
      }
      ws?.commit();
    }
    await workbook.commit();
  })().catch((e) => pass.destroy(e));
  return Readable.toWeb(pass) as ReadableStream<Uint8Array>;
}

/** A value as JSON: dates as ISO days, the rest as they are (JSON is not opened by spreadsheets: no formula guard). */
function jsonOf(value: CellValue | undefined): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value;
}

export interface JsonMeta {
  list: string;
  exportedAt: string;
  filters: Record<string, string>;
}

/** The start of a JSON export: what it holds (the list, when, with which filters, its columns with their headers and types), then its rows. */
export function jsonHead(meta: JsonMeta, columns: Column[]): string {
  const head = { format: "atrocity-early-warning-list", version: 1, ...meta, columns: columns.map(({ key, header, type }) => ({ key, header, type })) };
  return `${JSON.stringify(head).slice(0, -1)},"rows":[\n`;
}
const JSON_TAIL = "\n]}\n";

/**
 * JSON: one object that says what it holds followed by the rows, each an object keyed by column;
 * written a batch at a time, so a list of any length streams.
 */
export function jsonStream(meta: JsonMeta, columns: Column[], batches: AsyncGenerator<Row[]>): ReadableStream<Uint8Array> {
  async function* parts() {
    yield jsonHead(meta, columns);
    let first = true;
    for await (const batch of batches) {
      const text = batch.map((row) => JSON.stringify(Object.fromEntries(columns.map((c) => [c.key, jsonOf(row[c.key])])))).join(",\n");
      if (!text) continue;
      yield `${first ? "" : ",\n"}${text}`;
      first = false;
    }
    yield JSON_TAIL;
  }
  async function* bytes() {
    for await (const part of parts()) yield Buffer.from(part, "utf8");
  }
  return Readable.toWeb(Readable.from(bytes())) as ReadableStream<Uint8Array>;
}
