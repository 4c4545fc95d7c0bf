import { describe, expect, it } from "vitest";
import { contentHash, MAX_REPEAT_ROWS, RepeatFilter, RepeatTracker } from "@/lib/events/repeats";

describe("ids repeated within an import file", () => {
  it("lists each repeated id with its rows and counts identical and differing repeats", () => {
    const t = new RepeatTracker();
    const a = contentHash(["DUPX001", "2024-03-01", 5]);
    const b = contentHash(["DUPX001", "2024-03-01", 99]);
    t.see("X1", "X1", 2, a);
    t.see("X2", "X2", 3, a);
    t.see("X1", "X1", 4, a); // identical so far
    expect(t.counts).toEqual({ repeatedIds: 1, identicalRepeatRows: 1, differingRepeatIds: 0, differingRepeatRows: 0 });
    t.see("X1", "X1", 5, b); // now the id's rows differ: its earlier repeat counts as differing too
    t.see("X2", "X2", 6, a);
    expect(t.counts).toEqual({ repeatedIds: 2, identicalRepeatRows: 1, differingRepeatIds: 1, differingRepeatRows: 2 });
    expect(t.list).toEqual([
      { id: "X1", rows: [2, 4, 5], identical: false },
      { id: "X2", rows: [3, 6], identical: true },
    ]);
  });

  it("hashes a row's fields so that the same fields give the same hash and moved or missing text does not", () => {
    expect(contentHash(["a", null, 5, true])).toBe(contentHash(["a", null, 5, true]));
    expect(contentHash(["ab", "c"])).not.toBe(contentHash(["a", "bc"]));
    expect(contentHash(["", "x"])).not.toBe(contentHash([null, "x"]));
    expect(contentHash(["x", 5])).not.toBe(contentHash(["x", 50]));
    expect(Number.isSafeInteger(contentHash(["anything"]))).toBe(true);
  });

  it("keeps a bounded list of rows per id and counts the rest", () => {
    const t = new RepeatTracker();
    for (let row = 2; row < 2 + MAX_REPEAT_ROWS + 5; row++) t.see("K", "K", row, 1);
    expect(t.list).toEqual([{ id: "K", rows: Array.from({ length: MAX_REPEAT_ROWS }, (_, i) => i + 2), identical: true, more: 5 }]);
    expect(t.counts.identicalRepeatRows).toBe(MAX_REPEAT_ROWS + 4);
  });

  it("grows past its first capacity", () => {
    const t = new RepeatTracker();
    for (let i = 0; i < 5000; i++) t.see(`ID${i}`, `ID${i}`, i + 2, i);
    t.see("ID4999", "ID4999", 9999, 4999);
    t.see("ID0", "ID0", 10000, 1);
    expect(t.counts).toEqual({ repeatedIds: 2, identicalRepeatRows: 1, differingRepeatIds: 1, differingRepeatRows: 1 });
    expect(t.list).toEqual([
      { id: "ID4999", rows: [5001, 9999], identical: true },
      { id: "ID0", rows: [2, 10000], identical: false },
    ]);
  });

  it("imports the first row of each id, or the last one noted in a first reading", () => {
    const first = new RepeatFilter("FIRST");
    expect([first.keepRow("A", 2), first.keepRow("B", 3), first.keepRow("A", 4)]).toEqual([true, true, false]);
    const last = new RepeatFilter("LAST");
    for (const [key, row] of [["A", 2], ["B", 3], ["A", 4]] as const) last.noteRow(key, row);
    expect([last.keepRow("A", 2), last.keepRow("B", 3), last.keepRow("A", 4)]).toEqual([false, true, true]);
  });
});
