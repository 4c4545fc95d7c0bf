import "server-only";
import QRCode from "qrcode";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Actor } from "@/lib/auth/action";
import { ActionError, NotFoundError } from "@/lib/auth/errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { UnreadableTotpSecretError, checkCode, decryptSecret, encryptSecret, hashRecoveryCode, newRecoveryCodes, newSecret, otpauthUri } from "@/lib/auth/totp";

async function checkPassword(userId: string, password: string, field: string) {
  const u = await db.user.findUniqueOrThrow({ where: { id: userId }, omit: { passwordHash: false } });
  if (!(await verifyPassword(u.passwordHash, password))) throw new ActionError("Some fields need attention.", "INVALID", { [field]: ["That is not your current password."] });
}

/** Changes the password; every other session of the user ends. */
export async function changePassword({ user, membership }: Actor, input: { currentPassword: string; newPassword: string }) {
  await checkPassword(user.id, input.currentPassword, "currentPassword");
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await tx.authSession.updateMany({ where: { userId: user.id, revokedAt: null, id: { not: user.sessionId } }, data: { revokedAt: new Date() } });
    await writeAudit(tx, { userId: user.id, organisationId: membership.organisationId, action: "account.password_changed", entityType: "User", entityId: user.id });
  });
  return { changed: true };
}

/** Step 1 of two-factor set-up: a new secret (kept pending until a code confirms it) and its QR code. */
export async function startTwoFactor({ user }: Actor) {
  const current = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabledAt: true } });
  if (current.totpEnabledAt) throw new ActionError("Two-factor sign-in is already on. Turn it off first to use another device.");
  const secret = newSecret();
  await db.user.update({ where: { id: user.id }, data: { totpSecret: encryptSecret(secret) } });
  const uri = otpauthUri(user.email, secret);
  return { secret, uri, qr: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
}

/** Step 2: a code from the app turns it on; ten recovery codes are returned once (stored hashed). */
export async function confirmTwoFactor({ user, membership }: Actor, input: { code: string }) {
  const u = await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { totpSecret: false } });
  if (u.totpEnabledAt) throw new ActionError("Two-factor sign-in is already on.");
  if (!u.totpSecret) throw new ActionError("Start the set-up again: no pending code.");
  let pending: string;
  try {
    pending = decryptSecret(u.totpSecret);
  } catch (e) {
    // Started before the key changed (docs/deploy.md, Rotating secrets): a new start stores a new one.
    if (e instanceof UnreadableTotpSecretError) throw new ActionError("Start the set-up again: the key that protected this set-up has changed on the server. Reload this page, choose “Set up two-factor sign-in” and scan the new QR code.");
    throw e;
  }
  if (!(await checkCode(pending, input.code))) throw new ActionError("Some fields need attention.", "INVALID", { code: ["That code is not right. Enter the 6 digits your app shows now."] });
  const codes = newRecoveryCodes();
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpEnabledAt: new Date() } });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId: user.id, codeHash: hashRecoveryCode(c) })) });
    await writeAudit(tx, { userId: user.id, organisationId: membership.organisationId, action: "account.two_factor_on", entityType: "User", entityId: user.id });
  });
  return { recoveryCodes: codes };
}

/** Turning it off needs the password, and is refused where an organisation requires it. */
export async function disableTwoFactor({ user, membership }: Actor, input: { password: string }) {
  await checkPassword(user.id, input.password, "password");
  const requiring = await db.membership.findFirst({ where: { userId: user.id, deactivatedAt: null, organisation: { requireTwoFactor: true } }, include: { organisation: { select: { name: true } } } });
  if (requiring) throw new ActionError(`${requiring.organisation.name} requires two-factor sign-in for its members, so it cannot be turned off.`);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpEnabledAt: null, totpSecret: null } });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await writeAudit(tx, { userId: user.id, organisationId: membership.organisationId, action: "account.two_factor_off", entityType: "User", entityId: user.id });
  });
  return { off: true };
}

export async function revokeSession({ user, membership }: Actor, input: { sessionId: string }) {
  const res = await db.authSession.updateMany({ where: { id: input.sessionId, userId: user.id, revokedAt: null }, data: { revokedAt: new Date() } });
  if (res.count !== 1) throw new NotFoundError("This session has already ended.");
  await writeAudit(db, { userId: user.id, organisationId: membership.organisationId, action: "account.session_revoked", entityType: "AuthSession", entityId: input.sessionId });
  return { revoked: true };
}

/** Ends every session of the user, this one included. */
export async function signOutEverywhere({ user, membership }: Actor) {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { sessionsValidFrom: new Date() } });
    await tx.authSession.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: new Date() } });
    await writeAudit(tx, { userId: user.id, organisationId: membership.organisationId, action: "account.signed_out_everywhere", entityType: "User", entityId: user.id });
  });
  return { done: true };
}
