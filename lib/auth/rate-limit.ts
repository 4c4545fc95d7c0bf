import "server-only";
import { db } from "@/lib/db";

// Sign-in throttling kept in the database, so every app instance sees the same counts.
export const ACCOUNT_LIMIT = { max: 5, windowMinutes: 15, lockMinutes: 15 };
export const IP_LIMIT = { max: 30, windowMinutes: 15, lockMinutes: 15 };

export function accountKey(email: string) {
  return `account:${email.trim().toLowerCase()}`;
}
export function ipKey(ip: string) {
  return `ip:${ip}`;
}

/** Minutes left on a lockout of any of the keys, or 0. */
export async function lockedMinutes(keys: string[]): Promise<number> {
  const rows = await db.rateLimit.findMany({ where: { key: { in: keys }, lockedUntil: { gt: new Date() } } });
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil!.getTime()));
  return until ? Math.ceil((until - Date.now()) / 60000) : 0;
}

/** Counts one failure atomically (one statement, safe under concurrency); locks the key at the limit. */
export async function registerFailure(key: string, limit: typeof ACCOUNT_LIMIT): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "RateLimit" ("key", "count", "windowStart", "updatedAt")
    VALUES (${key}, 1, now(), now())
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" < now() - make_interval(mins => ${limit.windowMinutes}::int)
                     THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" < now() - make_interval(mins => ${limit.windowMinutes}::int)
                     THEN now() ELSE "RateLimit"."windowStart" END,
      "updatedAt" = now()`;
  await db.$executeRaw`
    UPDATE "RateLimit" SET "lockedUntil" = now() + make_interval(mins => ${limit.lockMinutes}::int), "count" = 0, "windowStart" = now()
    WHERE "key" = ${key} AND "count" >= ${limit.max}`;
}

export async function clearFailures(key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key } });
}
