import "server-only";
// The largest exports read straight from PostgreSQL, not through Prisma a batch at a time:
// - CSV: `COPY (SELECT ...) TO STDOUT WITH CSV`, passed through to the response untouched, so
//   1,000,000 rows leave at close to the database's own speed;
// - JSON: the same SELECT's rows as JSON text, by COPY too (copyJsonStream);
// - XLSX: the same SELECT read through a cursor (DECLARE ... FETCH), a batch at a time, so the
//   server holds one batch whatever the number of rows.
// Each runs in a read-only transaction with the export's own settings (see BEGIN below) and gives
// its connection back however the download ends.
import { Readable } from "node:stream";
import { to as copyTo } from "pg-copy-streams";
import { stringify } from "csv-stringify/sync";
import type pg from "pg";
import { rawPool } from "@/lib/db-raw";
import { readPool } from "@/lib/db-replica";
import { lit } from "@/lib/events/sql";
import type { Column } from "./datasets";

/**
 * CSV cells are text, neutralised; rows (read by the app, for XLSX) and JSON (written by PostgreSQL)
 * keep their types. XLSX guards its own text cells; JSON is not opened by spreadsheets: no guard.
 */
export type ColumnMode = "csv" | "rows" | "json";

/**
 * neutralise() in SQL: text starting with = + - @ tab or CR, after any apostrophes, gets a leading
 * apostrophe. ascii() reads only the first character; the pattern is matched only for text that
 * starts with an apostrophe (rare), so the cost per cell stays that of ascii().
 */
const safe = (text: string) => {
  const expr = `(${text})`; // an expression with operators of its own (a ->> b) stays whole next to ||
  return `CASE WHEN ascii(${expr}) IN (61, 43, 45, 64, 9, 13) OR (ascii(${expr}) = 39 AND ${expr} ~ E'^''+[-=+@\\t\\r]') THEN '''' || ${expr} ELSE ${expr} END`;
};

/** A text column: neutralised in a CSV, as it is in typed rows. */
export const guard = (expr: string, mode: ColumnMode) => (mode === "csv" ? safe(expr) : expr);

/** An enum column in words (`labels`: value -> label), as SQL. */
export const labelSql = (labels: Record<string, string>, expr: string) =>
  `CASE ${expr}::text ${Object.entries(labels)
    .map(([k, v]) => `WHEN ${lit(k)} THEN ${lit(v)}`)
    .join(" ")} END`;

/** A SELECT of the columns (each named by its key) and the rest of the query (FROM ...). */
export const selectOf = ({ keyed, from }: { keyed: [string, string][]; from: string }) => `SELECT ${keyed.map(([key, sql]) => `${sql} AS "${key}"`).join(", ")} ${from}`;

/** The start of a CSV file: UTF-8 byte order mark (for spreadsheet programs), the header row, the HXL row if asked. */
export const csvHead = (columns: Column[], hxl = false) => "\uFEFF" + stringify([columns.map((c) => c.header), ...(hxl ? [columns.map((c) => c.hxl ?? "")] : [])]);

/**
 * Local to the export's transaction (and so held through a transaction-mode pooler): dates as
 * yyyy-mm-dd; no JIT compilation (PostgreSQL compiled an export's expressions at ~1 s of cost to
 * 1,000,000 events, for nothing); no parallel plan, which dropped the index's order to sort every
 * row again on disk (PostgreSQL 15: 5.5 -> 4.5 s with both off).
 */
const EXPORT_BEGIN = "BEGIN READ ONLY; SET LOCAL DateStyle = 'ISO'; SET LOCAL jit = off; SET LOCAL max_parallel_workers_per_gather = 0";

async function exportClient(): Promise<{ client: pg.PoolClient; release: (err?: Error) => void }> {
  // On the read replica when there is one (lib/db-replica.ts): an export is the heaviest read there is.
  const client = await ((await readPool()) ?? rawPool()).connect();
  let done = false;
  const release = (err?: Error) => {
    if (done) return;
    done = true;
    client.release(err); // with an error the connection is closed: a half-read COPY leaves it unusable
  };
  try {
    await client.query(EXPORT_BEGIN);
  } catch (e) {
    release(e as Error);
    throw e;
  }
  return { client, release };
}

