import "server-only";
// A plain node-postgres pool beside Prisma, for the one thing Prisma cannot do: stream
// `COPY ... TO STDOUT` (the events CSV export). Created on first use, like lib/db.ts.
import pg from "pg";
import { databaseUrl } from "@/lib/database-url";

const globalForPg = globalThis as unknown as { rawPool?: pg.Pool };

export function rawPool(): pg.Pool {
  if (!globalForPg.rawPool) {
    const pool = new pg.Pool({ connectionString: databaseUrl(), max: Number(process.env.DATABASE_RAW_POOL_SIZE ?? 4) });
    // An idle connection closed by the server (restart, shutdown) is dropped from the pool; it must not end the process.
    pool.on("error", (e) => console.warn(`Database connection closed: ${e.message}`));
    globalForPg.rawPool = pool;
  }
  return globalForPg.rawPool;
}
