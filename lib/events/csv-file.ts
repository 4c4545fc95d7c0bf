// Reading an uploaded CSV file as a stream: never the whole file in memory. Not server-only so
// the benchmark and tests can use it directly.
import { createReadStream } from "node:fs";
import { setImmediate as nextTurn } from "node:timers/promises";
import { open } from "node:fs/promises";
import { parse } from "csv-parse";
import { sniffDelimiter } from "./acled";

export class CsvFileError extends Error {}

/**
 * The most columns and the longest column name an import reads. Every column becomes a row of the
 * mapping form and is stored with the import: a header of 16,574 columns made a mapping page of
 * 13 MB, and five loads of it took a server process to 933 MB. ACLED's exports have 31 columns.
 */
export const MAX_COLUMNS = 500;
export const MAX_COLUMN_NAME = 200;
/** How much of the file is read to find the header row: 500 names of 200 characters fit. */
const HEAD_BYTES = 128 * 1024;

const count = (n: number) => new Intl.NumberFormat("en").format(n);

/** The file's delimiter and header row, from its first 128 KB; refuses what is not CSV text, and headers too wide to map. */
export async function inspectCsv(file: string): Promise<{ delimiter: string; headers: string[] }> {
  const fh = await open(file, "r");
  let head: Buffer;
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    head = buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  if (head.length === 0) throw new CsvFileError("The file is empty.");
  if (head.includes(0)) throw new CsvFileError("This file is not a CSV text file (it contains binary data). Export the data as CSV and upload that.");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(head.length === HEAD_BYTES ? head.subarray(0, HEAD_BYTES - 6) : head);
  } catch {
    throw new CsvFileError("This file is not UTF-8 text. Save it as CSV UTF-8 and upload it again.");
  }
  text = text.replace(/^\uFEFF/, "");
  const firstLine = text.split(/\r?\n/, 1)[0];
  // The header row ends within what was read, or the file ends there.
  const whole = firstLine.length < text.length || head.length < HEAD_BYTES;
  const delimiter = sniffDelimiter(firstLine);
  const headers = await new Promise<string[]>((resolve, reject) => {
    parse(firstLine, { delimiter, to_line: 1, relax_quotes: true }, (err, rows: string[][]) => (err ? reject(err) : resolve(rows[0] ?? [])));
  }).catch(() => {
    if (whole) throw new CsvFileError("The first line of the file could not be read as column names.");
    return firstLine.split(delimiter); // cut inside a quoted name: counted roughly, refused below
  });
  const tooMany = (what: string) => `This file has ${what} columns; we read at most ${MAX_COLUMNS}. Remove the columns you do not need and upload it again.`;
  if (!whole) {
    // The last name read may be cut short, so only the ones before it are certain.
    if (headers.length - 1 > MAX_COLUMNS) throw new CsvFileError(tooMany(`more than ${count(headers.length - 1)}`));
    throw new CsvFileError(`The first line of the file (the column names) is longer than ${HEAD_BYTES / 1024} KB, which is more than we read. Remove the columns you do not need and upload it again.`);
  }
  if (headers.length > MAX_COLUMNS) throw new CsvFileError(tooMany(count(headers.length)));
  const cleaned = headers.map((h) => h.trim());
  const long = cleaned.find((h) => [...h].length > MAX_COLUMN_NAME);
  if (long) {
    throw new CsvFileError(`The column name "${[...long].slice(0, 40).join("")}…" is ${count([...long].length)} characters long; a column name may have at most ${MAX_COLUMN_NAME}. Shorten it and upload the file again.`);
  }
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
