import { describe, expect, it } from "vitest";
import { connectionPlan, connectionWarning } from "../../scripts/lib/connections";

describe("connections one instance may open", () => {
  it("counts each server process's two pools, one process per core unless WEB_CONCURRENCY says", () => {
    expect(connectionPlan({}, 2)).toEqual({ processes: 2, perProcess: 14, total: 28 });
    expect(connectionPlan({ WEB_CONCURRENCY: "8", DATABASE_POOL_SIZE: "5", DATABASE_RAW_POOL_SIZE: "2" }, 2)).toEqual({ processes: 8, perProcess: 7, total: 56 });
  });

  it("warns when they exceed what the server allows, naming the settings to change", () => {
    expect(connectionWarning({ processes: 2, perProcess: 14, total: 28 }, 97)).toBeNull();
    const w = connectionWarning({ processes: 8, perProcess: 14, total: 112 }, 97);
    expect(w).toContain("with 8 server processes, this instance may open up to 112 connections to PostgreSQL");
    expect(w).toContain("the server allows 97");
    expect(w).toContain("Lower WEB_CONCURRENCY or DATABASE_POOL_SIZE, or raise max_connections");
  });
});
