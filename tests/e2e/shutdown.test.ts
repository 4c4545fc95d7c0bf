// `npm start` under a process manager: systemd, a container runtime or pm2 stop a service by sending
// SIGTERM to its top process. That must stop the app's servers and the embedded PostgreSQL cleanly
// (npm used to die alone, leaving the start script, Next.js and PostgreSQL running and listening).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/lib/local-env";

const dir = mkdtempSync(path.join(tmpdir(), "aew-e2e-shutdown-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

async function until(check: () => Promise<boolean>, ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

describe("stopping the app", () => {
  it("SIGTERM to `npm start` stops the app and the embedded database within seconds, cleanly", async () => {
    const appPort = await freePort(3300);
    const dbPort = await freePort(55400);
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(appPort), WEB_CONCURRENCY: "1", EMBEDDED_DB_DIR: path.join(dir, "pgdata"), EMBEDDED_DB_PORT: String(dbPort), EMBEDDED_DB_PASSWORD: randomBytes(12).toString("hex"), NEXTAUTH_SECRET: randomBytes(32).toString("hex") };
    delete env.DATABASE_URL;
    const npm = spawn("npm", ["start"], { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    npm.stdout.on("data", (d) => (output += d));
    npm.stderr.on("data", (d) => (output += d));
    const exited = new Promise<number | null>((r) => npm.once("exit", (code) => r(code)));
    expect(await until(async () => (await listening(appPort)) && (await listening(dbPort)), 90_000), output).toBe(true);

    const stoppedAt = Date.now();
    npm.kill("SIGTERM");
    await exited;
    expect(await until(async () => !(await listening(appPort)) && !(await listening(dbPort)), 20_000), `still listening after SIGTERM:\n${output}`).toBe(true);
    expect(Date.now() - stoppedAt).toBeLessThan(20_000);
    const log = path.join(dir, "postgres.log");
    expect(existsSync(log)).toBe(true);
    expect(readFileSync(log, "utf8")).toContain("database system is shut down");
  }, 150_000);
});
