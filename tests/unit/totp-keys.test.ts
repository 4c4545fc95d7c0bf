// The keys of stored two-factor secrets (lib/auth/totp-keys.ts). Rotating NEXTAUTH_SECRET used to
// make every stored secret unreadable (the key was derived from it); now TOTP_ENCRYPTION_KEY is
// the key, TOTP_ENCRYPTION_KEYS_OLD keeps earlier ones readable, and the stored value names its key.
import { createCipheriv, createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { TotpKeyConfigError, UnreadableTotpSecretError, decryptTotpSecret, encryptTotpSecret, parseTotpKey, totpKeyId, totpKeyring } from "@/lib/auth/totp-keys";

const KEY_A = randomBytes(32).toString("hex");
const KEY_B = randomBytes(32).toString("base64");
const KEY_C = randomBytes(32).toString("base64url");
const NEXTAUTH_SECRET = "a-nextauth-secret-of-enough-length";
const PLAIN = "JBSWY3DPEHPK3PXP";

/** A v1 value exactly as lib/auth/totp.ts stored it before this change. */
function storedV1(secret: string, plain: string) {
  const key = createHash("sha256").update(`totp:${secret}`).digest();
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64"), cipher.getAuthTag().toString("base64"), data.toString("base64")].join(":");
}

describe("the two-factor secret's keys", () => {
  it("read a key as 64 hex digits, base64 or base64url, and refuse anything else naming the variable", () => {
    expect(parseTotpKey(KEY_A, "X")).toEqual(Buffer.from(KEY_A, "hex"));
    expect(parseTotpKey(` ${KEY_B} `, "X")).toEqual(Buffer.from(KEY_B, "base64"));
    expect(parseTotpKey(KEY_C, "X")).toEqual(Buffer.from(KEY_C, "base64url"));
    for (const bad of ["", "secret", KEY_A.slice(2), `${KEY_A}00`, randomBytes(16).toString("base64"), randomBytes(33).toString("base64"), "z".repeat(64)]) {
      expect(() => parseTotpKey(bad, "TOTP_ENCRYPTION_KEY")).toThrow(TotpKeyConfigError);
      expect(() => parseTotpKey(bad, "TOTP_ENCRYPTION_KEY")).toThrow(/^TOTP_ENCRYPTION_KEY must be 32 random bytes written as 64 hex digits or in base64/);
    }
  });

  it("refuse bad settings at once: a bad key, old keys without a current one, the current key among the old", () => {
    expect(() => totpKeyring({ TOTP_ENCRYPTION_KEY: "changeme" })).toThrow(/TOTP_ENCRYPTION_KEY must be 32 random bytes/);
    expect(() => totpKeyring({ TOTP_ENCRYPTION_KEY: KEY_A, TOTP_ENCRYPTION_KEYS_OLD: `${KEY_B},nope` })).toThrow(/TOTP_ENCRYPTION_KEYS_OLD \(key 2\) must be 32 random bytes/);
    expect(() => totpKeyring({ TOTP_ENCRYPTION_KEYS_OLD: KEY_B })).toThrow(/TOTP_ENCRYPTION_KEYS_OLD is set but TOTP_ENCRYPTION_KEY is not/);
    expect(() => totpKeyring({ TOTP_ENCRYPTION_KEY: KEY_A, TOTP_ENCRYPTION_KEYS_OLD: KEY_A })).toThrow(/repeats TOTP_ENCRYPTION_KEY/);
    // Spaces and empty entries around commas are fine.
    expect(totpKeyring({ TOTP_ENCRYPTION_KEY: KEY_A, TOTP_ENCRYPTION_KEYS_OLD: ` ${KEY_B} ,, ${KEY_C} ` }).old).toHaveLength(2);
  });

  it("store v2:<key id>:<iv>:<tag>:<data> under the current key, the id a fingerprint of the key that is not the key", () => {
    const ring = totpKeyring({ TOTP_ENCRYPTION_KEY: KEY_A, NEXTAUTH_SECRET });
    const stored = encryptTotpSecret(ring, PLAIN);
    const [v, id, iv, tag, data, ...rest] = stored.split(":");
    expect([v, id, rest]).toEqual(["v2", totpKeyId(Buffer.from(KEY_A, "hex")), []]);
    expect(id).toMatch(/^[0-9a-f]{8}$/);
    expect(KEY_A).not.toContain(id);
    expect([iv, tag, data].every((p) => Buffer.from(p, "base64").length > 0)).toBe(true);
    expect(stored).not.toContain(PLAIN);
    // A new IV each time.
    expect(encryptTotpSecret(ring, PLAIN)).not.toBe(stored);
    expect(decryptTotpSecret(ring, stored)).toEqual({ plain: PLAIN, upToDate: true });
    // The same key written in base64 is the same key.
    const sameInBase64 = totpKeyring({ TOTP_ENCRYPTION_KEY: Buffer.from(KEY_A, "hex").toString("base64") });
    expect(decryptTotpSecret(sameInBase64, stored).plain).toBe(PLAIN);
  });

  it("after rotation, read a secret made with an old key (to be re-encrypted) and refuse it once the old key is gone", () => {
    const stored = encryptTotpSecret(totpKeyring({ TOTP_ENCRYPTION_KEY: KEY_A }), PLAIN);
    const rotated = totpKeyring({ TOTP_ENCRYPTION_KEY: KEY_B, TOTP_ENCRYPTION_KEYS_OLD: `${KEY_C},${KEY_A}` });
    expect(decryptTotpSecret(rotated, stored)).toEqual({ plain: PLAIN, upToDate: false });
    const again = encryptTotpSecret(rotated, PLAIN);
    expect(again.split(":")[1]).toBe(totpKeyId(Buffer.from(KEY_B, "base64")));
    expect(decryptTotpSecret(rotated, again)).toEqual({ plain: PLAIN, upToDate: true });

    const withoutA = totpKeyring({ TOTP_ENCRYPTION_KEY: KEY_B, TOTP_ENCRYPTION_KEYS_OLD: KEY_C });
    expect(() => decryptTotpSecret(withoutA, stored)).toThrow(UnreadableTotpSecretError);
    // Nor does NEXTAUTH_SECRET's key open a v2 value.
    expect(() => decryptTotpSecret({ ...withoutA, derived: Buffer.from(KEY_A, "hex") }, stored)).toThrow(UnreadableTotpSecretError);
  });

  it("refuse a value altered or of an unknown format", () => {
    const ring = totpKeyring({ TOTP_ENCRYPTION_KEY: KEY_A });
    const [v, id, iv, tag, data] = encryptTotpSecret(ring, PLAIN).split(":");
    const flipped = Buffer.from(data, "base64");
    flipped[0] ^= 1;
    for (const bad of [[v, id, iv, tag, flipped.toString("base64")].join(":"), [v, "00000000", iv, tag, data].join(":"), `v3:${id}:${iv}:${tag}:${data}`, "v2:oops", "", PLAIN]) {
      expect(() => decryptTotpSecret(ring, bad)).toThrow(UnreadableTotpSecretError);
    }
  });

  describe("without TOTP_ENCRYPTION_KEY (tests, CI, an installation not yet moved)", () => {
    it("store and read v1 under the key derived from NEXTAUTH_SECRET, as before", () => {
      const ring = totpKeyring({ NEXTAUTH_SECRET });
      expect(ring.current).toBeNull();
      const stored = encryptTotpSecret(ring, PLAIN);
      expect(stored).toMatch(/^v1:[^:]+:[^:]+:[^:]+$/);
      expect(decryptTotpSecret(ring, stored)).toEqual({ plain: PLAIN, upToDate: true });
      // A value stored by the earlier code reads the same.
      expect(decryptTotpSecret(ring, storedV1(NEXTAUTH_SECRET, PLAIN))).toEqual({ plain: PLAIN, upToDate: true });
      expect(() => encryptTotpSecret(totpKeyring({}), PLAIN)).toThrow(/Neither TOTP_ENCRYPTION_KEY nor NEXTAUTH_SECRET is set/);
    });

    it("once the key is set, read v1 values while NEXTAUTH_SECRET is unchanged, marked for re-encryption", () => {
      const ring = totpKeyring({ TOTP_ENCRYPTION_KEY: KEY_A, NEXTAUTH_SECRET });
      expect(decryptTotpSecret(ring, storedV1(NEXTAUTH_SECRET, PLAIN))).toEqual({ plain: PLAIN, upToDate: false });
    });

    it("after NEXTAUTH_SECRET changed, read v1 values only with the old secret's derived key among the old keys", () => {
      const stored = storedV1(NEXTAUTH_SECRET, PLAIN);
      const changed = totpKeyring({ TOTP_ENCRYPTION_KEY: KEY_A, NEXTAUTH_SECRET: "another-secret" });
      expect(() => decryptTotpSecret(changed, stored)).toThrow(UnreadableTotpSecretError);
      const oldDerived = createHash("sha256").update(`totp:${NEXTAUTH_SECRET}`).digest("hex");
      const rescued = totpKeyring({ TOTP_ENCRYPTION_KEY: KEY_A, TOTP_ENCRYPTION_KEYS_OLD: oldDerived, NEXTAUTH_SECRET: "another-secret" });
      expect(decryptTotpSecret(rescued, stored)).toEqual({ plain: PLAIN, upToDate: false });
    });
  });
});
