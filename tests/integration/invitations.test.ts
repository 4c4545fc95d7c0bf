// Issue #26, item 1: the invitation page was a password oracle. Any organisation's administrator
// could invite an existing account's address and then guess its password on the invitation page
// (no throttling, no lockout, no audit); the right guess added the account to their organisation.
// Now an existing account accepts only when signed in (the normal sign-in, with its throttling,
// lockout and two-factor step), and nothing on the page or in an answer tells whether the address
// has an account.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { db } from "@/lib/db";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { inviteMemberAction, revokeInvitationAction } from "@/app/(app)/admin/actions";
import { acceptInvitationAction, createInvitedAccountAction } from "@/app/(auth)/invite/[token]/actions";
import InvitationPage from "@/app/(auth)/invite/[token]/page";
import { PASSWORD, actAs, createMember, createOrganisation, createUser, ok } from "../support/fixtures";

let victimOrg: { id: string };
let attackerOrg: { id: string; name: string };
let victim: { id: string; email: string };
let attacker: { id: string; email: string };

beforeAll(async () => {
  victimOrg = await createOrganisation();
  attackerOrg = await createOrganisation();
  victim = await createUser({ email: "victim@example.org", memberships: [{ organisationId: victimOrg.id, role: "ADMIN" }] });
  attacker = await createMember(attackerOrg.id, "ADMIN");
});

