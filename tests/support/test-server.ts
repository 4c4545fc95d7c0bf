// One PostgreSQL server per test run: the embedded one (fresh, in a temporary directory, on a
// free port), or the external server in DATABASE_URL when TEST_PG_EXTERNAL=1 (npm run test:pg).
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { ensureEmbeddedServer } from "../../scripts/lib/embedded-db";

export interface TestServer {
  /** URL of the server's maintenance database (postgres). */
  adminUrl: string;
  kind: "embedded" | "external";
  stop(): Promise<void>;
}

/** A port nothing listens on now (the system's choice). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export async function startTestServer(label: string): Promise<TestServer> {
  if (process.env.TEST_PG_EXTERNAL === "1") {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("npm run test:pg needs DATABASE_URL=postgresql://user:password@host:port/db (a user that may CREATE DATABASE).");
    const u = new URL(url);
    u.pathname = "/postgres";
    return { adminUrl: u.toString(), kind: "external", stop: async () => {} };
  }
  const base = mkdtempSync(path.join(tmpdir(), `aew-${label}-`));
  const server = await ensureEmbeddedServer({
    dataDir: path.join(base, "pgdata"),
    port: await freePort(),
    password: randomBytes(12).toString("hex"),
    database: "postgres",
    logFile: path.join(base, "postgres.log"),
  });
  return {
    adminUrl: server.url,
    kind: "embedded",
    stop: async () => {
      await server.stop();
      rmSync(base, { recursive: true, force: true });
    },
  };
}
