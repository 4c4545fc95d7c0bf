// Reads a backup file as a stream: the request body is decoded and tokenised piece by piece
// (stream-json's tokenizer), and only one top-level value (format, version, organisation...) or
// one element of a top-level array (a source, a situation, an event...) is assembled at a time.
// Memory stays flat whatever the file's size: neither the file nor a whole array is ever held.
import { createHash } from "node:crypto";
import { jsonParser } from "stream-json/core/parser.js";
import { Assembler } from "stream-json/core/assembler.js";
import { fileSize } from "@/lib/format";
import type { Token } from "stream-json/core/parser.js";

/** A malformed, truncated or cut-short file: the message is for the person restoring. */
export class BackupFileError extends Error {}

export type BackupEntry =
  | { kind: "value"; key: string; value: unknown }
  | { kind: "start"; key: string }
  | { kind: "item"; key: string; index: number; value: unknown }
  | { kind: "end"; key: string; count: number };

/** What a top-level key holds, for messages ("its events"). */
const LABELS: Record<string, string> = {
  indicators: "own indicators",
  sources: "sources",
  situations: "situations",
  imports: "import history",
  assessments: "assessment rounds",
  responses: "responses",
  events: "events",
  alerts: "alerts",
  watches: "followed situations",
  importMappings: "saved column mappings",
  auditLog: "audit log",
};
const label = (key: string) => LABELS[key] ?? `“${key.slice(0, 60)}”`;

const isValueStart = (t: Token) => t.name !== "keyValue" && t.name !== "endObject" && t.name !== "endArray" && t.name !== "whitespace";

/**
 * The backup's top-level values and array elements in file order. `declaredLength` is the request's
 * Content-Length: a body that ends short of it (or runs past it) is refused; `expectedSha256`, the
 * fingerprint the browser sent, is checked once the whole body has arrived (before the caller commits).
 */
/** The most one record (one array element or top-level value) may take: far above any real one (a round of 1,000 ratings with 5,000 characters of evidence each is about 6 MB). */
export const MAX_RECORD_BYTES = 64 * 1024 * 1024;

export async function* readBackup(
  body: ReadableStream<Uint8Array> | null,
  declaredLength: number | null,
  expectedSha256: string | null = null,
  maxRecordBytes = MAX_RECORD_BYTES,
): AsyncGenerator<BackupEntry> {
  if (!body) throw new BackupFileError("The request held no file. Choose a backup downloaded from the Exports page.");
  if (expectedSha256 !== null && !/^[0-9a-f]{64}$/i.test(expectedSha256)) throw new BackupFileError("The upload's fingerprint (X-Content-SHA256) is not a SHA-256. Send the file again from the Exports page.");
  const hash = createHash("sha256");
  const parse = jsonParser({ packValues: true, streamValues: false });
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const reader = body.getReader();
  let received = 0;
  let sinceRecord = 0;
  let started = false;
  let ended = false;
  let key: string | null = null; // the top-level key whose value comes next or is being read
  let lastComplete: string | null = null;
  let array: { key: string; count: number } | null = null;
  // One value at a time, built by stream-json's Assembler (a "__proto__" key stays a plain key, as in JSON.parse).
  let builder: Assembler | null = null;

  const notJson = () => new BackupFileError(`This file is not valid JSON (the error is near byte ${received.toLocaleString("en")}). Choose a backup downloaded from the Exports page.`);

  const out: BackupEntry[] = [];
  function step(t: Token): void {
    if (ended) throw notJson();
    if (!started) {
      if (t.name !== "startObject") throw new BackupFileError("This is not a backup of this application.");
      started = true;
      return;
    }
    if (builder) {
      builder.consume(t);
      if (!builder.done) return;
      const value = builder.current;
      builder = null;
      if (array) out.push({ kind: "item", key: array.key, index: array.count++, value });
      else {
        out.push({ kind: "value", key: key!, value });
        lastComplete = key;
        key = null;
      }
      return;
    }
    if (array) {
      if (t.name === "endArray") {
        out.push({ kind: "end", key: array.key, count: array.count });
        lastComplete = array.key;
        array = null;
        key = null;
        return;
      }
      if (!isValueStart(t)) throw notJson();
      builder = new Assembler();
      step(t);
      return;
    }
    // In the top-level object, between its values.
    if (key === null) {
      if (t.name === "keyValue") key = t.value;
      else if (t.name === "endObject") ended = true;
      else throw notJson();
      return;
    }
    if (t.name === "startArray") {
      array = { key, count: 0 };
      out.push({ kind: "start", key });
      return;
    }
    if (!isValueStart(t)) throw notJson();
    builder = new Assembler();
    step(t);
  }

  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      throw new BackupFileError(`The upload stopped after ${received.toLocaleString("en")} bytes. Nothing was restored; send the file again.`);
    }
    if (chunk.done) break;
    received += chunk.value.byteLength;
    hash.update(chunk.value);
    if (declaredLength !== null && received > declaredLength) {
      throw new BackupFileError(`More bytes arrived than the upload declared (${declaredLength.toLocaleString("en")}). Nothing was restored; send the file again.`);
    }
    let text: string;
    try {
      text = decoder.decode(chunk.value, { stream: true });
    } catch {
      throw new BackupFileError(`This file is not text in UTF-8 (near byte ${received.toLocaleString("en")}). Choose a backup downloaded from the Exports page.`);
    }
    let tokens: unknown;
    try {
      tokens = parse(text);
    } catch {
      throw notJson();
    }
    const list = (tokens as { values?: Token[] } | undefined)?.values;
    if (list) for (const t of list) step(t);
    // Bytes read since a record was last completed: one record, or the text between two, never the file.
    sinceRecord = out.length ? 0 : sinceRecord + chunk.value.byteLength;
    if (sinceRecord > maxRecordBytes) {
      const open = array as { key: string; count: number } | null; // set by step(), which TypeScript does not follow
      throw new BackupFileError(`A single record of this backup is larger than ${fileSize(maxRecordBytes)} (${open ? `in its ${label(open.key)}, after ${open.count.toLocaleString("en")} of them` : "outside its lists"}). Nothing was restored; choose a backup downloaded from the Exports page.`);
    }
    yield* out;
    out.length = 0;
  }
  if (declaredLength !== null && received < declaredLength) {
    throw new BackupFileError(`The upload was cut short: ${received.toLocaleString("en")} of ${declaredLength.toLocaleString("en")} bytes arrived. Nothing was restored; send the file again.`);
  }
  // The browser sends the SHA-256 it computed (components/uploads/send-file.ts): the file must be exactly that one.
  if (expectedSha256 !== null && hash.digest("hex") !== expectedSha256.toLowerCase()) {
    throw new BackupFileError("The file that arrived is not the file that was sent (its SHA-256 differs). Nothing was restored; send the file again.");
  }
  try {
    decoder.decode();
  } catch {
    throw new BackupFileError("This file is not a complete backup: it ends in the middle of a character. Nothing was restored; download the backup again.");
  }
  if (!started) throw new BackupFileError("This file is empty. Choose a backup downloaded from the Exports page.");
  if (!ended) {
    const open = array as { key: string; count: number } | null; // set by step(), which TypeScript does not follow
    const where = open
      ? `before the end of its ${label(open.key)} (after ${open.count.toLocaleString("en")} of them)`
      : key
        ? `before the end of its ${label(key)}`
        : lastComplete
          ? `after its ${label(lastComplete)}, before the end of the backup`
          : "before its first part";
    throw new BackupFileError(`This file is not a complete backup: it ends ${where}. Nothing was restored; download the backup again.`);
  }
}
