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

/**
 * Takes one attempt from a key's allowance before the password is checked, in one statement (so
 * parallel attempts each get their own number): the minutes the key is locked for, or 0 when this
 * attempt may be checked. Checking the lock first and counting after the slow password check let
 * 100 parallel attempts have 26 passwords checked against a limit of 5. Attempts while locked are
 * not counted; one over the limit locks the key.
 */
export async function reserveAttempt(key: string, limit: typeof ACCOUNT_LIMIT): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number; lockedUntil: Date | null }[]>`
    INSERT INTO "RateLimit" ("key", "count", "windowStart", "updatedAt")
    VALUES (${key}, 1, now(), now())
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."lockedUntil" > now() THEN "RateLimit"."count"
                     WHEN "RateLimit"."windowStart" < now() - make_interval(mins => ${limit.windowMinutes}::int) THEN 1
                     ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."lockedUntil" > now() THEN "RateLimit"."windowStart"
                     WHEN "RateLimit"."windowStart" < now() - make_interval(mins => ${limit.windowMinutes}::int) THEN now()
                     ELSE "RateLimit"."windowStart" END,
      "updatedAt" = now()
    RETURNING "count", "lockedUntil"`;
  if (row.lockedUntil && row.lockedUntil.getTime() > Date.now()) return Math.ceil((row.lockedUntil.getTime() - Date.now()) / 60000);
  if (row.count <= limit.max) return 0;
  await lockAtLimit(key, limit);
  return limit.lockMinutes;
}

/** After a failed check: locks the key once its attempts reached the limit. */
export async function lockAtLimit(key: string, limit: typeof ACCOUNT_LIMIT): Promise<void> {
  await db.$executeRaw`
    UPDATE "RateLimit" SET "lockedUntil" = now() + make_interval(mins => ${limit.lockMinutes}::int), "count" = 0, "windowStart" = now()
    WHERE "key" = ${key} AND "count" >= ${limit.max} AND ("lockedUntil" IS NULL OR "lockedUntil" <= now())`;
}

/** Gives back an attempt that turned out not to be a failure (a right password). */
export async function releaseAttempt(key: string): Promise<void> {
  await db.$executeRaw`UPDATE "RateLimit" SET "count" = GREATEST("count" - 1, 0) WHERE "key" = ${key} AND ("lockedUntil" IS NULL OR "lockedUntil" <= now())`;
}

export async function clearFailures(key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key } });
}
