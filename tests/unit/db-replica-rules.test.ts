import { describe, expect, it } from "vitest";
import { lsnAtLeast, lsnValue, replicaUrls } from "@/lib/db-replica-rules";

describe("read replica rules", () => {
  it("reads one or several replica URLs, and none when unset or blank", () => {
    expect(replicaUrls({})).toEqual([]);
    expect(replicaUrls({ DATABASE_REPLICA_URL: " " })).toEqual([]);
    expect(replicaUrls({ DATABASE_REPLICA_URL: "postgresql://a/x, postgresql://b/x" })).toEqual(["postgresql://a/x", "postgresql://b/x"]);
  });

  it("orders WAL positions by both halves, not as text", () => {
    expect(lsnValue("0/16B3748")).toBe(0x16b3748n);
    expect(lsnValue("1/0")).toBe(1n << 32n);
    expect(lsnValue("9/FFFFFFFF")! < lsnValue("A/0")!).toBe(true); // "9/..." > "A/..." as text would be wrong
    expect(lsnValue("not-an-lsn")).toBeNull();
    expect(lsnValue("1/2/3")).toBeNull();
  });

  it("sends a user's reads to the replica only once it has replayed their write", () => {
    expect(lsnAtLeast("0/3000060", "0/3000060")).toBe(true);
    expect(lsnAtLeast("0/3000061", "0/3000060")).toBe(true);
    expect(lsnAtLeast("0/300005F", "0/3000060")).toBe(false);
    expect(lsnAtLeast("1/0", "0/FFFFFFFF")).toBe(true);
  });

  it("a cookie that is not a WAL position keeps the reads on the primary; a server not replaying holds everything", () => {
    expect(lsnAtLeast("0/3000060", "'; DROP TABLE x; --")).toBe(false);
    expect(lsnAtLeast(null, "0/3000060")).toBe(true);
  });
});
