// Reading an uploaded CSV file as a stream: never the whole file in memory. Not server-only so
// the benchmark and tests can use it directly.
import { createReadStream } from "node:fs";
import { setImmediate as nextTurn } from "node:timers/promises";
import { open } from "node:fs/promises";
import { parse } from "csv-parse";
import { sniffDelimiter } from "./acled";

export class CsvFileError extends Error {}

/** The file's delimiter and header row, from its first 64 KB; refuses what is not CSV text. */
export async function inspectCsv(file: string): Promise<{ delimiter: string; headers: string[] }> {
  const fh = await open(file, "r");
  let head: Buffer;
  try {
    const buf = Buffer.alloc(65536);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    head = buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  if (head.length === 0) throw new CsvFileError("The file is empty.");
  if (head.includes(0)) throw new CsvFileError("This file is not a CSV text file (it contains binary data). Export the data as CSV and upload that.");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(head.length === 65536 ? head.subarray(0, 65530) : head);
  } catch {
    throw new CsvFileError("This file is not UTF-8 text. Save it as CSV UTF-8 and upload it again.");
  }
  text = text.replace(/^\uFEFF/, "");
  const firstLine = text.split(/\r?\n/, 1)[0];
  const delimiter = sniffDelimiter(firstLine);
  const headers = await new Promise<string[]>((resolve, reject) => {
    parse(firstLine, { delimiter, to_line: 1, relax_quotes: true }, (err, rows: string[][]) => (err ? reject(err) : resolve(rows[0] ?? [])));
  }).catch(() => {
    throw new CsvFileError("The first line of the file could not be read as column names.");
  });
  const cleaned = headers.map((h) => h.trim());
  if (cleaned.length < 2) throw new CsvFileError("The first line has fewer than two columns: this does not look like a CSV file with a header row.");
  const dupes = cleaned.filter((h, i) => h && cleaned.indexOf(h) !== i);
  if (dupes.length) throw new CsvFileError(`The column "${dupes[0]}" appears twice in the header row; rename one of them.`);
  return { delimiter, headers: cleaned };
}

/** Each data row as header -> cell, with its row number (the header is row 1), or the parse problem for that row. */
export async function* readCsvRows(file: string, delimiter: string): AsyncGenerator<{ row: number; record?: Record<string, string>; problem?: string }> {
  const input = createReadStream(file);
  // Rows come as arrays of cells and are paired with the header here: half the work of letting the
  // parser build each row's object and its per-row info (100,000 rows: ~1.3 s -> ~0.7 s).
  const parser = input.pipe(parse({ delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }));
  // pipe() does not forward read errors (e.g. the file vanished): without this the loop would wait forever.
  input.on("error", (e) => parser.destroy(e));
  let row = 0;
  let headers: string[] | null = null;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      row++;
      // The parser hands over a chunk's rows without returning to the event loop: give it a turn
      // every 100 rows, so a database answer (the import's previous batch) or another request is
      // taken up at once instead of after the whole chunk. Import of 100,000 rows: PostgreSQL had
      // sat idle for ~2 s of ~7 s.
      if (row % 100 === 0) await nextTurn();
      if (!headers) {
        headers = cells.map((h) => h.trim());
        continue;
      }
      if (cells.length !== headers.length) {
        yield { row, problem: "This row does not have the same number of columns as the header row." };
        continue;
      }
      const record: Record<string, string> = Object.create(null); // a column may be called __proto__
      for (let i = 0; i < headers.length; i++) record[headers[i]] = cells[i];
      yield { row, record };
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") throw new CsvFileError("The uploaded file is no longer stored; upload it again.");
    throw new CsvFileError(`The file could not be read past row ${row + 1}: ${(e as Error).message.replace(/\s+/g, " ").slice(0, 200)}`);
  }
}
