import "server-only";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { ACCOUNT_LIMIT, IP_LIMIT, accountKey, clearFailures, ipKey, lockAtLimit, releaseAttempt, reserveAttempt } from "./rate-limit";
import { signInSchema } from "./schemas";
import { UnreadableTotpSecretError, acceptCode, hashRecoveryCode, openSecret } from "./totp";

export type SignInOutcome =
  | { ok: true; userId: string; sessionId: string }
  | { ok: false; error: "INVALID" | "LOCKED" | "CODE_REQUIRED" | "CODE_INVALID" | "TWO_FACTOR_RESET_REQUIRED"; minutes?: number };

/**
 * Checks e-mail and password, throttled per account and per IP. The answer never tells
 * whether the account exists. On success opens an AuthSession (the JWT carries its id).
 * Each attempt is counted before the password is checked (`reserveAttempt`), so parallel
 * attempts cannot outrun the limit; one that turns out right gives its count back.
 */
export async function signInWithPassword(
  input: unknown,
  client: { ip?: string | null; userAgent?: string | null } = {},
): Promise<SignInOutcome> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "INVALID" };
  const email = parsed.data.email.trim().toLowerCase();
  const keys = [accountKey(email), ...(client.ip ? [ipKey(client.ip)] : [])];
  const limits = [ACCOUNT_LIMIT, IP_LIMIT];

  let locked = await reserveAttempt(keys[0], ACCOUNT_LIMIT);
  if (!locked && keys[1]) {
    locked = await reserveAttempt(keys[1], IP_LIMIT);
    if (locked) await releaseAttempt(keys[0]);
  }
  const failed = () => Promise.all(keys.map((key, i) => lockAtLimit(key, limits[i])));
  if (locked) {
    await writeAudit(db, { userId: null, organisationId: null, action: "auth.sign_in_locked", entityType: "User", meta: { email, ip: client.ip } });
    return { ok: false, error: "LOCKED", minutes: locked };
  }

  const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false, totpSecret: false } });
  const valid = user && user.active ? await verifyPassword(user.passwordHash, parsed.data.password) : await verifyAgainstDummy(parsed.data.password);
  if (!user || !user.active || !valid) {
    await failed();
    await writeAudit(db, {
      userId: user?.id ?? null,
      organisationId: null,
      action: "auth.sign_in_failed",
      entityType: "User",
      entityId: user?.id ?? null,
      meta: { email, ip: client.ip, reason: !user ? "unknown account" : !user.active ? "deactivated" : "wrong password" },
    });
    return { ok: false, error: "INVALID" };
  }

  let reencrypted: string | null = null;
  if (user.totpEnabledAt && user.totpSecret) {
    let secret: string;
    try {
      ({ secret, reencrypted } = openSecret(user.totpSecret));
    } catch (e) {
      if (!(e instanceof UnreadableTotpSecretError)) throw e;
      // The right password, but no configured key opens the stored secret (NEXTAUTH_SECRET rotated
      // before TOTP_ENCRYPTION_KEY was set, or a key dropped from TOTP_ENCRYPTION_KEYS_OLD): no code
      // can be checked, so say so instead of refusing every code. Not a guess: not counted.
      await Promise.all(keys.map((key) => releaseAttempt(key)));
      await writeAudit(db, {
        userId: user.id,
        organisationId: null,
        action: "auth.sign_in_failed",
        entityType: "User",
        entityId: user.id,
        meta: { email, ip: client.ip, reason: "two-factor secret unreadable", keyId: e.keyId },
      });
      return { ok: false, error: "TWO_FACTOR_RESET_REQUIRED" };
    }
    const code = parsed.data.code ?? "";
    if (!code) {
      // The right password, the code still to come: not a failure.
      await Promise.all(keys.map((key) => releaseAttempt(key)));
      return { ok: false, error: "CODE_REQUIRED" };
    }
    const usedRecovery = await checkSecondFactor(user.id, secret, user.totpLastStep, code);
    if (!usedRecovery) {
      await failed();
      await writeAudit(db, { userId: user.id, organisationId: null, action: "auth.sign_in_failed", entityType: "User", entityId: user.id, meta: { email, ip: client.ip, reason: "wrong two-factor code" } });
      return { ok: false, error: "CODE_INVALID" };
    }
    if (usedRecovery === "recovery") await writeAudit(db, { userId: user.id, organisationId: null, action: "auth.recovery_code_used", entityType: "User", entityId: user.id, meta: { ip: client.ip } });
  }

  await clearFailures(keys[0]);
  if (keys[1]) await releaseAttempt(keys[1]);
  const session = await db.$transaction(async (tx) => {
    const s = await tx.authSession.create({
      data: { userId: user.id, ip: client.ip ?? null, userAgent: client.userAgent?.slice(0, 300) ?? null },
    });
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    // Stored under an old key (or NEXTAUTH_SECRET's): written back under the current one, unless it
    // changed meanwhile (a reset, a new set-up).
    if (reencrypted) await tx.user.updateMany({ where: { id: user.id, totpSecret: user.totpSecret }, data: { totpSecret: reencrypted } });
    await writeAudit(tx, { userId: user.id, organisationId: null, action: "auth.sign_in", entityType: "User", entityId: user.id, meta: { ip: client.ip, ...(reencrypted ? { twoFactorSecret: "re-encrypted under the current key" } : {}) } });
    return s;
  });
  return { ok: true, userId: user.id, sessionId: session.id };
}


/**
 * The authenticator code, once (its time step must come after the last one accepted, recorded
 * with a compare-and-set so parallel requests with one code cannot both pass), or else an unused
 * recovery code (then used up).
 */
async function checkSecondFactor(userId: string, secret: string, lastStep: number | null, code: string): Promise<"totp" | "recovery" | null> {
  const step = await acceptCode(secret, code, lastStep);
  if (step !== null) {
    const taken = await db.user.updateMany({ where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] }, data: { totpLastStep: step } });
    return taken.count === 1 ? "totp" : null;
  }
  const hash = hashRecoveryCode(code);
  const used = await db.recoveryCode.updateMany({ where: { userId, codeHash: hash, usedAt: null }, data: { usedAt: new Date() } });
  return used.count === 1 ? "recovery" : null;
}
