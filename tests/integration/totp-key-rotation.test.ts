// Rotating the key of stored two-factor secrets (finding: changing NEXTAUTH_SECRET, which
// docs/deploy.md told administrators to do, made every stored secret unreadable and shut every
// two-factor user out, with no way back in the app). The secrets now have their own key
// (TOTP_ENCRYPTION_KEY) with earlier keys kept in TOTP_ENCRYPTION_KEYS_OLD; `npm run
// secrets:rotate-totp` re-encrypts them all; a secret no key opens makes sign-in say that an
// administrator must reset two-factor sign-in, which an organisation's administrator can do.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { generate } from "otplib";
import { db } from "@/lib/db";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { signInErrorMessage } from "@/lib/auth/sign-in-messages";
import { getCurrentUser } from "@/lib/auth/current-user";
import { totpKeyId } from "@/lib/auth/totp-keys";
import { encryptSecret, newSecret } from "@/lib/auth/totp";
import { ACCOUNT_LIMIT } from "@/lib/auth/rate-limit";
import { confirmTwoFactorAction, startTwoFactorAction } from "@/app/(app)/account/actions";
import { requireTwoFactorAction, resetMemberTwoFactorAction } from "@/app/(app)/admin/actions";
import { PASSWORD, actAs, createMember, createOrganisation, createUser, ok } from "../support/fixtures";

const KEY_A = randomBytes(32).toString("hex");
const KEY_B = randomBytes(32).toString("base64");
const ID_A = totpKeyId(Buffer.from(KEY_A, "hex"));
const ID_B = totpKeyId(Buffer.from(KEY_B, "base64"));
const ENV_NAMES = ["TOTP_ENCRYPTION_KEY", "TOTP_ENCRYPTION_KEYS_OLD", "NEXTAUTH_SECRET"] as const;
const saved = Object.fromEntries(ENV_NAMES.map((n) => [n, process.env[n]]));

/** The server's settings from now on (unset when undefined), as an operator changes them and restarts. */
function setKeys(keys: Partial<Record<(typeof ENV_NAMES)[number], string>>) {
  for (const n of ["TOTP_ENCRYPTION_KEY", "TOTP_ENCRYPTION_KEYS_OLD"] as const) {
    if (keys[n] === undefined) delete process.env[n];
    else process.env[n] = keys[n];
  }
  if (keys.NEXTAUTH_SECRET) process.env.NEXTAUTH_SECRET = keys.NEXTAUTH_SECRET;
}
afterEach(() => {
  for (const n of ENV_NAMES) {
    if (saved[n] === undefined) delete process.env[n];
    else process.env[n] = saved[n];
  }
});

/** The code an authenticator app shows `offset` seconds from now. */
const codeAt = (secret: string, offset = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset });
const storedSecret = async (userId: string) => (await db.user.findUniqueOrThrow({ where: { id: userId }, omit: { totpSecret: false } })).totpSecret;

let org: { id: string };
let admin: { id: string };
beforeAll(async () => {
  org = await createOrganisation();
  admin = await createMember(org.id, "ADMIN");
  // The administrator has two-factor sign-in on, so that requiring it (below) leaves them working.
  await db.user.update({ where: { id: admin.id }, data: { totpSecret: encryptSecret(newSecret()), totpEnabledAt: new Date() } });
});

/** A member who set up two-factor sign-in on their Account page under the keys now configured. */
async function enrolledMember() {
  const user = await createUser({ memberships: [{ organisationId: org.id, role: "ANALYST" }] });
  await actAs(user);
  const { secret } = await ok(startTwoFactorAction({ start: true }));
  const { recoveryCodes } = await ok(confirmTwoFactorAction({ code: await codeAt(secret) }));
  await actAs(null);
  return { user, secret, recoveryCodes };
}

