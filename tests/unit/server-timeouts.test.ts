// Node's requestTimeout (300 s by default) cut an upload still arriving after five minutes with a
// 408. The launcher's preload (scripts/server-timeouts.mjs) sets it from REQUEST_TIMEOUT_SECONDS
// (default an hour, 0 for none) and keeps headersTimeout short (slowloris). Here on a real Node
// server with a timeout of a second: a body that takes longer is cut with 408, a quicker one is not.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { applyServerTimeouts, serverTimeouts } from "@/scripts/server-timeouts.mjs";

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A server that reads the whole body and answers 200 with its length. */
async function start(env: Record<string, string | undefined>): Promise<number> {
  // Node checks the timeouts every 30 s by default; often here, so the test takes seconds.
  const server = http.createServer({ connectionsCheckingInterval: 50 }, (req, res) => {
    let n = 0;
    req.on("data", (c: Buffer) => (n += c.length));
    req.on("end", () => res.end(String(n)));
  });
  applyServerTimeouts(server, env);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return (server.address() as AddressInfo).port;
}

/** Sends `chunks` pieces of a body, one every `everyMs`, and resolves with the status (or "closed"). */
function slowUpload(port: number, chunks: number, everyMs: number): Promise<number | "closed"> {
  return new Promise((resolve) => {
    const req = http.request({ port, host: "127.0.0.1", method: "POST", path: "/", headers: { "content-length": String(chunks) } });
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", () => resolve("closed"));
    let sent = 0;
    const tick = () => {
      if (req.destroyed) return;
      req.write("x");
      if (++sent === chunks) req.end();
      else setTimeout(tick, everyMs);
    };
    tick();
  });
}

describe("request timeouts of the app's server processes", () => {
  it("read REQUEST_TIMEOUT_SECONDS: an hour unless set, 0 for none; headers must come within 60 s", () => {
    expect(serverTimeouts({})).toEqual({ requestTimeout: 3_600_000, headersTimeout: 60_000 });
    expect(serverTimeouts({ REQUEST_TIMEOUT_SECONDS: "" })).toEqual({ requestTimeout: 3_600_000, headersTimeout: 60_000 });
    expect(serverTimeouts({ REQUEST_TIMEOUT_SECONDS: "7200" })).toEqual({ requestTimeout: 7_200_000, headersTimeout: 60_000 });
    expect(serverTimeouts({ REQUEST_TIMEOUT_SECONDS: " 0 " })).toEqual({ requestTimeout: 0, headersTimeout: 60_000 });
    // Shorter than the headers' limit: the headers must come within it too (Node refuses the reverse).
    expect(serverTimeouts({ REQUEST_TIMEOUT_SECONDS: "20" })).toEqual({ requestTimeout: 20_000, headersTimeout: 20_000 });
  });

  it("refuse a value that is not a number of seconds, naming the variable", () => {
    for (const bad of ["-1", "an hour", "1e400", "10s"]) {
      expect(() => serverTimeouts({ REQUEST_TIMEOUT_SECONDS: bad })).toThrow(/REQUEST_TIMEOUT_SECONDS must be a number of seconds/);
    }
  });

  it("let a slow upload finish within the configured time and cut one past it with 408", async () => {
    const port = await start({ REQUEST_TIMEOUT_SECONDS: "1" });
    // 5 bytes over 0.4 s: within the second.
    expect(await slowUpload(port, 5, 100)).toBe(200);
    // 15 bytes over 2.8 s: still arriving after the second.
    expect(await slowUpload(port, 15, 200)).toBe(408);
  });

  it("with 0, set no limit on the body, while the headers keep theirs", async () => {
    const port = await start({ REQUEST_TIMEOUT_SECONDS: "0" });
    const server = servers.at(-1)!;
    expect(server.requestTimeout).toBe(0);
    expect(server.headersTimeout).toBe(60_000);
    expect(await slowUpload(port, 8, 200)).toBe(200);
  });

  it("apply to every server the process starts, as `next start` creates its own", async () => {
    await import("@/scripts/server-timeouts.mjs");
    const before = process.env.REQUEST_TIMEOUT_SECONDS;
    process.env.REQUEST_TIMEOUT_SECONDS = "1";
    try {
      const server = http.createServer({ connectionsCheckingInterval: 50 }, (req, res) => {
        req.resume();
        req.on("end", () => res.end("ok"));
      });
      servers.push(server);
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
      expect(server.requestTimeout).toBe(1000);
      expect(server.headersTimeout).toBe(1000);
      expect(await slowUpload((server.address() as AddressInfo).port, 15, 200)).toBe(408);
    } finally {
      if (before === undefined) delete process.env.REQUEST_TIMEOUT_SECONDS;
      else process.env.REQUEST_TIMEOUT_SECONDS = before;
    }
  });
});
