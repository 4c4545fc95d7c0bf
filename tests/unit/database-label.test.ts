import { describe, expect, it } from "vitest";
import { databaseLabel } from "../../scripts/lib/database";

describe("which database a script changes", () => {
  it("names the external server without its password", () => {
    const label = databaseLabel({ DATABASE_URL: "postgresql://tracker:s3cret@db.example.org:6432/tracker" });
    expect(label).toBe("the PostgreSQL server in DATABASE_URL (db.example.org:6432, database tracker)");
    expect(label).not.toContain("s3cret");
  });

  it("says when it is the embedded database, and how to aim elsewhere", () => {
    expect(databaseLabel({})).toBe("the embedded database (.data/postgres, port 54329); set DATABASE_URL to migrate another server");
  });
});