describe("rotating the key of two-factor secrets", () => {
  it("a member enrolled under key A signs in after rotation to key B with A kept as old; their secret is then under B", async () => {
    setKeys({ TOTP_ENCRYPTION_KEY: KEY_A });
    const { user, secret } = await enrolledMember();
    expect(await storedSecret(user.id)).toMatch(new RegExp(`^v2:${ID_A}:`));

    setKeys({ TOTP_ENCRYPTION_KEY: KEY_B, TOTP_ENCRYPTION_KEYS_OLD: KEY_A });
    expect(await signInWithPassword({ email: user.email, password: PASSWORD })).toEqual({ ok: false, error: "CODE_REQUIRED" });
    expect(await signInWithPassword({ email: user.email, password: PASSWORD, code: await codeAt(secret, 30) })).toMatchObject({ ok: true });
    expect(await storedSecret(user.id)).toMatch(new RegExp(`^v2:${ID_B}:`));
  });

  it("rotating NEXTAUTH_SECRET no longer shuts anyone out once the secrets have their own key", async () => {
    setKeys({ TOTP_ENCRYPTION_KEY: KEY_A });
    const { user, secret } = await enrolledMember();
    setKeys({ TOTP_ENCRYPTION_KEY: KEY_A, NEXTAUTH_SECRET: randomBytes(32).toString("base64url") });
    expect(await signInWithPassword({ email: user.email, password: PASSWORD, code: await codeAt(secret, 30) })).toMatchObject({ ok: true });
  });

  it("a secret stored under NEXTAUTH_SECRET's key (v1) still works once TOTP_ENCRYPTION_KEY is set, and is moved under it", async () => {
    setKeys({});
    const { user, secret } = await enrolledMember();
    expect(await storedSecret(user.id)).toMatch(/^v1:/);
    setKeys({ TOTP_ENCRYPTION_KEY: KEY_A });
    expect(await signInWithPassword({ email: user.email, password: PASSWORD, code: await codeAt(secret, 30) })).toMatchObject({ ok: true });
    expect(await storedSecret(user.id)).toMatch(new RegExp(`^v2:${ID_A}:`));
  });

  it("npm run secrets:rotate-totp re-encrypts every stored secret under the new key, audited, and says how many", async () => {
    setKeys({});
    const v1 = await enrolledMember();
    setKeys({ TOTP_ENCRYPTION_KEY: KEY_A });
    const first = await enrolledMember();
    const second = await enrolledMember();
    const everyoneBefore = await db.user.count({ where: { totpSecret: { not: null } } });

    setKeys({ TOTP_ENCRYPTION_KEY: KEY_B, TOTP_ENCRYPTION_KEYS_OLD: KEY_A });
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/rotate-totp.ts"], {
      encoding: "utf8",
      // Every setting given, so that no .env.local in the checkout adds one.
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL, TOTP_ENCRYPTION_KEY: KEY_B, TOTP_ENCRYPTION_KEYS_OLD: KEY_A, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET },
    });
    expect(run.stderr).not.toContain("could not be read");
    expect(run.status).toBe(0);
    const count = Number(/^Re-encrypted (\d+) two-factor secrets? under the key (\w+); (\d+) already under it\./m.exec(run.stdout)?.[1]);
    expect(run.stdout).toContain(`under the key ${ID_B};`);
    // Everyone with a secret stored, here the three above and those of the earlier tests (some already moved under B by signing in).
    const rows = await db.user.findMany({ where: { totpSecret: { not: null } }, omit: { totpSecret: false } });
    expect(rows).toHaveLength(everyoneBefore);
    for (const r of rows) expect(r.totpSecret).toMatch(new RegExp(`^v2:${ID_B}:`));
    expect(count).toBeGreaterThanOrEqual(3);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "operator.two_factor_keys_rotated" } });
    expect(audit.meta).toMatchObject({ keyId: ID_B, reencrypted: count, unreadable: [] });

    // A is no longer needed: each signs in under B alone.
    setKeys({ TOTP_ENCRYPTION_KEY: KEY_B });
    for (const m of [v1, first, second]) {
      expect(await signInWithPassword({ email: m.user.email, password: PASSWORD, code: await codeAt(m.secret, 30) })).toMatchObject({ ok: true });
    }
  });

  it("the command refuses a bad key, naming the variable, and changes nothing", async () => {
    const before = await db.user.findMany({ where: { totpSecret: { not: null } }, select: { id: true, totpSecret: true } });
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/rotate-totp.ts"], {
      encoding: "utf8",
      env: { ...process.env, TOTP_ENCRYPTION_KEY: "changeme", TOTP_ENCRYPTION_KEYS_OLD: "" },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/TOTP_ENCRYPTION_KEY must be 32 random bytes written as 64 hex digits or in base64/);
    expect(await db.user.findMany({ where: { totpSecret: { not: null } }, select: { id: true, totpSecret: true } })).toEqual(before);
  });

  it("without the old key, sign-in says an administrator must reset two-factor sign-in; the administrator does, and the member sets it up again", async () => {
    await actAs(admin);
    await ok(requireTwoFactorAction({ required: true }));
    setKeys({ TOTP_ENCRYPTION_KEY: KEY_A });
    const { user, secret, recoveryCodes } = await enrolledMember();
    setKeys({ TOTP_ENCRYPTION_KEY: KEY_B });

    // Whatever code: the right password gets the sentence, not "that code is not right".
    for (const code of [undefined, await codeAt(secret), recoveryCodes[0]]) {
      const out = await signInWithPassword({ email: user.email, password: PASSWORD, code });
      expect(out).toEqual({ ok: false, error: "TWO_FACTOR_RESET_REQUIRED" });
      if (!out.ok) expect(signInErrorMessage(out.error)).toMatch(/^Your password is right, but your two-factor sign-in can no longer be checked.*An administrator of your organisation must reset your two-factor sign-in on the Admin page/);
    }
    // A wrong password still gets the usual answer, and these tries did not lock the account.
    expect(await signInWithPassword({ email: user.email, password: "wrong" })).toEqual({ ok: false, error: "INVALID" });
    const failures = await db.auditEntry.findMany({ where: { userId: user.id, action: "auth.sign_in_failed" } });
    expect(failures.map((f) => (f.meta as { reason: string }).reason)).toEqual(expect.arrayContaining(["two-factor secret unreadable", "wrong password"]));
    expect((await db.rateLimit.findUnique({ where: { key: `account:${user.email}` } }))?.count ?? 0).toBeLessThan(ACCOUNT_LIMIT.max);

    // The administrator resets it (the Admin page's button).
    await actAs(admin);
    await ok(resetMemberTwoFactorAction({ userId: user.id }));
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { totpSecret: false } });
    expect(after).toMatchObject({ totpSecret: null, totpEnabledAt: null, totpLastStep: null });
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "member.two_factor_reset", entityId: user.id } });
    expect(entry).toMatchObject({ userId: admin.id, organisationId: org.id, meta: { member: user.email } });
    // Asking again: nothing left to reset.
    expect(await resetMemberTwoFactorAction({ userId: user.id })).toMatchObject({ ok: false, message: expect.stringMatching(/has not turned on two-factor sign-in: there is nothing to reset/) });

    // The member signs in with the password, may do nothing before setting it up again, and does, under B.
    const signedIn = await signInWithPassword({ email: user.email, password: PASSWORD });
    expect(signedIn).toMatchObject({ ok: true });
    await actAs(user);
    expect((await getCurrentUser())?.mustSetUpTwoFactor).toBe(true);
    const again = await ok(startTwoFactorAction({ start: true }));
    await ok(confirmTwoFactorAction({ code: await codeAt(again.secret) }));
    expect(await storedSecret(user.id)).toMatch(new RegExp(`^v2:${ID_B}:`));
    await actAs(null);
    expect(await signInWithPassword({ email: user.email, password: PASSWORD, code: await codeAt(again.secret, 30) })).toMatchObject({ ok: true });
    await actAs(admin);
    await ok(requireTwoFactorAction({ required: false }));
  });

  it("the command names whoever no configured key can read, leaves them as they are, and fails", async () => {
    setKeys({ TOTP_ENCRYPTION_KEY: KEY_A });
    const { user } = await enrolledMember();
    const stored = await storedSecret(user.id);
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/rotate-totp.ts"], {
      encoding: "utf8",
      env: { ...process.env, TOTP_ENCRYPTION_KEY: KEY_B, TOTP_ENCRYPTION_KEYS_OLD: "" },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`could not be read by any configured key and was left as it was: ${user.email}.`);
    expect(run.stderr).toContain("have an administrator of their organisation reset their two-factor sign-in on the Admin page");
    expect(await storedSecret(user.id)).toBe(stored);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "operator.two_factor_keys_rotated" }, orderBy: { id: "desc" } });
    expect(audit.meta).toMatchObject({ keyId: ID_B, unreadable: [user.email] });
  });

  it("a set-up started under a key no longer configured asks to start again", async () => {
    setKeys({ TOTP_ENCRYPTION_KEY: KEY_A });
    const user = await createUser({ memberships: [{ organisationId: org.id, role: "VIEWER" }] });
    await actAs(user);
    const { secret } = await ok(startTwoFactorAction({ start: true }));
    setKeys({ TOTP_ENCRYPTION_KEY: KEY_B });
    expect(await confirmTwoFactorAction({ code: await codeAt(secret) })).toMatchObject({ ok: false, message: expect.stringMatching(/^Start the set-up again/) });
  });
});

