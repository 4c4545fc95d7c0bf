import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { getCurrentUser } from "@/lib/auth/current-user";
import { currentCode, decryptSecret } from "@/lib/auth/totp";
import { changePasswordAction, confirmTwoFactorAction, disableTwoFactorAction, signOutEverywhereAction, startTwoFactorAction } from "@/app/(app)/account/actions";
import { changeRoleAction, inviteMemberAction, requireTwoFactorAction, setMemberActiveAction } from "@/app/(app)/admin/actions";
import { acceptInvitationAction, createInvitedAccountAction } from "@/app/(auth)/invite/[token]/actions";
import { archiveSituationAction, createSituationAction, updateSituationAction } from "@/app/(app)/situations/actions";
import { switchOrganisationAction } from "@/app/(app)/actions";
import { getSituation, listVisibleSituations } from "@/lib/situations/queries";
import { emptySituationInput } from "@/lib/situations/schemas";
import { GET as exportList } from "@/app/api/exports/[entity]/route";
import { PASSWORD, actAs, createMember, createOrganisation, createSituation, createUser, ok } from "../support/fixtures";

let org: { id: string };
let admin: { id: string };

beforeAll(async () => {
  org = await createOrganisation();
  admin = await createMember(org.id, "ADMIN");
});

describe("two-factor sign-in", () => {
  it("is set up with a code from the app, then asked at sign-in; recovery codes work once", async () => {
    const u = await createUser({ email: "tfa@example.org", memberships: [{ organisationId: org.id, role: "ANALYST" }] });
    await actAs(u);
    const started = await ok(startTwoFactorAction({ start: true }));
    expect(started.uri).toMatch(/^otpauth:\/\/totp\/Atrocity%20Early%20Warning:tfa%40example.org\?secret=/);
    expect(started.qr).toMatch(/^data:image\/png;base64,/);
    const stored = await db.user.findUniqueOrThrow({ where: { id: u.id }, omit: { totpSecret: false } });
    expect(stored.totpSecret).not.toContain(started.secret); // encrypted at rest
    expect(decryptSecret(stored.totpSecret!)).toBe(started.secret);
    expect(await confirmTwoFactorAction({ code: "000000" })).toMatchObject({ ok: false, fieldErrors: { code: [expect.stringContaining("not right")] } });
    const { recoveryCodes } = await ok(confirmTwoFactorAction({ code: await currentCode(started.secret) }));
    expect(recoveryCodes).toHaveLength(10);
    expect(await db.recoveryCode.count({ where: { userId: u.id, codeHash: { in: recoveryCodes } } })).toBe(0); // stored hashed

    expect(await signInWithPassword({ email: "tfa@example.org", password: PASSWORD })).toEqual({ ok: false, error: "CODE_REQUIRED" });
    expect(await signInWithPassword({ email: "tfa@example.org", password: PASSWORD, code: "123456" })).toEqual({ ok: false, error: "CODE_INVALID" });
    expect(await signInWithPassword({ email: "tfa@example.org", password: PASSWORD, code: await currentCode(started.secret) })).toMatchObject({ ok: true });
    expect(await signInWithPassword({ email: "tfa@example.org", password: PASSWORD, code: recoveryCodes[0].toUpperCase() })).toMatchObject({ ok: true });
    expect(await signInWithPassword({ email: "tfa@example.org", password: PASSWORD, code: recoveryCodes[0] })).toEqual({ ok: false, error: "CODE_INVALID" });
    expect(await signInWithPassword({ email: "tfa@example.org", password: "wrong", code: await currentCode(started.secret) })).toEqual({ ok: false, error: "INVALID" });

    await actAs(u);
    expect(await disableTwoFactorAction({ password: "wrong" })).toMatchObject({ ok: false, fieldErrors: { password: ["That is not your current password."] } });
    await ok(disableTwoFactorAction({ password: PASSWORD }));
    expect(await signInWithPassword({ email: "tfa@example.org", password: PASSWORD })).toMatchObject({ ok: true });
    expect((await db.auditEntry.findMany({ where: { userId: u.id, action: { startsWith: "account.two_factor" } } })).map((a) => a.action).sort()).toEqual(["account.two_factor_off", "account.two_factor_on"]);
  });

  it("can be required by an organisation: members without it can only set it up", async () => {
    const o = await createOrganisation();
    const a = await createMember(o.id, "ADMIN");
    const analyst = await createMember(o.id, "ANALYST");
    await actAs(a);
    await ok(requireTwoFactorAction({ required: true }));
    await actAs(analyst);
    expect(await createSituationAction({ ...emptySituationInput(), countryIso3: "SDN", title: "Blocked" })).toMatchObject({ ok: false, code: "FORBIDDEN", message: expect.stringContaining("requires two-factor") });
    expect((await getCurrentUser())!.mustSetUpTwoFactor).toBe(true);
    const s = await ok(startTwoFactorAction({ start: true }));
    await ok(confirmTwoFactorAction({ code: await currentCode(s.secret) }));
    await actAs(analyst);
    expect(await createSituationAction({ ...emptySituationInput(), countryIso3: "SDN", title: "Allowed now" })).toMatchObject({ ok: true });
    expect(await disableTwoFactorAction({ password: PASSWORD })).toMatchObject({ ok: false, message: expect.stringContaining("requires two-factor sign-in") });
  });
});