const smtpBefore = process.env.SMTP_URL;
afterEach(() => {
  if (smtpBefore === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = smtpBefore;
});

/** An invitation from the attacker's organisation, as its link's token (no e-mail configured). */
async function invite(email: string, role: "VIEWER" | "ANALYST" | "ADMIN" = "ANALYST") {
  delete process.env.SMTP_URL;
  await actAs(attacker);
  const r = await ok(inviteMemberAction({ email, role }));
  return { id: r.id, token: r.link!.split("/invite/")[1] };
}

/** The invitation page as the current caller sees it, with the token itself blanked out. */
async function page(token: string) {
  return renderToStaticMarkup(await InvitationPage({ params: Promise.resolve({ token }) })).replaceAll(token, "TOKEN");
}

const memberOfAttackerOrg = (userId: string) => db.membership.count({ where: { userId, organisationId: attackerOrg.id } });
const refusals = (invitationId: string) =>
  db.auditEntry.findMany({ where: { action: "member.invitation_refused", entityId: invitationId }, orderBy: { id: "asc" } });

describe("accepting an invitation for an existing account", () => {
  it("cannot be done with the account's password: the victim is not added, and the answer is the same as for a wrong password", async () => {
    const { token } = await invite("Victim@Example.org");
    await actAs(null);
    const right = await acceptInvitationAction({ token, password: PASSWORD });
    const wrong = await acceptInvitationAction({ token, password: "not the password at all" });
    expect(right.ok).toBe(false);
    expect(right).toEqual(wrong);
    await actAs(attacker);
    const asAttacker = await acceptInvitationAction({ token, password: PASSWORD });
    expect(asAttacker.ok).toBe(false);
    expect(await memberOfAttackerOrg(victim.id)).toBe(0);
  });

  it("shows the same page whether or not the address has an account, with no field for an existing account's password", async () => {
    const existing = await invite("victim@example.org", "VIEWER");
    const fresh = await invite("nobody-yet@example.org", "VIEWER");
    await actAs(null);
    const forExisting = await page(existing.token);
    expect(forExisting).toEqual(await page(fresh.token));
    expect(forExisting).toContain(`You have been invited to join <strong>${attackerOrg.name}</strong> as viewer.`);
    expect(forExisting).toContain(`href="/signin?callbackUrl=${encodeURIComponent("/invite/TOKEN")}"`);
    expect(forExisting).not.toContain("victim@example.org");
    expect(forExisting).not.toContain("current-password");
    expect(forExisting).not.toMatch(/existing account/i);
  });

  it("is done by the invitee, signed in with the invited address (in any case): the membership is added once", async () => {
    const { id, token } = await invite("VICTIM@example.org", "ANALYST");
    await actAs(victim);
    const markup = await page(token);
    expect(markup).toContain("Accept the invitation");
    expect(markup).not.toContain('type="password"');
    await ok(acceptInvitationAction({ token }));
    expect(await db.membership.findFirst({ where: { userId: victim.id, organisationId: attackerOrg.id } })).toMatchObject({ role: "ANALYST", deactivatedAt: null });
    expect((await db.invitation.findUniqueOrThrow({ where: { id } })).acceptedAt).not.toBeNull();
    expect(await db.auditEntry.count({ where: { action: "member.joined", entityId: id, userId: victim.id, organisationId: attackerOrg.id } })).toBe(1);
    expect(await acceptInvitationAction({ token })).toMatchObject({ ok: false, message: expect.stringContaining("expired or was already used") });
    await db.membership.deleteMany({ where: { userId: victim.id, organisationId: attackerOrg.id } });
  });

  it("is refused to anyone signed in with another account, without showing the invited address", async () => {
    const { id, token } = await invite("victim@example.org");
    const bystander = await createUser({ memberships: [{ organisationId: victimOrg.id, role: "VIEWER" }] });
    for (const who of [attacker, bystander]) {
      await actAs(who);
      const markup = await page(token);
      expect(markup).toContain("This invitation is for another e-mail address");
      expect(markup).not.toContain("Accept the invitation");
      expect(markup).not.toContain("victim@example.org");
      const r = await acceptInvitationAction({ token });
      expect(r).toMatchObject({ ok: false, code: "FORBIDDEN", message: expect.stringContaining("another e-mail address") });
      expect(JSON.stringify(r)).not.toContain("victim@example.org");
      expect(await memberOfAttackerOrg(who.id === attacker.id ? victim.id : who.id)).toBe(0);
    }
    expect((await db.invitation.findUniqueOrThrow({ where: { id } })).acceptedAt).toBeNull(); // still the invitee's to accept
    expect((await refusals(id)).map((e) => [e.userId, (e.meta as { reason: string }).reason])).toEqual([
      [attacker.id, "another account"],
      [bystander.id, "another account"],
    ]);
  });
});

describe("creating an account from an invitation", () => {
  it("creates one only for an address without an account, and answers the same otherwise without changing anything", async () => {
    const fresh = await invite("Fresh.Person@Example.org");
    const existing = await invite("victim@example.org");
    await actAs(null);
    const created = await createInvitedAccountAction({ token: fresh.token, name: "Fresh Person", password: "granite meadow 77 owl" });
    const refused = await createInvitedAccountAction({ token: existing.token, name: "Not The Victim", password: "granite meadow 77 owl" });
    expect(created.ok).toBe(true);
    expect(refused).toEqual(created);
    expect(JSON.stringify(created)).toContain("If you already had an account");

    const account = await db.user.findUniqueOrThrow({ where: { email: "fresh.person@example.org" }, include: { memberships: true } });
    expect(account).toMatchObject({ name: "Fresh Person", memberships: [] });
    expect(await signInWithPassword({ email: "fresh.person@example.org", password: "granite meadow 77 owl" })).toMatchObject({ ok: true });
    // The victim's account is untouched: same name, same password, not a member.
    expect(await db.user.findUniqueOrThrow({ where: { id: victim.id } })).toMatchObject({ name: "Test User" });
    expect(await signInWithPassword({ email: "victim@example.org", password: "granite meadow 77 owl" })).toMatchObject({ ok: false });
    expect(await signInWithPassword({ email: "victim@example.org", password: PASSWORD })).toMatchObject({ ok: true });
    expect(await memberOfAttackerOrg(victim.id)).toBe(0);
    // A second try on the fresh address (which has an account now) gets the same answer too.
    await actAs(null);
    expect(await createInvitedAccountAction({ token: fresh.token, name: "Someone Else", password: "another pass phrase 8" })).toEqual(created);
    expect(await db.user.findUniqueOrThrow({ where: { email: "fresh.person@example.org" } })).toMatchObject({ name: "Fresh Person" });
    // The refusal is audited for the operator, not in the inviting organisation's log (which would tell its administrators).
    const refusal = await refusals(existing.id);
    expect(refusal).toMatchObject([{ organisationId: null, meta: { reason: "account exists" } }]);
    expect(await db.auditEntry.count({ where: { organisationId: attackerOrg.id, entityId: { in: [fresh.id, existing.id] }, action: { not: "member.invite" } } })).toBe(0);
  });

  it("checks the password rules before anything else, so they answer alike too", async () => {
    const existing = await invite("victim@example.org");
    const fresh = await invite("another-fresh@example.org");
    await actAs(null);
    const refused = await createInvitedAccountAction({ token: existing.token, name: "X Y", password: "k8#vq" });
    expect(refused).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { password: [expect.stringContaining("12 characters")] } });
    expect(await createInvitedAccountAction({ token: fresh.token, name: "X Y", password: "k8#vq" })).toEqual(refused);
    expect(await db.user.count({ where: { email: "another-fresh@example.org" } })).toBe(0);
  });
});

