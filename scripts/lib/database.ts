// Resolves the database for a script: the external server when DATABASE_URL is set,
// otherwise the embedded one (started if needed).
import { EMBEDDED_DB_DEFAULT_PORT, EMBEDDED_DB_NAME } from "../../lib/database-url";
import { ensureEmbeddedServer, type EmbeddedServer } from "./embedded-db";
import { loadLocalEnv } from "./local-env";

export async function openDatabase(): Promise<EmbeddedServer> {
  loadLocalEnv();
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, started: false, stop: async () => {} };
  }
  const password = process.env.EMBEDDED_DB_PASSWORD;
  if (!password) {
    throw new Error("No database configured: set DATABASE_URL, or run `npm run setup` first to create the embedded database.");
  }
  return ensureEmbeddedServer({
    dataDir: process.env.EMBEDDED_DB_DIR || ".data/postgres",
    port: Number(process.env.EMBEDDED_DB_PORT ?? EMBEDDED_DB_DEFAULT_PORT),
    password,
    database: EMBEDDED_DB_NAME,
  });
}

/**
 * Which database a script is about to change, password left out, for its first line of output: an
 * operator whose service sets DATABASE_URL but whose shell does not sees "the embedded database"
 * before anything happens, instead of finding out later.
 */
export function databaseLabel(env: Record<string, string | undefined> = process.env): string {
  if (env.DATABASE_URL) {
    try {
      const u = new URL(env.DATABASE_URL);
      return `the PostgreSQL server in DATABASE_URL (${u.hostname}:${u.port || "5432"}, database ${u.pathname.slice(1) || "(default)"})`;
    } catch {
      return "the PostgreSQL server in DATABASE_URL";
    }
  }
  return `the embedded database (${env.EMBEDDED_DB_DIR || ".data/postgres"}, port ${env.EMBEDDED_DB_PORT ?? EMBEDDED_DB_DEFAULT_PORT}); set DATABASE_URL to migrate another server`;
}