describe("account", () => {
  it("changes the password only with the current one, refuses short and leaked ones, and ends other sessions", async () => {
    const u = await createUser({ email: "pw@example.org", memberships: [{ organisationId: org.id, role: "VIEWER" }] });
    const other = await db.authSession.create({ data: { userId: u.id } });
    await actAs(u);
    expect(await changePasswordAction({ currentPassword: PASSWORD, newPassword: "short", confirm: "short" })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await changePasswordAction({ currentPassword: PASSWORD, newPassword: "password1234", confirm: "password1234" })).toMatchObject({
      ok: false,
      fieldErrors: { newPassword: ["This password appears in lists of leaked passwords. Choose another."] },
    });
    expect(await changePasswordAction({ currentPassword: "nope", newPassword: "river lantern quietly 42", confirm: "river lantern quietly 42" })).toMatchObject({ ok: false, fieldErrors: { currentPassword: ["That is not your current password."] } });
    await ok(changePasswordAction({ currentPassword: PASSWORD, newPassword: "river lantern quietly 42", confirm: "river lantern quietly 42" }));
    expect((await db.authSession.findUniqueOrThrow({ where: { id: other.id } })).revokedAt).not.toBeNull();
    expect(await getCurrentUser()).not.toBeNull(); // this session goes on
    expect(await signInWithPassword({ email: "pw@example.org", password: "river lantern quietly 42" })).toMatchObject({ ok: true });
    await ok(signOutEverywhereAction({ confirm: true }));
    expect(await getCurrentUser()).toBeNull();
  });
});

