// The pure rules of the read replica (lib/db-replica.ts), without a database: unit-tested.

/** The replicas' URLs: DATABASE_REPLICA_URL, one or several separated by commas. */
export function replicaUrls(env: Record<string, string | undefined> = process.env): string[] {
  return (env.DATABASE_REPLICA_URL ?? "")
    .split(",")
    .map((u) => u.trim())
    .filter(Boolean);
}

/** A PostgreSQL WAL position ("16/B374D848") as a number, or null if it is not one. */
export function lsnValue(lsn: string | null | undefined): bigint | null {
  const m = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(lsn ?? "");
  return m ? (BigInt(`0x${m[1]}`) << 32n) + BigInt(`0x${m[2]}`) : null;
}

/**
 * Whether a replica that has replayed up to `replayed` holds the write at `written`. A position
 * that is not one (a tampered cookie) is never reached, so that request reads from the primary; a
 * replica that reports none (not in recovery: it is a primary) holds everything.
 */
export function lsnAtLeast(replayed: string | null, written: string): boolean {
  const w = lsnValue(written);
  if (w === null) return false;
  if (replayed === null) return true;
  const r = lsnValue(replayed);
  return r !== null && r >= w;
}
