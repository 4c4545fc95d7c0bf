// The coalition (issue #30), through the real server actions and sessions: the secretariat adds
// member organisations and invites their first administrators, suspends and reactivates them,
// removes them and takes them back; an organisation's administrators can leave. What each change
// does to who may work and what the coalition sees.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  createMemberOrganisationAction,
  inviteFirstAdministratorAction,
  leaveCoalitionAction,
  setOrganisationInCoalitionAction,
  setOrganisationSuspendedAction,
} from "@/app/(app)/coalition/actions";
import { createSituationAction } from "@/app/(app)/situations/actions";
import { acceptInvitationAction, createInvitedAccountAction } from "@/app/(auth)/invite/[token]/actions";
import { GET as backupGet } from "@/app/api/backup/route";
import { emptySituationInput } from "@/lib/situations/schemas";
import { listVisibleSituations } from "@/lib/situations/queries";
import { getCurrentUser } from "@/lib/auth/current-user";
import { ORGANISATION_SUSPENDED_MESSAGE } from "@/lib/access/gate";
import { coalitionSharing, listMemberOrganisations } from "@/lib/coalition/queries";
import { signInWithPassword } from "@/lib/auth/sign-in";
import AppLayout from "@/app/(app)/layout";
import CoalitionPage from "@/app/(app)/coalition/page";
import { actAs, createMember, createOrganisation, createSituation, createUser, ok, uid } from "../support/fixtures";

let secretariatOrg: { id: string; name: string };
let secretary: { id: string };
let secretariatAnalyst: { id: string };
let member: { id: string; name: string };
let memberAdmin: { id: string };
let memberAnalyst: { id: string };
let other: { id: string; name: string };
let otherAnalyst: { id: string };
let memberShared: { id: string; title: string };
let memberPrivate: { id: string; title: string };
let otherShared: { id: string; title: string };

beforeAll(async () => {
  delete process.env.SMTP_URL; // the link is shown to the secretariat, once
  secretariatOrg = await createOrganisation(uid("Secretariat "));
  await db.organisation.update({ where: { id: secretariatOrg.id }, data: { isSecretariat: true } });
  secretary = await createMember(secretariatOrg.id, "ADMIN");
  secretariatAnalyst = await createMember(secretariatOrg.id, "ANALYST");
  member = await createOrganisation(uid("Member "));
  memberAdmin = await createMember(member.id, "ADMIN");
  memberAnalyst = await createMember(member.id, "ANALYST");
  other = await createOrganisation(uid("Other "));
  otherAnalyst = await createMember(other.id, "ANALYST");
  memberShared = await createSituation(member.id, memberAnalyst.id, { visibility: "COALITION" });
  memberPrivate = await createSituation(member.id, memberAnalyst.id);
  otherShared = await createSituation(other.id, otherAnalyst.id, { visibility: "COALITION" });
});

/** The situations `user` sees now, by title, as their session resolves them. */
async function seenBy(user: { id: string }) {
  await actAs(user);
  const me = await getCurrentUser();
  if (!me?.active) return null;
  const titles = (await listVisibleSituations(me.active)).map((s) => s.title);
  return [memberShared, memberPrivate, otherShared].filter((s) => titles.includes(s.title)).map((s) => s.title);
}

/** The text a rendered element tree holds (its children's strings), without rendering client components. */
function textOf(node: unknown): string {
  if (node === null || node === undefined || typeof node === "boolean") return "";
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  const props = (node as { props?: { children?: unknown } }).props;
  return props ? textOf(props.children) : "";
}

const situationInput = () => ({ ...emptySituationInput(), countryIso3: "SDN", title: uid("Situation "), visibility: "COALITION" as const });

