import { describe, expect, it } from "vitest";
import { counted, fileSize, killed } from "@/lib/format";

describe("counts and sizes in words", () => {
  it("say one row, two rows, and file sizes in bytes, KB or MB", () => {
    expect(counted(1, "row")).toBe("1 row");
    expect(counted(0, "row")).toBe("0 rows");
    expect(counted(2500, "new event")).toBe("2,500 new events");
    expect(counted(3, "country", "countries")).toBe("3 countries");
    expect(fileSize(17)).toBe("17 bytes");
    expect(fileSize(1)).toBe("1 byte");
    expect(fileSize(2048)).toBe("2 KB");
    expect(fileSize(5 * 1024 * 1024 + 300_000)).toBe("5.3 MB");
  });
});

describe("people killed, where some figures are unknown", () => {
  it("says unknown for an event without a figure, and 'at least' for a total over events of which some are unknown", () => {
    expect(killed(12)).toBe("12");
    expect(killed(0)).toBe("0");
    expect(killed(null)).toBe("unknown");
    expect(killed(1200, 0)).toBe("1,200");
    expect(killed(12, 1)).toBe("at least 12");
    expect(killed(0, 2)).toBe("at least 0");
    // A total over events whose figures are all unknown (SQL's sum of nothing but nulls is null).
    expect(killed(null, 3)).toBe("unknown");
  });
});
