import "server-only";
// Two-factor sign-in with time-based one-time codes (authenticator apps), via otplib. The secret
// is stored encrypted (AES-256-GCM under TOTP_ENCRYPTION_KEY, or a key derived from NEXTAUTH_SECRET
// when that is not set: lib/auth/totp-keys.ts); recovery codes are stored as SHA-256 hashes and work
// once.
import { createHash, randomBytes } from "node:crypto";
import { generate, generateSecret, generateURI, verify } from "otplib";
import { decryptTotpSecret, encryptTotpSecret, totpKeyring } from "./totp-keys";

export { UnreadableTotpSecretError } from "./totp-keys";

export const ISSUER = "Atrocity Early Warning";

/** Encrypted under the current key. The keyring is read each time (cheap): settings are the environment's. */
export function encryptSecret(plain: string): string {
  return encryptTotpSecret(totpKeyring(), plain);
}

/** The stored secret in clear; throws UnreadableTotpSecretError when no configured key opens it. */
export function decryptSecret(stored: string): string {
  return decryptTotpSecret(totpKeyring(), stored).plain;
}

/**
 * The stored secret in clear, and the same secret encrypted under the current key when it was
 * stored under another (an old key, or NEXTAUTH_SECRET's before TOTP_ENCRYPTION_KEY was set), to
 * be written back; else null. Throws UnreadableTotpSecretError like `decryptSecret`.
 */
export function openSecret(stored: string): { secret: string; reencrypted: string | null } {
  const ring = totpKeyring();
  const { plain, upToDate } = decryptTotpSecret(ring, stored);
  return { secret: plain, reencrypted: upToDate ? null : encryptTotpSecret(ring, plain) };
}

export function newSecret(): string {
  return generateSecret();
}

export function otpauthUri(email: string, secret: string): string {
  return generateURI({ issuer: ISSUER, label: email, secret });
}

/** A 6-digit code valid now or one 30-second step either side (clock drift). */
export async function checkCode(secret: string, code: string): Promise<boolean> {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return false;
  const result = await verify({ secret, token, epochTolerance: 30 });
  return result.valid;
}

/**
 * Like `checkCode`, for signing in: the 30-second time step of the code when it is valid and of a
 * later step than `afterStep` (the last one accepted for this user), else null. Without this, one
 * code signed in as often as it was sent while it was valid.
 */
export async function acceptCode(secret: string, code: string, afterStep: number | null): Promise<number | null> {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const result = await verify({ secret, token, epochTolerance: 30, ...(afterStep === null ? {} : { afterTimeStep: afterStep }) });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

/** The current code: for tests only. */
export function currentCode(secret: string): Promise<string> {
  return generate({ secret });
}

export const hashRecoveryCode = (code: string) => createHash("sha256").update(code.replace(/[\s-]/g, "").toLowerCase()).digest("hex");

/** Ten one-time recovery codes like "k7m2-9xq4-p3t8", shown once. */
export function newRecoveryCodes(): string[] {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  return Array.from({ length: 10 }, () => {
    const bytes = randomBytes(12);
    const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join("");
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}
