// Parallel wrong passwords must not outrun the lockout (issue #26: 100 parallel attempts had 26
// passwords checked against a limit of 5). Attempts are counted atomically before the check.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { ACCOUNT_LIMIT, IP_LIMIT } from "@/lib/auth/rate-limit";
import { PASSWORD, createUser, uid } from "../support/fixtures";

/** Password checks actually made: each one that failed writes one "auth.sign_in_failed" entry. */
const checked = (email: string) => db.auditEntry.count({ where: { action: "auth.sign_in_failed", meta: { path: ["email"], equals: email } } });

describe("sign-in under parallel attempts", () => {
  it("checks at most the account's limit of 50 parallel wrong passwords, and locks the account", async () => {
    const user = await createUser();
    const outcomes = await Promise.all(Array.from({ length: 50 }, (_, i) => signInWithPassword({ email: user.email, password: `wrong-${i}` })));
    expect(await checked(user.email)).toBeLessThanOrEqual(ACCOUNT_LIMIT.max);
    expect(outcomes.filter((o) => !o.ok && o.error === "INVALID").length).toBeLessThanOrEqual(ACCOUNT_LIMIT.max);
    expect(outcomes.filter((o) => !o.ok && o.error === "LOCKED").length).toBeGreaterThanOrEqual(50 - ACCOUNT_LIMIT.max);
    expect(await signInWithPassword({ email: user.email, password: PASSWORD })).toMatchObject({ ok: false, error: "LOCKED" });
  });

  it("checks at most the address's limit of parallel wrong passwords for many accounts", async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
    const tag = uid();
    const emails = Array.from({ length: IP_LIMIT.max + 20 }, (_, i) => `nobody-${tag}-${i}@example.org`);
    await Promise.all(emails.map((email) => signInWithPassword({ email, password: "wrong" }, { ip })));
    const failures = await db.auditEntry.count({ where: { action: "auth.sign_in_failed", meta: { path: ["ip"], equals: ip } } });
    expect(failures).toBeLessThanOrEqual(IP_LIMIT.max);
  });

  it("still counts only failures: right passwords do not use up the address's allowance", async () => {
    const ip = "203.0.113.99";
    const users = await Promise.all(Array.from({ length: IP_LIMIT.max + 5 }, () => createUser()));
    for (const u of users) expect(await signInWithPassword({ email: u.email, password: PASSWORD }, { ip })).toMatchObject({ ok: true });
    const wrong = await createUser();
    expect(await signInWithPassword({ email: wrong.email, password: "wrong" }, { ip })).toEqual({ ok: false, error: "INVALID" });
    expect(await db.rateLimit.findUnique({ where: { key: `ip:${ip}` } })).toMatchObject({ count: 1, lockedUntil: null });
  });
});
