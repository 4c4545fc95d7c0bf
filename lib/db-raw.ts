import "server-only";
// A plain node-postgres pool beside Prisma, for the one thing Prisma cannot do: stream
// `COPY ... TO STDOUT` (the events CSV export). Created on first use, like lib/db.ts.
import pg from "pg";
import { databaseUrl, poolSizes } from "@/lib/database-url";

const globalForPg = globalThis as unknown as { rawPool?: pg.Pool };

/** A raw pool to `url` (the primary's, or a read replica's: lib/db-replica.ts), `what` naming it in the log. */
export function createRawPool(url: string, what = "Database"): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: poolSizes().raw });
  // An idle connection closed by the server (restart, shutdown) is dropped from the pool; it must not end the process.
  pool.on("error", (e) => console.warn(`${what} connection closed: ${e.message}`));
  return pool;
}

export function rawPool(): pg.Pool {
  globalForPg.rawPool ??= createRawPool(databaseUrl());
  return globalForPg.rawPool;
}
