// One `next start` of the built app, as `npm start` runs it: the socket-address preload
// (scripts/socket-address.mjs) makes the connection's address reach the app. Used by the e2e
// global setup (the run's app) and by tests that start another instance beside it.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";

export interface AppProcess {
  baseUrl: string;
  child: ChildProcess;
  /** Sends SIGTERM and waits for the process to exit. */
  stop(): Promise<void>;
}

async function waitFor(url: string, ms: number, child: ChildProcess) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`The app exited with code ${child.exitCode} before it was ready.`);
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`The app did not answer on ${url} within ${ms} ms.`);
}

/**
 * Starts the built app on `port` with `env` added to this process's environment, and waits until
 * its sign-in page answers. NEXTAUTH_URL is this instance's own address unless `env` gives one.
 */
export async function startNextApp(port: number | string, env: Record<string, string>): Promise<AppProcess> {
  const nextBin = path.resolve("node_modules/next/dist/bin/next");
  const preload = pathToFileURL(path.resolve("scripts/socket-address.mjs")).href;
  const baseUrl = `http://localhost:${port}`;
  const child = spawn(process.execPath, ["--import", preload, nextBin, "start", "-p", String(port)], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_URL: baseUrl, ...env },
  });
  const exited = new Promise<void>((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once("exit", () => r())));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  try {
    await waitFor(`${baseUrl}/signin`, 60_000, child);
  } catch (e) {
    await stop();
    throw e;
  }
  return { baseUrl, child, stop };
}
