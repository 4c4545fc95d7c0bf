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
