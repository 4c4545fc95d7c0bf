// How many connections to PostgreSQL one instance of the app may open, against what the server
// allows: `npm start` warns before a busy hour finds out (requests waiting for a connection, or
// refused with "too many clients"). Pure: the unit test states it.
import { poolSizes } from "../../lib/database-url";
import { webConcurrency } from "../web-concurrency.mjs";

export interface ConnectionPlan {
  processes: number;
  perProcess: number;
  total: number;
}

/** What `npm start` will open at most: per server process, Prisma's pool and the exports' node-postgres pool. */
export function connectionPlan(env: Record<string, string | undefined> = process.env, cores?: number): ConnectionPlan {
  const processes = webConcurrency(env, cores);
  const { prisma, raw } = poolSizes(env);
  const perProcess = prisma + raw;
  return { processes, perProcess, total: processes * perProcess };
}

/** The warning for `plan` on a server that allows `allowed` connections to ordinary users (max_connections less the superusers' reserve), or null. */
export function connectionWarning(plan: ConnectionPlan, allowed: number): string | null {
  if (plan.total <= allowed) return null;
  return (
    `Warning: with ${plan.processes} server processes, this instance may open up to ${plan.total} connections to PostgreSQL ` +
    `(${plan.perProcess} per process: DATABASE_POOL_SIZE and DATABASE_RAW_POOL_SIZE), but the server allows ${allowed} ` +
    `(max_connections less those reserved for superusers). Under load, requests would wait for a connection or be refused. ` +
    `Lower WEB_CONCURRENCY or DATABASE_POOL_SIZE, or raise max_connections; with several instances, count them all (docs/deploy.md, Sizing).`
  );
}
