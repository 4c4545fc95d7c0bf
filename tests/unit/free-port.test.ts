import { createServer, type Server } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/lib/local-env";

const held: Server[] = [];
const hold = (port: number) => new Promise<void>((resolve, reject) => {
  const s = createServer();
  s.once("error", reject);
  s.listen(port, "127.0.0.1", () => { held.push(s); resolve(); });
});
afterAll(() => held.forEach((s) => s.close()));

describe("the embedded database's port, chosen at set-up", () => {
  it("is the one asked for when free, else the next free one", async () => {
    const first = await freePort(47310);
    expect(first).toBeGreaterThanOrEqual(47310);
    await hold(first);
    const next = await freePort(first);
    expect(next).toBeGreaterThan(first);
    await hold(next);
    expect(await freePort(first)).toBeGreaterThan(next);
  });
  it("says what to do when none is free", async () => {
    const port = await freePort(47350);
    await hold(port);
    await expect(freePort(port, 1)).rejects.toThrow(/EMBEDDED_DB_PORT/);
  });
});
