import "server-only";
// Heavy reads on a streaming read replica (issue #30), when DATABASE_REPLICA_URL names one (or several,
// separated by commas): the dashboard, the lists, the exports and the partner API ask `readDb()` /
// `readPool()` instead of `db` / `rawPool()`. Everything else, and every write, stays on the primary.
//
// A user's own next page after a write reads from the primary until the replica has replayed that
// write: every server action that succeeds records the primary's WAL position in a cookie
// (`rememberOwnWrite`), and `readDb()` sends the reads of a request carrying it to the replica only
// once the replica's replay position has passed it (PostgreSQL's LSNs; no clock, no guessing). A
// replica that cannot be reached, or lags more than REPLICA_MAX_LAG_SECONDS, is skipped: the primary
// answers (and the log says so once).
import type pg from "pg";
import { cookies } from "next/headers";
import { readReplicas } from "@prisma/extension-read-replicas";
import { createPrismaClient, type Db } from "@/lib/db-client";
import { db, getDb } from "@/lib/db";
import { createRawPool } from "@/lib/db-raw";
import { poolSizes } from "@/lib/database-url";
import { lsnAtLeast, replicaUrls } from "@/lib/db-replica-rules";

export const OWN_WRITE_COOKIE = "aew-own-write";

interface ReplicaState {
  /** The primary's client extended with the replicas (Prisma's read-replicas extension picks one). */
  routed?: ReturnType<typeof withReplicas>;
  pool?: pg.Pool;
  /** The last check of the replica: when, whether it answered in time, how far it had replayed. */
  status?: { at: number; usable: boolean; replayed: string | null };
  warned?: boolean;
}

const globalForReplica = globalThis as unknown as { replica?: ReplicaState };
const state = (): ReplicaState => (globalForReplica.replica ??= {});

function withReplicas(urls: string[]) {
  return getDb().$extends(readReplicas({ replicas: urls.map((url) => createPrismaClient(url, poolSizes().prisma)) }));
}

/** Whether a replica is configured at all. */
export function replicaConfigured(env: Record<string, string | undefined> = process.env): boolean {
  return replicaUrls(env).length > 0;
}

/** A replica's client (Prisma's extension picks one at random among several). */
function replicaClient(): Db {
  const s = state();
  s.routed ??= withReplicas(replicaUrls());
  return s.routed.$replica() as unknown as Db;
}

/** How long a replica check is trusted, and how far behind a replica may be to be used at all. */
const STATUS_MS = 1_000;
const maxLagSeconds = () => Number(process.env.REPLICA_MAX_LAG_SECONDS ?? 30);

async function checkReplica(force: boolean): Promise<NonNullable<ReplicaState["status"]>> {
  const s = state();
  if (!force && s.status && Date.now() - s.status.at < STATUS_MS) return s.status;
  let status: NonNullable<ReplicaState["status"]>;
  try {
    // Lag counts only while the primary has sent something not yet replayed: an idle primary is not "behind".
    const [row] = await replicaClient().$queryRaw<{ replayed: string | null; lagging: boolean }[]>`
      SELECT pg_last_wal_replay_lsn()::text AS replayed,
             (pg_last_wal_receive_lsn() IS DISTINCT FROM pg_last_wal_replay_lsn()
              AND now() - pg_last_xact_replay_timestamp() > make_interval(secs => ${maxLagSeconds()})) AS lagging`;
    status = { at: Date.now(), usable: !row.lagging, replayed: row.replayed };
    if (row.lagging) warnOnce(`the read replica lags more than ${maxLagSeconds()} s behind; reads go to the primary until it catches up.`);
  } catch (e) {
    status = { at: Date.now(), usable: false, replayed: null };
    warnOnce(`the read replica cannot be reached (${(e as Error).message}); reads go to the primary.`);
  }
  if (status.usable) s.warned = false;
  s.status = status;
  return status;
}

function warnOnce(message: string) {
  const s = state();
  if (s.warned) return;
  s.warned = true;
  console.warn(`Database: ${message}`);
}

/** The WAL position of this request's user's last write (the cookie), or null (none, or outside a request). */
async function ownWrite(): Promise<string | null> {
  try {
    return (await cookies()).get(OWN_WRITE_COOKIE)?.value ?? null;
  } catch {
    return null; // outside a request (scripts, tests): no user's own write to wait for
  }
}

/** Whether this request's reads may go to the replica: one is configured, usable, and has replayed the user's own last write. */
export async function readsFromReplica(): Promise<boolean> {
  if (!replicaConfigured()) return false;
  const own = await ownWrite();
  let status = await checkReplica(false);
  if (status.usable && own && !lsnAtLeast(status.replayed, own)) status = await checkReplica(true);
  return status.usable && (!own || lsnAtLeast(status.replayed, own));
}

/** The client for a heavy read: a replica's when `readsFromReplica()`, else the primary's. Never write through it. */
export async function readDb(): Promise<Db> {
  return (await readsFromReplica()) ? replicaClient() : db;
}

/** The node-postgres pool of a raw read (the exports' COPY): the replica's when `readsFromReplica()`, else null (use rawPool()). */
export async function readPool(): Promise<pg.Pool | null> {
  if (!(await readsFromReplica())) return null;
  const s = state();
  // Several replicas: the raw pool uses the first (the exports are few; the pages spread over all).
  s.pool ??= createRawPool(replicaUrls()[0], "Read replica");
  return s.pool;
}

/**
 * After a write: the primary's WAL position, kept in a cookie so that this user's next pages read
 * from the primary until the replica has replayed it (on any instance). Nothing without a replica.
 * Outside a request (scripts, tests) there is no cookie to set.
 */
export async function rememberOwnWrite(): Promise<void> {
  if (!replicaConfigured()) return;
  const [{ lsn }] = await db.$queryRaw<{ lsn: string }[]>`SELECT pg_current_wal_lsn()::text AS lsn`;
  try {
    (await cookies()).set(OWN_WRITE_COOKIE, lsn, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: (process.env.NEXTAUTH_URL ?? "").startsWith("https:"),
      maxAge: 600,
    });
  } catch {
    /* not in a request that may set cookies */
  }
}