describe("the invite reply", () => {
  it("contains the link only when no e-mail is configured", async () => {
    await actAs(attacker);
    delete process.env.SMTP_URL;
    const shown = await ok(inviteMemberAction({ email: "reply-1@example.org", role: "VIEWER" }));
    expect(shown).toMatchObject({ emailed: false, link: expect.stringMatching(/\/invite\/[\w-]{20,}$/) });

    process.env.SMTP_URL = "json"; // nodemailer's JSON transport: nothing leaves
    const mailed = await ok(inviteMemberAction({ email: "reply-2@example.org", role: "VIEWER" }));
    expect(mailed.emailed).toBe(true);
    expect(mailed.link).toBeNull();
    expect(JSON.stringify(mailed)).not.toContain("/invite/");

    process.env.SMTP_URL = "smtp://127.0.0.1:1"; // configured, but the server cannot be reached
    const failed = await ok(inviteMemberAction({ email: "reply-3@example.org", role: "VIEWER" }));
    expect(failed.emailed).toBe(false);
    expect(failed.link).toBeNull();
    expect(JSON.stringify(failed)).not.toContain("/invite/");
  });
});

describe("refused accepts", () => {
  it("are audited: another account, expired, used and revoked", async () => {
    const expired = await invite("victim@example.org");
    await db.invitation.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await actAs(victim);
    expect(await acceptInvitationAction({ token: expired.token })).toMatchObject({ ok: false, message: expect.stringContaining("expired") });

    const revoked = await invite("victim@example.org");
    await ok(revokeInvitationAction({ id: revoked.id }));
    await actAs(victim);
    expect(await acceptInvitationAction({ token: revoked.token })).toMatchObject({ ok: false });

    const other = await invite("victim@example.org");
    await actAs(attacker);
    expect(await acceptInvitationAction({ token: other.token })).toMatchObject({ ok: false });

    const used = await invite("victim@example.org"); // (revokes the one above: one open invitation per address)
    await actAs(victim);
    await ok(acceptInvitationAction({ token: used.token }));
    expect(await acceptInvitationAction({ token: used.token })).toMatchObject({ ok: false });

    const reasons = async (id: string) => (await refusals(id)).map((e) => (e.meta as { reason: string }).reason);
    expect(await reasons(expired.id)).toEqual(["expired"]);
    expect(await reasons(revoked.id)).toEqual(["revoked"]);
    expect(await reasons(used.id)).toEqual(["used"]);
    expect(await reasons(other.id)).toEqual(["another account"]);
    expect(await refusals(expired.id)).toMatchObject([{ userId: victim.id, organisationId: attackerOrg.id, entityType: "Invitation" }]);

    await actAs(victim);
    expect(await acceptInvitationAction({ token: "x".repeat(43) })).toMatchObject({ ok: false, message: expect.stringContaining("expired or was already used") });
    expect(await db.auditEntry.count({ where: { action: "member.invitation_refused", userId: victim.id, entityId: null, meta: { path: ["reason"], equals: "unknown link" } } })).toBe(1);
  });
});
