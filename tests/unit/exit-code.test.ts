import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("the embedded database helper", () => {
  it("does not turn a failing process into a succeeding one (CI must see failures)", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "-e", 'await import("./scripts/lib/embedded-db.ts"); process.exitCode = 3;'], {
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(3);
  });
});
