// A real deployment's first run (issue #30): no demo data, the first organisation and its first
// administrator by a single-use link, then the normal invitation path, sign-in and two-factor set-up.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { firstRun } from "@/lib/admin/first-run";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { acceptInvitationAction, createInvitedAccountAction } from "@/app/(auth)/invite/[token]/actions";
import { getCurrentUser } from "@/lib/auth/current-user";
import { actAs, ok, uid } from "../support/fixtures";

describe("first run without demo data", () => {
  it("creates the organisation, requiring two-factor sign-in, and a link its first administrator uses through the normal invitation path", async () => {
    const name = uid("Coalition Secretariat ");
    const email = `${uid("first-admin-")}@example.org`;
    const r = await firstRun(db, { organisation: name, email: email.toUpperCase() }, "https://tracker.example.org/");
    if (!r.ok) throw new Error(r.message);
    expect(r.organisationCreated).toBe(true);
    expect(r.link).toMatch(/^https:\/\/tracker\.example\.org\/invite\/[\w-]{43}$/);
    const org = await db.organisation.findUniqueOrThrow({ where: { id: r.organisationId } });
    expect(org).toMatchObject({ name, requireTwoFactor: true, isDemo: false });
    expect(await db.auditEntry.count({ where: { organisationId: org.id, action: "organisation.first_run" } })).toBe(1);

    // Asked again before it is used: a new link, the earlier one stops working.
    const again = await firstRun(db, { organisation: name, email }, "https://tracker.example.org");
    if (!again.ok) throw new Error(again.message);
    expect(again.organisationCreated).toBe(false);
    const token = again.link.split("/invite/")[1];
    await actAs(null);
    const stale = await createInvitedAccountAction({ token: r.link.split("/invite/")[1], name: "First Admin", password: "granite meadow 77 owl" });
    expect(stale.ok).toBe(false);

    await ok(createInvitedAccountAction({ token, name: "First Admin", password: "granite meadow 77 owl" }));
    const signedIn = await signInWithPassword({ email, password: "granite meadow 77 owl" });
    expect(signedIn.ok).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    await actAs(user);
    await ok(acceptInvitationAction({ token }));
    expect(await db.membership.findFirstOrThrow({ where: { userId: user.id, organisationId: org.id } })).toMatchObject({ role: "ADMIN" });
    // The organisation requires two-factor sign-in: the first thing asked of its administrator.
    await actAs(user, org.id);
    expect((await getCurrentUser())?.mustSetUpTwoFactor).toBe(true);

    // From now on administrators invite in the app: the first run refuses.
    expect(await firstRun(db, { organisation: name, email: "someone@example.org" }, "https://tracker.example.org")).toEqual({ ok: false, message: `${name} already has an administrator: they invite members from the Admin page.` });
  });

  it("refuses a missing name or a malformed address, saying which", async () => {
    expect(await firstRun(db, { organisation: " ", email: "not-an-address" }, "http://x")).toEqual({
      ok: false,
      message: "Give the organisation's name (2 characters or more). Give the first administrator's e-mail address.",
    });
    const off = await firstRun(db, { organisation: uid("Optional 2FA "), email: `${uid("a-")}@example.org`, requireTwoFactor: false }, "http://x");
    if (!off.ok) throw new Error(off.message);
    expect((await db.organisation.findUniqueOrThrow({ where: { id: off.organisationId } })).requireTwoFactor).toBe(false);
  });

  it("makes the first organisation the coalition's secretariat when asked (--secretariat), and refuses a second secretariat", async () => {
    // (Other test files' databases are their own: none has a secretariat yet here.)
    const name = uid("Secretariat ");
    const r = await firstRun(db, { organisation: name, email: `${uid("sec-")}@example.org`, secretariat: true }, "http://x");
    if (!r.ok) throw new Error(r.message);
    expect(await db.organisation.findUniqueOrThrow({ where: { id: r.organisationId } })).toMatchObject({ name, isSecretariat: true });
    expect(await firstRun(db, { organisation: uid("Second "), email: `${uid("sec-")}@example.org`, secretariat: true }, "http://x")).toEqual({
      ok: false,
      message: `${name} is already the coalition's secretariat: its administrators create member organisations on the Coalition page.`,
    });
    // Without --secretariat, an organisation is a member.
    const member = await firstRun(db, { organisation: uid("Member "), email: `${uid("m-")}@example.org` }, "http://x");
    if (!member.ok) throw new Error(member.message);
    expect((await db.organisation.findUniqueOrThrow({ where: { id: member.organisationId } })).isSecretariat).toBe(false);
  });
});
