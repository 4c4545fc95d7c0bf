// Streams rows out as CSV or XLSX: one batch in memory at a time, whatever the number of rows.
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

/** XLSX with typed columns (numbers, dates, yes/no), one sheet per dataset, written as a stream. */
export function xlsxStream(sheets: { title: string; columns: Column[]; batches: AsyncGenerator<Row[]>; hxl?: boolean }[]): ReadableStream<Uint8Array> {
  const pass = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: pass, useStyles: true, useSharedStrings: false });
  (async () => {
    for (const sheet of sheets) {
      const ws = workbook.addWorksheet(sheet.title.slice(0, 31));
      ws.columns = sheet.columns.map((c) => ({ header: c.header, key: c.key, width: WIDTH[c.type], style: c.type === "date" ? { numFmt: "yyyy-mm-dd" } : {} }));
      ws.getRow(1).font = { bold: true };
      if (sheet.hxl) ws.addRow(Object.fromEntries(sheet.columns.map((c) => [c.key, c.hxl ?? ""]))).commit();
      for await (const batch of sheet.batches) {
        for (const row of batch) {
          ws.addRow(Object.fromEntries(sheet.columns.map((c) => [c.key, c.type === "string" ? safeCell(row[c.key] ?? null) : (row[c.key] ?? null)]))).commit();
        }
      }
      ws.commit();
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

/**
 * JSON: one object that says what it holds (the list, when, with which filters, its columns with
 * their headers and types) followed by the rows, each an object keyed by column; written a batch
 * at a time, so a list of any length streams.
 */
export function jsonStream(meta: { list: string; exportedAt: string; filters: Record<string, string> }, columns: Column[], batches: AsyncGenerator<Row[]>): ReadableStream<Uint8Array> {
  async function* parts() {
    const head = { format: "atrocity-early-warning-list", version: 1, ...meta, columns: columns.map(({ key, header, type }) => ({ key, header, type })) };
    yield `${JSON.stringify(head).slice(0, -1)},"rows":[`;
    let first = true;
    for await (const batch of batches) {
      const text = batch.map((row) => JSON.stringify(Object.fromEntries(columns.map((c) => [c.key, jsonOf(row[c.key])])))).join(",\n");
      if (!text) continue;
      yield `${first ? "\n" : ",\n"}${text}`;
      first = false;
    }
    yield "\n]}\n";
  }
  async function* bytes() {
    for await (const part of parts()) yield Buffer.from(part, "utf8");
  }
  return Readable.toWeb(Readable.from(bytes())) as ReadableStream<Uint8Array>;
}
