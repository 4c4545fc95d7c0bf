// `npm run secrets:rotate-totp` (scripts/rotate-totp.ts): re-encrypts every stored two-factor
// secret under the current TOTP_ENCRYPTION_KEY, so the old keys can then be dropped from
// TOTP_ENCRYPTION_KEYS_OLD (and NEXTAUTH_SECRET rotated). Not server-only: run by the script, with
// its own database client; the integration test calls it with the app's.
import type { Db } from "@/lib/db-client";
import { TotpKeyConfigError, UnreadableTotpSecretError, decryptTotpSecret, encryptTotpSecret, totpKeyring, type TotpKeyring } from "./totp-keys";

export interface TotpRotation {
  /** The current key's id, as stored in every re-encrypted secret. */
  keyId: string;
  reencrypted: number;
  alreadyCurrent: number;
  /** E-mail addresses of people whose secret no configured key opens: an administrator must reset their two-factor sign-in. */
  unreadable: string[];
}

/**
 * In one transaction, with every user row holding a secret locked (a sign-in or set-up meanwhile
 * waits, then sees the new value): each secret not under the current key is decrypted with the key
 * that made it and written back under the current one. Those no key opens are left as they are and
 * listed. One audit entry (operator.two_factor_keys_rotated) records the counts.
 */
export async function rotateTotpSecrets(db: Db, ring: TotpKeyring = totpKeyring()): Promise<TotpRotation> {
  const current = ring.current;
  if (!current) throw new TotpKeyConfigError("Set TOTP_ENCRYPTION_KEY first: the secrets are re-encrypted under it (docs/deploy.md, Rotating secrets).");
  return db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<{ id: string; email: string; totpSecret: string }[]>`
        SELECT id, email, "totpSecret" FROM "User" WHERE "totpSecret" IS NOT NULL ORDER BY id FOR UPDATE`;
      const result: TotpRotation = { keyId: current.id, reencrypted: 0, alreadyCurrent: 0, unreadable: [] };
      for (const row of rows) {
        let opened: { plain: string; upToDate: boolean };
        try {
          opened = decryptTotpSecret(ring, row.totpSecret);
        } catch (e) {
          if (!(e instanceof UnreadableTotpSecretError)) throw e;
          result.unreadable.push(row.email);
          continue;
        }
        if (opened.upToDate) {
          result.alreadyCurrent++;
          continue;
        }
        await tx.user.update({ where: { id: row.id }, data: { totpSecret: encryptTotpSecret(ring, opened.plain) } });
        result.reencrypted++;
      }
      await tx.auditEntry.create({
        data: {
          userId: null,
          organisationId: null,
          action: "operator.two_factor_keys_rotated",
          entityType: "User",
          meta: { keyId: current.id, reencrypted: result.reencrypted, alreadyCurrent: result.alreadyCurrent, unreadable: result.unreadable },
        },
      });
      return result;
    },
    { timeout: 120_000 },
  );
}
