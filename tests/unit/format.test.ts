import { describe, expect, it } from "vitest";
import { counted, fileSize } from "@/lib/format";

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