/**
 * What COPY writes, between `head` and `tail`, in ~64 KB chunks. `options`: COPY's format options;
 * `skipFirst`: bytes dropped from the start of COPY's output (the JSON rows' first separator).
 */
async function copyStream(sql: string, options: string, head: string, tail = "", skipFirst = 0): Promise<ReadableStream<Uint8Array>> {
  const { client, release } = await exportClient();
  const copy = client.query(copyTo(`COPY (${sql}) TO STDOUT WITH (${options})`));
  copy.on("error", (e) => release(e));
  async function* body() {
    try {
      yield Buffer.from(head);
      // COPY sends a message per row: gather them into ~64 KB writes (fewer, larger chunks to the socket).
      let parts: Buffer[] = [];
      let size = 0;
      let skip = skipFirst;
      for await (const data of copy) {
        let chunk = data as Buffer;
        if (skip) {
          const n = Math.min(skip, chunk.length);
          chunk = chunk.subarray(n);
          skip -= n;
        }
        parts.push(chunk);
        size += chunk.length;
        if (size >= 65536) {
          yield Buffer.concat(parts, size);
          parts = [];
          size = 0;
        }
      }
      if (size) yield Buffer.concat(parts, size);
      await client.query("COMMIT");
      release();
      if (tail) yield Buffer.from(tail);
    } finally {
      release(new Error("The download stopped before the end."));
    }
  }
  return Readable.toWeb(Readable.from(body(), { objectMode: false })) as ReadableStream<Uint8Array>;
}

/** A CSV file: `head` (byte order mark, header rows) then what COPY writes. */
export const copyCsvStream = (sql: string, head: string) => copyStream(sql, "FORMAT csv", head);

/**
 * Rows as JSON text, one per line, written by PostgreSQL (json_build_object over the typed
 * columns: `keyed` pairs each column's key with its SQL), after `head` (jsonHead in write.ts, which
 * opens the rows' array) and before the array's and object's ends. COPY's csv
 * format with a quote and a delimiter that JSON text never holds (PostgreSQL writes control
 * characters in JSON as \u0001...) passes the text through as it is; each row starts with the
 * comma that separates it from the one before, but for the first.
 */
export function copyJsonStream(from: string, keyed: [string, string][], head: string): Promise<ReadableStream<Uint8Array>> {
  const object = `json_build_object(${keyed.map(([key, sql]) => `${lit(key)}, ${sql}`).join(", ")})::text`;
  return copyStream(`SELECT ',' || ${object} ${from}`, "FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02'", head, "]}\n", 1);
}

/**
 * The rows of `sql`, `batch` at a time, through a cursor. Planned for all its rows, as COPY plans
 * the CSV (a cursor is planned for its first tenth by default); a consumer that stops early (the
 * download was cancelled) ends the transaction and frees the connection.
 */
export async function* cursorBatches<T>(sql: string, batch = 5000): AsyncGenerator<T[]> {
  const { client, release } = await exportClient();
  let finished = false;
  try {
    await client.query("SET LOCAL cursor_tuple_fraction = 1");
    await client.query(`DECLARE export_rows NO SCROLL CURSOR FOR ${sql}`);
    for (;;) {
      const { rows } = await client.query(`FETCH ${Number(batch)} FROM export_rows`);
      if (rows.length) yield rows as T[];
      if (rows.length < batch) break;
    }
    await client.query("COMMIT");
    finished = true;
    release();
  } finally {
    if (!finished) {
      // Stopped part-way (or failed): end the transaction if the connection still answers, else close it.
      try {
        await client.query("ROLLBACK");
        release();
      } catch (e) {
        release(e as Error);
      }
    }
  }
}
