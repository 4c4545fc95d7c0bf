import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCsvRows } from "@/lib/events/csv-file";

const dir = mkdtempSync(path.join(tmpdir(), "aew-csv-"));
async function rows(name: string, text: string, delimiter = ",") {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  const out = [];
  for await (const r of readCsvRows(file, delimiter)) out.push({ ...r, record: r.record && { ...r.record } });
  return out;
}

describe("reading a CSV file row by row", () => {
  it("pairs cells with the trimmed header, numbers rows from the header (1), skips empty lines, keeps quoted newlines and a BOM out", async () => {
    expect(await rows("a.csv", '\uFEFF id , notes\n1,"two\nlines"\n\n2,plain\n')).toEqual([
      { row: 2, record: { id: "1", notes: "two\nlines" } },
      { row: 3, record: { id: "2", notes: "plain" } },
    ]);
  });

  it("reports rows with too few or too many cells, and goes on", async () => {
    expect(await rows("b.csv", "a;b\n1\n1;2;3\n4;5\n", ";")).toEqual([
      { row: 2, problem: "This row does not have the same number of columns as the header row." },
      { row: 3, problem: "This row does not have the same number of columns as the header row." },
      { row: 4, record: { a: "4", b: "5" } },
    ]);
  });

  it("keeps a column called __proto__ as a plain column", async () => {
    const [r] = await rows("c.csv", "__proto__,constructor\nx,y\n");
    expect(r.record).toEqual({ ["__proto__"]: "x", constructor: "y" });
  });

  it("stops with the row it could not read past", async () => {
    await expect(rows("d.csv", 'a,b\n1,2\n3,"open\n')).rejects.toThrow(/^The file could not be read past row 3: /);
  });

  it("reads many rows in file order (with turns for the event loop in between)", async () => {
    const many = await rows("e.csv", "n\n" + Array.from({ length: 1234 }, (_, i) => i).join("\n") + "\n");
    expect(many.map((r) => Number(r.record!.n))).toEqual(Array.from({ length: 1234 }, (_, i) => i));
    expect(many.at(-1)!.row).toBe(1235);
  });
});