describe("administration", () => {
  it("invites by a single-use link; the invitee creates an account, signs in and joins", async () => {
    await actAs(admin);
    const inv = await ok(inviteMemberAction({ email: "New.Person@Example.org", role: "ANALYST" }));
    expect(inv.emailed).toBe(false);
    const token = inv.link!.split("/invite/")[1];
    await actAs(null);
    expect(await createInvitedAccountAction({ token, name: "New Person", password: "123456789012" })).toMatchObject({ ok: false, fieldErrors: { password: [expect.stringContaining("leaked")] } });
    await ok(createInvitedAccountAction({ token, name: "New Person", password: "granite meadow 77 owl" }));
    const created = await db.user.findUniqueOrThrow({ where: { email: "new.person@example.org" }, include: { memberships: true } });
    expect(created.memberships).toEqual([]); // joining is a signed-in step, the same for every invitee
    expect(await signInWithPassword({ email: "new.person@example.org", password: "granite meadow 77 owl" })).toMatchObject({ ok: true });
    await actAs(created);
    await ok(acceptInvitationAction({ token }));
    const joined = await db.user.findUniqueOrThrow({ where: { email: "new.person@example.org" }, include: { memberships: true } });
    expect(joined.memberships).toMatchObject([{ organisationId: org.id, role: "ANALYST" }]);
    expect(await acceptInvitationAction({ token })).toMatchObject({ ok: false, message: expect.stringContaining("expired or was already used") });
    const stored = await db.invitation.findFirstOrThrow({ where: { email: "new.person@example.org" } });
    expect(stored.tokenHash).not.toBe(token);
  });

  it("changes roles but keeps an administrator, and deactivation ends the member's sessions at once", async () => {
    const o = await createOrganisation();
    const a = await createMember(o.id, "ADMIN");
    const member = await createMember(o.id, "ANALYST");
    await actAs(a);
    expect(await changeRoleAction({ userId: a.id, role: "VIEWER" })).toMatchObject({ ok: false, message: "The organisation needs at least one other active administrator first." });
    await ok(changeRoleAction({ userId: member.id, role: "VIEWER" }));
    expect((await db.membership.findFirstOrThrow({ where: { organisationId: o.id, userId: member.id } })).role).toBe("VIEWER");

    await actAs(member);
    expect(await getCurrentUser()).not.toBeNull();
    const claims = { ...(await import("../support/request-context")).testSession.claims };
    await actAs(a);
    await ok(setMemberActiveAction({ userId: member.id, active: false }));
    const ctx = await import("../support/request-context");
    ctx.testSession.claims = claims as typeof ctx.testSession.claims; // the member's old session
    expect(await getCurrentUser()).toBeNull();
    await actAs(member);
    expect((await getCurrentUser())?.active).toBeNull(); // signed in again: no access to this organisation
    await actAs(a);
    expect(await setMemberActiveAction({ userId: a.id, active: false })).toMatchObject({ ok: false, message: "You cannot deactivate yourself." });
    expect((await db.auditEntry.findMany({ where: { organisationId: o.id, action: { startsWith: "member." } } })).map((e) => e.action).sort()).toEqual(["member.deactivated", "member.role_changed"]);
  });

  it("deactivation in one organisation ends access to that one only: the member's session goes on in their others", async () => {
    const x = await createOrganisation();
    const y = await createOrganisation();
    const adminX = await createMember(x.id, "ADMIN");
    const both = await createUser({ memberships: [{ organisationId: x.id, role: "ANALYST" }, { organisationId: y.id, role: "ANALYST" }] });
    const privateX = await createSituation(x.id, adminX.id, { title: "Private to X" });
    const session = await actAs(both, x.id);
    expect((await getCurrentUser())?.active?.organisationId).toBe(x.id);
    const claims = { ...(await import("../support/request-context")).testSession.claims };

    await actAs(adminX);
    await ok(setMemberActiveAction({ userId: both.id, active: false }));

    // The same session, still asking for X: it works, in Y.
    const ctx = await import("../support/request-context");
    ctx.testSession.claims = claims as typeof ctx.testSession.claims;
    ctx.testCookies.set("active-org", x.id);
    expect((await db.authSession.findUniqueOrThrow({ where: { id: session!.id } })).revokedAt).toBeNull();
    const me = await getCurrentUser();
    expect(me?.id).toBe(both.id);
    expect(me?.active?.organisationId).toBe(y.id);
    expect(me?.memberships.map((m) => m.organisationId)).toEqual([y.id]);
    // A form opened in X and sent now is not filed in Y unseen: refused once, and the session moves to Y.
    expect(await createSituationAction({ ...emptySituationInput(), countryIso3: "SDN", title: "Meant for X" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
      message: `You no longer have access to the organisation this page was opened in, so nothing was saved. Reload the page to go on in ${me!.active!.organisationName}.`,
    });
    expect(await db.situation.count({ where: { title: "Meant for X" } })).toBe(0);
    expect(ctx.testCookies.get("active-org")?.value).toBe(y.id);
    // X is closed to them: its records are neither shown nor changed, and they cannot switch back.
    expect(await getSituation(me!.active!, privateX.id)).toBeNull();
    expect((await listVisibleSituations(me!.active!)).map((s) => s.id)).not.toContain(privateX.id);
    expect(await updateSituationAction({ ...emptySituationInput(), countryIso3: "SDN", title: "Taken over", id: privateX.id, version: privateX.version })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await archiveSituationAction({ id: privateX.id, version: privateX.version })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await switchOrganisationAction({ organisationId: x.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect((await db.situation.findUniqueOrThrow({ where: { id: privateX.id } })).title).toBe("Private to X");
    expect(await createSituationAction({ ...emptySituationInput(), countryIso3: "SDN", title: "Filed in Y" })).toMatchObject({ ok: true });
    expect((await db.situation.findFirstOrThrow({ where: { title: "Filed in Y" } })).organisationId).toBe(y.id);
  });

  it("lets administrators only export the audit log", async () => {
    const viewer = await createMember(org.id, "VIEWER");
    await actAs(viewer);
    expect((await exportList(new NextRequest("http://localhost/api/exports/audit"), { params: Promise.resolve({ entity: "audit" }) })).status).toBe(403);
    await actAs(admin);
    const res = await exportList(new NextRequest("http://localhost/api/exports/audit?action=member."), { params: Promise.resolve({ entity: "audit" }) });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain("member.invite");
    expect(text).not.toContain("auth.sign_in_failed");
  });
});