describe("the secretariat", () => {
  it("creates a member organisation and invites its first administrator, who joins by the normal invitation path", async () => {
    await actAs(secretary);
    const name = uid("New member ");
    const email = `${uid("first-")}@example.org`;
    const sent = await ok(createMemberOrganisationAction({ name, adminEmail: email.toUpperCase(), requireTwoFactor: true }));
    expect(sent.emailed).toBe(false);
    expect(sent.link).toMatch(/\/invite\/[\w-]{43}$/);
    const org = await db.organisation.findUniqueOrThrow({ where: { id: sent.organisationId } });
    expect(org).toMatchObject({ name, requireTwoFactor: true, isSecretariat: false, suspendedAt: null, leftAt: null });
    expect(await db.invitation.findFirstOrThrow({ where: { organisationId: org.id } })).toMatchObject({ email, role: "ADMIN", invitedById: secretary.id });
    expect(await db.auditEntry.count({ where: { action: "coalition.organisation_created", organisationId: { in: [org.id, secretariatOrg.id] } } })).toBe(2);
    expect((await listMemberOrganisations()).find((o) => o.id === org.id)).toMatchObject({ members: 0, administrators: 0, shared: 0, status: "ACTIVE", pendingAdministrator: { email } });

    // The same name again: refused on its field.
    expect(await createMemberOrganisationAction({ name, adminEmail: email, requireTwoFactor: false })).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { name: ["An organisation with this name already exists."] } });

    // A new link replaces the first; then the invitee joins with it.
    const again = await ok(inviteFirstAdministratorAction({ organisationId: org.id, adminEmail: email }));
    const token = again.link!.split("/invite/")[1];
    await actAs(null);
    expect((await createInvitedAccountAction({ token: sent.link!.split("/invite/")[1], name: "First", password: "granite meadow 77 owl" })).ok).toBe(false);
    await ok(createInvitedAccountAction({ token, name: "First", password: "granite meadow 77 owl" }));
    expect((await signInWithPassword({ email, password: "granite meadow 77 owl" })).ok).toBe(true);
    const first = await db.user.findUniqueOrThrow({ where: { email } });
    await actAs(first);
    await ok(acceptInvitationAction({ token }));
    expect(await db.membership.findFirstOrThrow({ where: { userId: first.id, organisationId: org.id } })).toMatchObject({ role: "ADMIN" });
    // With an administrator, the secretariat no longer invites for it.
    await actAs(secretary);
    expect(await inviteFirstAdministratorAction({ organisationId: org.id, adminEmail: "someone@example.org" })).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("is the only one who may: another organisation's administrator and the secretariat's analyst are refused every coalition action", async () => {
    const calls = [
      () => createMemberOrganisationAction({ name: uid("Sneaky "), adminEmail: "a@example.org", requireTwoFactor: true }),
      () => inviteFirstAdministratorAction({ organisationId: member.id, adminEmail: "a@example.org" }),
      () => setOrganisationSuspendedAction({ organisationId: other.id, suspended: true }),
      () => setOrganisationInCoalitionAction({ organisationId: other.id, inCoalition: false }),
    ];
    for (const caller of [memberAdmin, secretariatAnalyst]) {
      await actAs(caller);
      for (const call of calls) expect(await call()).toMatchObject({ ok: false, code: "FORBIDDEN", message: "You do not have permission to do this." });
    }
    expect(await db.organisation.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ suspendedAt: null, leftAt: null });
  });

  it("cannot suspend or remove itself, and the secretariat cannot leave", async () => {
    await actAs(secretary);
    expect(await setOrganisationSuspendedAction({ organisationId: secretariatOrg.id, suspended: true })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await setOrganisationInCoalitionAction({ organisationId: secretariatOrg.id, inCoalition: false })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await leaveCoalitionAction({ confirm: true })).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});

describe("a suspended organisation", () => {
  it("its members are refused every action and sent to a page saying why; its shared situations leave others' lists; reactivated, all comes back, its data untouched", async () => {
    expect(await seenBy(otherAnalyst)).toEqual([memberShared.title, otherShared.title]);
    const before = await db.situation.count({ where: { organisationId: member.id } });

    await actAs(secretary);
    await ok(setOrganisationSuspendedAction({ organisationId: member.id, suspended: true }));

    // Its analyst and administrator: no action, whatever it is, and told why.
    for (const who of [memberAnalyst, memberAdmin]) {
      await actAs(who, member.id);
      expect(await createSituationAction(situationInput())).toEqual({ ok: false, code: "FORBIDDEN", message: ORGANISATION_SUSPENDED_MESSAGE });
      expect(await leaveCoalitionAction({ confirm: true })).toEqual({ ok: false, code: "FORBIDDEN", message: ORGANISATION_SUSPENDED_MESSAGE });
      expect((await backupGet()).status).toBe(403);
    }
    expect(await seenBy(memberAnalyst)).toBeNull();
    // Others no longer see what it shared; their own work goes on.
    expect(await seenBy(otherAnalyst)).toEqual([otherShared.title]);
    expect(await coalitionSharing()).not.toContainEqual(expect.objectContaining({ name: member.name }));
    expect(await db.situation.count({ where: { organisationId: member.id } })).toBe(before);

    await actAs(secretary);
    await ok(setOrganisationSuspendedAction({ organisationId: member.id, suspended: false }));
    expect(await seenBy(otherAnalyst)).toEqual([memberShared.title, otherShared.title]);
    expect(await seenBy(memberAnalyst)).toEqual([memberShared.title, memberPrivate.title, otherShared.title]);
    await actAs(memberAnalyst);
    await ok(createSituationAction(situationInput()));
    expect((await coalitionSharing()).find((o) => o.name === member.name)).toEqual({ name: member.name, isSecretariat: false, shared: 2 });
    expect(await db.auditEntry.count({ where: { organisationId: member.id, action: { in: ["coalition.organisation_suspended", "coalition.organisation_reactivated"] } } })).toBe(2);
  });
});

describe("the Coalition page", () => {
  it("tells every member who shares and what sharing shows; lists the organisations for the secretariat's administrators only", async () => {
    await actAs(otherAnalyst);
    const forMember = textOf(await CoalitionPage());
    expect(forMember).toContain("What “shared with the coalition” shows");
    expect(forMember).toContain("the organisation's sources library");
    expect(forMember).toContain(member.name);
    expect(forMember).not.toContain("Member organisations");
    await actAs(secretary);
    const forSecretariat = textOf(await CoalitionPage());
    expect(forSecretariat).toContain("Member organisations");
    expect(forSecretariat).toContain(`${secretariatOrg.name} (the secretariat)`);
  });
});

describe("a member of a suspended organisation and another", () => {
  it("works in the other, told on every page why the suspended one is gone; a form sent from the suspended one saves nothing", async () => {
    const both = await createUser({ memberships: [{ organisationId: member.id, role: "ANALYST" }, { organisationId: other.id, role: "VIEWER" }] });
    await actAs(secretary);
    await ok(setOrganisationSuspendedAction({ organisationId: member.id, suspended: true }));
    await actAs(both, member.id);
    expect((await getCurrentUser())?.active?.organisationId).toBe(other.id);
    const shell = textOf(await AppLayout({ children: null }));
    expect(shell).toContain(`${member.name}: ${ORGANISATION_SUSPENDED_MESSAGE} You are working in ${other.name}.`);
    expect(await createSituationAction(situationInput())).toMatchObject({ ok: false, code: "FORBIDDEN", message: expect.stringContaining("You no longer have access to the organisation this page was opened in") });
    await actAs(secretary);
    await ok(setOrganisationSuspendedAction({ organisationId: member.id, suspended: false }));
    await actAs(both, member.id);
    expect((await getCurrentUser())?.active?.organisationId).toBe(member.id);
  });
});

describe("an organisation out of the coalition", () => {
  it("removed by the secretariat: shares nothing and sees only its own, keeps working and its backup; taken back, shares again", async () => {
    await actAs(secretary);
    await ok(setOrganisationInCoalitionAction({ organisationId: member.id, inCoalition: false }));
    expect(await seenBy(otherAnalyst)).toEqual([otherShared.title]);
    expect(await seenBy(memberAnalyst)).toEqual([memberShared.title, memberPrivate.title]);
    await actAs(memberAnalyst);
    await ok(createSituationAction(situationInput())); // it still works in its own organisation
    await actAs(memberAdmin);
    const backup = await backupGet();
    expect(backup.status).toBe(200);
    expect(await backup.text()).toContain(memberShared.title); // its data is kept, and its administrators export it
    expect((await listMemberOrganisations()).find((o) => o.id === member.id)).toMatchObject({ status: "LEFT", shared: 0 });

    await actAs(secretary);
    await ok(setOrganisationInCoalitionAction({ organisationId: member.id, inCoalition: true }));
    expect(await seenBy(otherAnalyst)).toEqual([memberShared.title, otherShared.title]);
    expect(await seenBy(memberAnalyst)).toEqual([memberShared.title, memberPrivate.title, otherShared.title]);
  });

  it("left by its own administrators, once they confirm; not by an analyst; only the secretariat takes it back", async () => {
    await actAs(memberAnalyst);
    expect(await leaveCoalitionAction({ confirm: true })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await actAs(memberAdmin);
    expect(await leaveCoalitionAction({ confirm: false as true })).toMatchObject({ ok: false, code: "INVALID" });
    expect((await db.organisation.findUniqueOrThrow({ where: { id: member.id } })).leftAt).toBeNull();
    await ok(leaveCoalitionAction({ confirm: true }));
    expect((await db.organisation.findUniqueOrThrow({ where: { id: member.id } })).leftAt).not.toBeNull();
    expect(await leaveCoalitionAction({ confirm: true })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await seenBy(otherAnalyst)).toEqual([otherShared.title]);
    expect(await seenBy(memberAnalyst)).toEqual([memberShared.title, memberPrivate.title]);
    expect(await db.auditEntry.count({ where: { organisationId: member.id, action: "coalition.left", userId: memberAdmin.id } })).toBe(1);
    await actAs(memberAdmin);
    expect(await setOrganisationInCoalitionAction({ organisationId: member.id, inCoalition: true })).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});