describe("an administrator resetting a member's two-factor sign-in", () => {
  it("only for an active member of their own organisation, not for themselves", async () => {
    setKeys({ TOTP_ENCRYPTION_KEY: KEY_A });
    const { user } = await enrolledMember();
    // Another organisation's administrator: not their member, nothing changes.
    const other = await createMember((await createOrganisation()).id, "ADMIN");
    await actAs(other);
    expect(await resetMemberTwoFactorAction({ userId: user.id })).toMatchObject({ ok: false, message: "This person is not a member of your organisation." });
    // Not an administrator.
    await actAs(await createMember(org.id, "ANALYST"));
    expect(await resetMemberTwoFactorAction({ userId: user.id })).toMatchObject({ ok: false });
    // Themselves: on the Account page.
    await actAs(admin);
    expect(await resetMemberTwoFactorAction({ userId: admin.id })).toMatchObject({ ok: false, message: "Change your own two-factor sign-in on your Account page." });
    // A deactivated member.
    await db.membership.updateMany({ where: { userId: user.id, organisationId: org.id }, data: { deactivatedAt: new Date() } });
    expect(await resetMemberTwoFactorAction({ userId: user.id })).toMatchObject({ ok: false, message: expect.stringMatching(/deactivated/) });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).not.toBeNull();
    expect(await db.auditEntry.count({ where: { action: "member.two_factor_reset", entityId: user.id } })).toBe(0);
  });
});

describe("a member who also works in another organisation", () => {
  it("keeps their two-factor sign-in unless the administrator administers every organisation they work in", async () => {
    setKeys({ TOTP_ENCRYPTION_KEY: KEY_A });
    const { user } = await enrolledMember();
    const elsewhere = await createOrganisation();
    await db.membership.create({ data: { organisationId: elsewhere.id, userId: user.id, role: "VIEWER" } });
    // The second factor protects the other organisation's data too: one organisation's administrator cannot take it away.
    await actAs(admin);
    const refused = await resetMemberTwoFactorAction({ userId: user.id });
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/also works in another organisation/) });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).not.toBeNull();
    expect(await db.auditEntry.count({ where: { action: "member.two_factor_reset", entityId: user.id } })).toBe(0);
    // An administrator of both may.
    await db.membership.create({ data: { organisationId: elsewhere.id, userId: admin.id, role: "ADMIN" } });
    await ok(resetMemberTwoFactorAction({ userId: user.id }));
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).toBeNull();
  });
});
