import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { getCurrentUser } from "@/lib/auth/current-user";
import { ACCOUNT_LIMIT } from "@/lib/auth/rate-limit";
import { PASSWORD, actAs, createOrganisation, createUser } from "../support/fixtures";

describe("signing in with e-mail and password", () => {
  let orgId: string;
  beforeAll(async () => {
    orgId = (await createOrganisation()).id;
  });

  it("opens a session, records the sign-in and the audit entry", async () => {
    const user = await createUser({ email: "Ada@Example.org", memberships: [{ organisationId: orgId, role: "ANALYST" }] });
    const out = await signInWithPassword({ email: "  ada@example.ORG ", password: PASSWORD }, { ip: "10.0.0.1" });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const session = await db.authSession.findUniqueOrThrow({ where: { id: out.sessionId } });
    expect(session.userId).toBe(user.id);
    expect(session.ip).toBe("10.0.0.1");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt).not.toBeNull();
    const audit = await db.auditEntry.findFirst({ where: { action: "auth.sign_in", userId: user.id } });
    expect(audit).not.toBeNull();
  });

  it("gives the same answer for a wrong password and an unknown account, and audits both", async () => {
    await createUser({ email: "bob@example.org" });
    const wrong = await signInWithPassword({ email: "bob@example.org", password: "nope" });
    const unknown = await signInWithPassword({ email: "nobody@example.org", password: "nope" });
    expect(wrong).toEqual({ ok: false, error: "INVALID" });
    expect(unknown).toEqual({ ok: false, error: "INVALID" });
    const failures = await db.auditEntry.findMany({ where: { action: "auth.sign_in_failed" } });
    expect(failures.map((f) => (f.meta as { email: string }).email)).toEqual(expect.arrayContaining(["bob@example.org", "nobody@example.org"]));
  });

  it("refuses a deactivated account with the same answer", async () => {
    await createUser({ email: "gone@example.org", active: false });
    expect(await signInWithPassword({ email: "gone@example.org", password: PASSWORD })).toEqual({ ok: false, error: "INVALID" });
  });

  it("locks an account after repeated failures, even for the right password, and keeps the lock in the database", async () => {
    await createUser({ email: "carol@example.org" });
    for (let i = 0; i < ACCOUNT_LIMIT.max; i++) {
      expect((await signInWithPassword({ email: "carol@example.org", password: `bad-${i}` })).ok).toBe(false);
    }
    const locked = await signInWithPassword({ email: "carol@example.org", password: PASSWORD });
    expect(locked).toMatchObject({ ok: false, error: "LOCKED" });
    const row = await db.rateLimit.findUniqueOrThrow({ where: { key: "account:carol@example.org" } });
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
  });

  it("never returns the password hash from ordinary queries", async () => {
    const user = await createUser();
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).not.toHaveProperty("passwordHash");
    expect(row).not.toHaveProperty("totpSecret");
  });
});

describe("the current user is read from the database on every request", () => {
  it("is null without a session, and for a revoked session", async () => {
    const org = await createOrganisation();
    const user = await createUser({ memberships: [{ organisationId: org.id, role: "VIEWER" }] });
    await actAs(null);
    expect(await getCurrentUser()).toBeNull();
    const session = await actAs(user);
    expect((await getCurrentUser())?.id).toBe(user.id);
    await db.authSession.update({ where: { id: session!.id }, data: { revokedAt: new Date() } });
    expect(await getCurrentUser()).toBeNull();
  });

  it("ends at once when the user is deactivated or signed out everywhere", async () => {
    const user = await createUser();
    await actAs(user);
    expect(await getCurrentUser()).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await getCurrentUser()).toBeNull();

    const other = await createUser();
    await actAs(other);
    await db.user.update({ where: { id: other.id }, data: { sessionsValidFrom: new Date(Date.now() + 1000) } });
    expect(await getCurrentUser()).toBeNull();
  });

  it("reflects role changes and removed memberships at once", async () => {
    const org = await createOrganisation();
    const user = await createUser({ memberships: [{ organisationId: org.id, role: "VIEWER" }] });
    await actAs(user);
    expect((await getCurrentUser())?.active?.role).toBe("VIEWER");
    await db.membership.updateMany({ where: { userId: user.id }, data: { role: "ADMIN" } });
    expect((await getCurrentUser())?.active?.role).toBe("ADMIN");
    await db.membership.deleteMany({ where: { userId: user.id } });
    expect((await getCurrentUser())?.active).toBeNull();
  });
});
