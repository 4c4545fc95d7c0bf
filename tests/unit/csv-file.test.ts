import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { inspectCsv, readCsvRows } from "@/lib/events/csv-file";

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

describe("inspecting a CSV file's header row", () => {
  function file(name: string, text: string) {
    const f = path.join(dir, name);
    writeFileSync(f, text);
    return f;
  }
  const columns = (n: number, name = (i: number) => `col${i}`) => Array.from({ length: n }, (_, i) => name(i)).join(",");

  it("reads up to 500 columns", async () => {
    const { headers } = await inspectCsv(file("500.csv", columns(500) + "\n" + columns(500, () => "x") + "\n"));
    expect(headers).toHaveLength(500);
  });

  it("refuses a header of 600 columns, naming how many it has and how many are read", async () => {
    await expect(inspectCsv(file("600.csv", columns(600) + "\n" + columns(600, () => "x") + "\n"))).rejects.toThrow(
      "This file has 600 columns; we read at most 500. Remove the columns you do not need and upload it again.",
    );
  });

  it("counts thousands of columns with separators, and says 'more than' when the header row does not end in the part read", async () => {
    await expect(inspectCsv(file("16574.csv", columns(16574, () => "c") + "\n1\n"))).rejects.toThrow(
      "This file has 16,574 columns; we read at most 500. Remove the columns you do not need and upload it again.",
    );
    const endless = file("endless.csv", columns(20000, (i) => `column${i}`) + "\n1\n");
    await expect(inspectCsv(endless)).rejects.toThrow(/^This file has more than [\d,]+ columns; we read at most 500\. Remove the columns you do not need and upload it again\.$/);
  });

  it("refuses a column name longer than 200 characters, naming its start and its length", async () => {
    await expect(inspectCsv(file("long.csv", `id,${"n".repeat(201)}\n1,2\n`))).rejects.toThrow(
      `The column name "${"n".repeat(40)}…" is 201 characters long; a column name may have at most 200. Shorten it and upload the file again.`,
    );
    const { headers } = await inspectCsv(file("200.csv", `id,${"n".repeat(200)}\n1,2\n`));
    expect(headers[1]).toHaveLength(200);
  });
});
