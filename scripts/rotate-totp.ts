// npm run secrets:rotate-totp: re-encrypts every stored two-factor secret under the current
// TOTP_ENCRYPTION_KEY, in one transaction, audited (lib/auth/rotate-totp-secrets.ts). Run it after
// moving the previous key to TOTP_ENCRYPTION_KEYS_OLD (or after first setting TOTP_ENCRYPTION_KEY,
// for secrets still stored under NEXTAUTH_SECRET's key); afterwards the old keys can go.
// docs/deploy.md, Rotating secrets. Exits 1 when some secret could not be read by any key.
import { createPrismaClient } from "../lib/db-client";
import { rotateTotpSecrets } from "../lib/auth/rotate-totp-secrets";
import { totpKeyring } from "../lib/auth/totp-keys";
import { openDatabase } from "./lib/database";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

async function main() {
  const db = await openDatabase(); // loads .env.local first
  const ring = totpKeyring(); // a bad setting stops here, naming the variable
  const prisma = createPrismaClient(db.url, 1);
  try {
    const r = await rotateTotpSecrets(prisma, ring);
    console.log(`Re-encrypted ${plural(r.reencrypted, "two-factor secret", "two-factor secrets")} under the key ${r.keyId}; ${r.alreadyCurrent} already under it.`);
    if (r.unreadable.length) {
      console.error(
        `${plural(r.unreadable.length, "secret", "secrets")} could not be read by any configured key and ${r.unreadable.length === 1 ? "was" : "were"} left as ${r.unreadable.length === 1 ? "it was" : "they were"}: ${r.unreadable.join(", ")}.\n` +
          "Add the key they were made with to TOTP_ENCRYPTION_KEYS_OLD and run this again, or have an administrator of their organisation reset their two-factor sign-in on the Admin page.",
      );
      process.exitCode = 1;
    } else if (r.reencrypted + r.alreadyCurrent > 0) {
      console.log("Every stored secret is under the current key: TOTP_ENCRYPTION_KEYS_OLD is no longer needed for them.");
    }
  } finally {
    await prisma.$disconnect();
    await db.stop();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
