// npm start (and npm run demo's last step): starts the embedded database when DATABASE_URL is
// not set and it is not already running, then the app; stops both cleanly on Ctrl+C / SIGTERM.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { openDatabase } from "./lib/database";
import { connectionPlan, connectionWarning } from "./lib/connections";
import { LOCAL_ENV_FILE, loadLocalEnv } from "./lib/local-env";
import { serverTimeouts } from "./server-timeouts.mjs";
import { totpKeyring } from "../lib/auth/totp-keys";
import pg from "pg";
import { DEMO_PASSWORD, DEMO_USERS } from "../prisma/seed-data/demo";

/** Whether the demo accounts are there, and how many connections the server allows ordinary users (null: unknown). */
async function inspectDatabase(url: string): Promise<{ demo: boolean; allowed: number | null }> {
  const client = new pg.Client({ connectionString: url });
  let allowed: number | null = null;
  try {
    await client.connect();
    const c = await client.query<{ allowed: number }>(`SELECT current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int AS allowed`);
    allowed = c.rows[0].allowed;
    const r = await client.query(`SELECT 1 FROM "User" WHERE email = ANY($1::text[]) LIMIT 1`, [DEMO_USERS.map((u) => u.email)]);
    return { demo: r.rowCount === 1, allowed };
  } catch {
    return { demo: false, allowed }; // not migrated yet, or unreachable: the app itself will say so
  } finally {
    await client.end().catch(() => {});
  }
}

async function main() {
  const dev = process.argv.includes("--dev");
  if (!process.env.DATABASE_URL && !process.env.EMBEDDED_DB_PASSWORD && !existsSync(LOCAL_ENV_FILE)) {
    console.error("No .env.local yet: run `npm run setup` (or `npm run demo`) first.");
    process.exit(1);
  }
  if (!dev && !existsSync(path.resolve(".next/BUILD_ID"))) {
    console.error("No production build yet: run `npm run build` first (or `npm run demo`).");
    process.exit(1);
  }
  // A wrong setting stops here with its sentence, not in every server process the cluster restarts.
  loadLocalEnv();
  serverTimeouts();
  totpKeyring();
  const db = await openDatabase();
  const port = process.env.PORT ?? "3000";
  // Production: one server process per core (scripts/next-cluster.mjs; WEB_CONCURRENCY sets how many).
  // Development: the connection's address ends X-Forwarded-For as in production (scripts/socket-address.mjs).
  // Both: how long a request may take (scripts/server-timeouts.mjs, REQUEST_TIMEOUT_SECONDS).
  const preload = ["scripts/socket-address.mjs", "scripts/server-timeouts.mjs"].flatMap((file) => ["--import", pathToFileURL(path.resolve(file)).href]);
  const command = dev ? [...preload, path.resolve("node_modules/next/dist/bin/next"), "dev", "-p", port] : [path.resolve("scripts/next-cluster.mjs"), "start", "-p", port];
  const child = spawn(process.execPath, command, {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: db.url, NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}` },
  });

  console.log(`\nAtrocity Early Warning is starting on http://localhost:${port}`);
  console.log(db.started ? "Embedded PostgreSQL started (data in .data/postgres)." : "Using an already running database server.");
  // Only where the demo data is: a real deployment's log must not advertise accounts that do not exist.
  const found = await inspectDatabase(db.url);
  if (found.demo) console.log(`Demo accounts (password: ${DEMO_PASSWORD}): ${DEMO_USERS.map((u) => u.email).join(", ")}`);
  const tooMany = !dev && found.allowed !== null ? connectionWarning(connectionPlan(), found.allowed) : null;
  if (tooMany) console.warn(tooMany);
  console.log("Press Ctrl+C to stop.\n");

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
    await db.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  child.on("exit", (code) => void stop(code ?? 0));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
