// Where the database is. Shared by the app and the scripts (no server-only import here).
// An external PostgreSQL wins when DATABASE_URL is set; otherwise the embedded server that
// `npm run setup` created, whose password and port live in .env.local.

export const EMBEDDED_DB_NAME = "tracker";
export const EMBEDDED_DB_USER = "postgres";
export const EMBEDDED_DB_DEFAULT_PORT = 54329;

export function embeddedDatabaseUrl(env: NodeJS.ProcessEnv = process.env, database = EMBEDDED_DB_NAME): string {
  const password = env.EMBEDDED_DB_PASSWORD;
  if (!password) {
    throw new Error("No database configured: set DATABASE_URL, or run `npm run setup` to create the embedded database.");
  }
  const port = env.EMBEDDED_DB_PORT ?? String(EMBEDDED_DB_DEFAULT_PORT);
  return `postgresql://${EMBEDDED_DB_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL || embeddedDatabaseUrl(env);
}

export function usesEmbeddedDatabase(env: NodeJS.ProcessEnv = process.env): boolean {
  return !env.DATABASE_URL;
}

/** The same URL pointing at another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = "/" + database;
  return u.toString();
}

/**
 * Connections per server process: Prisma's pool (DATABASE_POOL_SIZE, 10) and the node-postgres pool
 * of the exports' COPY (DATABASE_RAW_POOL_SIZE, 4). Read by the pools themselves (lib/db.ts,
 * lib/db-raw.ts, lib/db-replica.ts) and by `npm start`'s check against max_connections.
 */
export function poolSizes(env: Record<string, string | undefined> = process.env): { prisma: number; raw: number } {
  return { prisma: Number(env.DATABASE_POOL_SIZE ?? 10), raw: Number(env.DATABASE_RAW_POOL_SIZE ?? 4) };
}
