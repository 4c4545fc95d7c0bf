import { describe, expect, it } from "vitest";
import { readBackup, type BackupEntry } from "@/lib/exports/backup-reader";
import { fileSize } from "@/lib/format";

/** The text as a stream of `size`-byte chunks. */
function stream(text: string, size = 7): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(c) {
      if (at >= bytes.length) return c.close();
      c.enqueue(bytes.slice(at, (at += size)));
    },
  });
}
async function read(text: string, opts: { size?: number; maxRecordBytes?: number } = {}) {
  const out: BackupEntry[] = [];
  for await (const e of readBackup(stream(text, opts.size), null, null, opts.maxRecordBytes)) out.push(e);
  return out;
}

describe("the backup reader", () => {
  it("gives the top-level values and each element of a top-level list, in file order, however the bytes are cut", async () => {
    const text = JSON.stringify({ format: "f", version: 2, organisation: { a: [1, { b: "é" }], __proto__x: 1 }, events: [{ id: "e1", n: -1.5e2 }, null, "x"], empty: [] });
    for (const size of [1, 3, 64, 10_000]) {
      expect(await read(text, { size })).toEqual([
        { kind: "value", key: "format", value: "f" },
        { kind: "value", key: "version", value: 2 },
        { kind: "value", key: "organisation", value: { a: [1, { b: "é" }], __proto__x: 1 } },
        { kind: "start", key: "events" },
        { kind: "item", key: "events", index: 0, value: { id: "e1", n: -150 } },
        { kind: "item", key: "events", index: 1, value: null },
        { kind: "item", key: "events", index: 2, value: "x" },
        { kind: "end", key: "events", count: 3 },
        { kind: "start", key: "empty" },
        { kind: "end", key: "empty", count: 0 },
      ]);
    }
  });

  it("keeps a __proto__ key as data, never as the object's prototype", async () => {
    const [entry] = await read('{"organisation":{"__proto__":{"polluted":true}}}');
    const value = (entry as { value: Record<string, unknown> }).value;
    expect(Object.keys(value)).toEqual(["__proto__"]);
    expect((value as { polluted?: boolean }).polluted).toBeUndefined();
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it("says where a cut file ends, and refuses what is not JSON or not a backup", async () => {
    await expect(read('{"format":"f","events":[{"id":"a"},{"id":')).rejects.toThrow("This file is not a complete backup: it ends before the end of its events (after 1 of them).");
    await expect(read('{"format":"f","sources":[]')).rejects.toThrow("This file is not a complete backup: it ends after its sources, before the end of the backup.");
    await expect(read('{"format":')).rejects.toThrow("This file is not a complete backup: it ends before the end of its “format”.");
    await expect(read("")).rejects.toThrow("This file is empty.");
    await expect(read('{"format":"f",,}')).rejects.toThrow(/^This file is not valid JSON \(the error is near byte \d+\)/);
    await expect(read("[1,2]")).rejects.toThrow("This is not a backup of this application.");
    await expect(read('{"format":"f"} trailing')).rejects.toThrow(/not valid JSON/);
  });

  it("refuses a single record larger than the limit (the file as a whole has none)", async () => {
    const big = JSON.stringify({ format: "f", events: [{ id: "a" }, { id: "b", notes: "x".repeat(5000) }] });
    await expect(read(big, { size: 100, maxRecordBytes: 1000 })).rejects.toThrow(`A single record of this backup is larger than ${fileSize(1000)} (in its events, after 1 of them).`);
    expect(await read(JSON.stringify({ format: "f", events: Array.from({ length: 200 }, (_, i) => ({ id: `e${i}`, notes: "x".repeat(200) })) }), { size: 100, maxRecordBytes: 1000 })).toHaveLength(203);
  });
});
