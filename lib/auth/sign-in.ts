import "server-only";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { ACCOUNT_LIMIT, IP_LIMIT, accountKey, clearFailures, ipKey, lockedMinutes, registerFailure } from "./rate-limit";
import { signInSchema } from "./schemas";

export type SignInOutcome =
  | { ok: true; userId: string; sessionId: string }
  | { ok: false; error: "INVALID" | "LOCKED"; minutes?: number };

/**
 * Checks e-mail and password, throttled per account and per IP. The answer never tells
 * whether the account exists. On success opens an AuthSession (the JWT carries its id).
 */
export async function signInWithPassword(
  input: unknown,
  client: { ip?: string | null; userAgent?: string | null } = {},
): Promise<SignInOutcome> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "INVALID" };
  const email = parsed.data.email.trim().toLowerCase();
  const keys = [accountKey(email), ...(client.ip ? [ipKey(client.ip)] : [])];

  const locked = await lockedMinutes(keys);
  if (locked) {
    await writeAudit(db, { userId: null, organisationId: null, action: "auth.sign_in_locked", entityType: "User", meta: { email, ip: client.ip } });
    return { ok: false, error: "LOCKED", minutes: locked };
  }

  const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  const valid = user && user.active ? await verifyPassword(user.passwordHash, parsed.data.password) : await verifyAgainstDummy(parsed.data.password);
  if (!user || !user.active || !valid) {
    await registerFailure(keys[0], ACCOUNT_LIMIT);
    if (client.ip) await registerFailure(ipKey(client.ip), IP_LIMIT);
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

  await clearFailures(keys[0]);
  const session = await db.$transaction(async (tx) => {
    const s = await tx.authSession.create({
      data: { userId: user.id, ip: client.ip ?? null, userAgent: client.userAgent?.slice(0, 300) ?? null },
    });
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await writeAudit(tx, { userId: user.id, organisationId: null, action: "auth.sign_in", entityType: "User", entityId: user.id, meta: { ip: client.ip } });
    return s;
  });
  return { ok: true, userId: user.id, sessionId: session.id };
}

