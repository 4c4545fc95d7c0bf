// The keys that encrypt stored two-factor (TOTP) secrets, and the stored format. Not server-only:
// `npm start` checks the settings before it starts the app, and `npm run secrets:rotate-totp`
// (scripts/rotate-totp.ts) re-encrypts with them.
//
// Why a key of its own: the key used to be SHA-256("totp:" + NEXTAUTH_SECRET), so rotating
// NEXTAUTH_SECRET (which ends every session) made every stored secret unreadable and shut every
// two-factor user out, with no way back in the app. Now:
//   TOTP_ENCRYPTION_KEY       the current key: 32 random bytes, as 64 hex digits or base64/base64url
//   TOTP_ENCRYPTION_KEYS_OLD  earlier keys, comma-separated, kept while secrets made with them remain
// A secret is stored as "v2:<key id>:<iv>:<tag>:<ciphertext>" (AES-256-GCM); the key id is a
// fingerprint of the key (the first 8 hex digits of SHA-256("totp-key-id:" + key)), so the operator
// names nothing and the id says which key to use. Without TOTP_ENCRYPTION_KEY (tests, CI, an
// installation not yet moved) the key is still derived from NEXTAUTH_SECRET and secrets are stored
// as before, "v1:<iv>:<tag>:<ciphertext>"; once the variable is set, v1 secrets are read with the
// derived key (or an old key) and re-encrypted under the current one.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

export interface TotpKey {
  id: string;
  key: Buffer;
}

export interface TotpKeyring {
  /** TOTP_ENCRYPTION_KEY; null when unset (then new secrets are stored under the derived key, v1). */
  current: TotpKey | null;
  /** TOTP_ENCRYPTION_KEYS_OLD. */
  old: TotpKey[];
  /** SHA-256("totp:" + NEXTAUTH_SECRET): what v1 secrets were made with. */
  derived: Buffer | null;
}

/** A setting that cannot be a key: the message names the variable and says what it must hold. */
export class TotpKeyConfigError extends Error {}

/** A stored secret that no configured key opens (or that is not in a known format). */
export class UnreadableTotpSecretError extends Error {
  constructor(readonly keyId: string | null) {
    super(keyId ? `No configured key opens this two-factor secret (key ${keyId}).` : "No configured key opens this two-factor secret.");
  }
}

const GENERATE = `node -e "console.log(require('crypto').randomBytes(32).toString('hex'))"`;

/** A 32-byte key from 64 hex digits or base64 / base64url; throws naming `variable` otherwise. */
export function parseTotpKey(value: string, variable: string): Buffer {
  const v = value.trim();
  const key = /^[0-9a-f]{64}$/i.test(v) ? Buffer.from(v, "hex") : /^[A-Za-z0-9+/_-]{43}={0,1}$/.test(v) ? Buffer.from(v.replace(/-/g, "+").replace(/_/g, "/"), "base64") : null;
  if (!key || key.length !== 32) {
    throw new TotpKeyConfigError(`${variable} must be 32 random bytes written as 64 hex digits or in base64 (make one with: ${GENERATE}).`);
  }
  return key;
}

/** The key's id in stored secrets: a fingerprint that tells which key to use and nothing about it. */
export function totpKeyId(key: Buffer): string {
  return createHash("sha256").update("totp-key-id:").update(key).digest("hex").slice(0, 8);
}

/** The keyring from the environment. Throws TotpKeyConfigError for a setting that cannot be used. */
export function totpKeyring(env: Record<string, string | undefined> = process.env): TotpKeyring {
  const currentValue = env.TOTP_ENCRYPTION_KEY?.trim();
  const oldValues = (env.TOTP_ENCRYPTION_KEYS_OLD ?? "")
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
  if (!currentValue && oldValues.length) {
    throw new TotpKeyConfigError("TOTP_ENCRYPTION_KEYS_OLD is set but TOTP_ENCRYPTION_KEY is not: set the new key in TOTP_ENCRYPTION_KEY and keep the earlier ones in TOTP_ENCRYPTION_KEYS_OLD.");
  }
  const withId = (key: Buffer): TotpKey => ({ id: totpKeyId(key), key });
  const current = currentValue ? withId(parseTotpKey(currentValue, "TOTP_ENCRYPTION_KEY")) : null;
  const old = oldValues.map((v, i) => withId(parseTotpKey(v, `TOTP_ENCRYPTION_KEYS_OLD (key ${i + 1})`)));
  if (current && old.some((k) => k.key.equals(current.key))) {
    throw new TotpKeyConfigError("TOTP_ENCRYPTION_KEYS_OLD repeats TOTP_ENCRYPTION_KEY: list only the earlier keys there.");
  }
  const secret = env.NEXTAUTH_SECRET;
  const derived = secret ? createHash("sha256").update(`totp:${secret}`).digest() : null;
  return { current, old, derived };
}

function seal(key: Buffer, plain: string): string[] {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [iv.toString("base64"), cipher.getAuthTag().toString("base64"), data.toString("base64")];
}

function open(key: Buffer, iv: string, tag: string, data: string): string | null {
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
    decipher.setAuthTag(Buffer.from(tag, "base64"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]).toString("utf8");
  } catch {
    return null; // another key: the authentication check fails
  }
}

/** Encrypts under the current key (v2), or the derived one (v1) when no key is set. */
export function encryptTotpSecret(ring: TotpKeyring, plain: string): string {
  if (ring.current) return ["v2", ring.current.id, ...seal(ring.current.key, plain)].join(":");
  if (ring.derived) return ["v1", ...seal(ring.derived, plain)].join(":");
  throw new TotpKeyConfigError("Neither TOTP_ENCRYPTION_KEY nor NEXTAUTH_SECRET is set: two-factor secrets cannot be encrypted.");
}

/**
 * The secret, and whether it is stored as it would be stored now (else it should be re-encrypted
 * with `encryptTotpSecret`). Throws UnreadableTotpSecretError when no configured key opens it.
 */
export function decryptTotpSecret(ring: TotpKeyring, stored: string): { plain: string; upToDate: boolean } {
  const parts = stored.split(":");
  if (parts[0] === "v2" && parts.length === 5) {
    const [, id, iv, tag, data] = parts;
    for (const k of [ring.current, ...ring.old]) {
      if (!k || k.id !== id) continue;
      const plain = open(k.key, iv, tag, data);
      if (plain !== null) return { plain, upToDate: k === ring.current };
    }
    throw new UnreadableTotpSecretError(id);
  }
  if (parts[0] === "v1" && parts.length === 4) {
    const [, iv, tag, data] = parts;
    // The derived key first; then the keyring, where an operator who already rotated NEXTAUTH_SECRET
    // can put SHA-256("totp:" + the old secret) in hex (docs/deploy.md, Rotating secrets).
    for (const key of [ring.derived, ...ring.old.map((k) => k.key), ring.current?.key]) {
      if (!key) continue;
      const plain = open(key, iv, tag, data);
      if (plain !== null) return { plain, upToDate: !ring.current && key === ring.derived };
    }
    throw new UnreadableTotpSecretError(null);
  }
  throw new UnreadableTotpSecretError(null);
}
