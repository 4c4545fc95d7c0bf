import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { appUrl, mailer } from "@/lib/mail";
import { db, type Tx } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Actor } from "@/lib/auth/action";
import { ActionError, NotFoundError } from "@/lib/auth/errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/generated/prisma/enums";

export const INVITATION_DAYS = 7;
export const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

/** Invites someone by a single-use link valid INVITATION_DAYS days; e-mailed when SMTP is configured, else shown to copy. */
export async function inviteMember({ user, membership }: Actor, input: { email: string; role: Role }) {
  const email = input.email.trim().toLowerCase();
  const existing = await db.membership.findFirst({ where: { organisationId: membership.organisationId, user: { email } } });
  if (existing && !existing.deactivatedAt) throw new ActionError("Some fields need attention.", "INVALID", { email: ["This person is already a member."] });
  const token = randomBytes(32).toString("base64url");
  const invitation = await db.$transaction(async (tx) => {
    await tx.invitation.updateMany({ where: { organisationId: membership.organisationId, email, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    const inv = await tx.invitation.create({
      data: { organisationId: membership.organisationId, email, role: input.role, tokenHash: tokenHash(token), expiresAt: new Date(Date.now() + INVITATION_DAYS * 86400_000), invitedById: user.id },
    });
    await writeAudit(tx, { userId: user.id, organisationId: membership.organisationId, action: "member.invite", entityType: "Invitation", entityId: inv.id, after: { email, role: input.role } });
    return inv;
  });
  const link = `${appUrl()}/invite/${token}`;
  let emailed = false;
  const mail = mailer();
  if (mail) {
    try {
      await mail.send(
        email,
        `Invitation to ${membership.organisationName} on Atrocity Early Warning`,
        `${user.name} invites you to join ${membership.organisationName}.\n\nOpen this link within ${INVITATION_DAYS} days to accept (it works once):\n${link}\n`,
      );
      emailed = true;
    } catch (e) {
      console.error("Invitation e-mail failed", e);
    }
  }
  return { id: invitation.id, link, emailed };
}

export async function revokeInvitation({ user, membership }: Actor, input: { id: string }) {
  const res = await db.invitation.updateMany({ where: { id: input.id, organisationId: membership.organisationId, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
  if (res.count !== 1) throw new NotFoundError("This invitation is no longer open.");
  await writeAudit(db, { userId: user.id, organisationId: membership.organisationId, action: "member.invitation_revoked", entityType: "Invitation", entityId: input.id });
  return { revoked: true };
}

async function memberOf(tx: Tx, organisationId: string, userId: string) {
  const m = await tx.membership.findFirst({ where: { organisationId, userId }, include: { user: { select: { email: true } } } });
  if (!m) throw new NotFoundError("This person is not a member of your organisation.");
  return m;
}

async function assertAnotherAdmin(tx: Tx, organisationId: string, userId: string) {
  const admins = await tx.membership.count({ where: { organisationId, role: "ADMIN", deactivatedAt: null, userId: { not: userId }, user: { active: true } } });
  if (admins === 0) throw new ActionError("The organisation needs at least one other active administrator first.");
}

export async function changeRole({ user, membership }: Actor, input: { userId: string; role: Role }) {
  return db.$transaction(async (tx) => {
    const m = await memberOf(tx, membership.organisationId, input.userId);
    if (m.role === "ADMIN" && input.role !== "ADMIN") await assertAnotherAdmin(tx, membership.organisationId, input.userId);
    await tx.membership.update({ where: { id: m.id }, data: { role: input.role } });
    await writeAudit(tx, { userId: user.id, organisationId: membership.organisationId, action: "member.role_changed", entityType: "Membership", entityId: m.id, before: { role: m.role }, after: { role: input.role }, meta: { member: m.user.email } });
    return { role: input.role };
  });
}

/** Deactivating ends the member's access to this organisation and all their sessions at once. */
export async function setMemberActive({ user, membership }: Actor, input: { userId: string; active: boolean }) {
  return db.$transaction(async (tx) => {
    const m = await memberOf(tx, membership.organisationId, input.userId);
    if (!input.active) {
      if (input.userId === user.id) throw new ActionError("You cannot deactivate yourself.");
      if (m.role === "ADMIN") await assertAnotherAdmin(tx, membership.organisationId, input.userId);
    }
    await tx.membership.update({ where: { id: m.id }, data: { deactivatedAt: input.active ? null : new Date() } });
    if (!input.active) {
      await tx.user.update({ where: { id: input.userId }, data: { sessionsValidFrom: new Date() } });
      await tx.authSession.updateMany({ where: { userId: input.userId, revokedAt: null }, data: { revokedAt: new Date() } });
    }
    await writeAudit(tx, { userId: user.id, organisationId: membership.organisationId, action: input.active ? "member.reactivated" : "member.deactivated", entityType: "Membership", entityId: m.id, meta: { member: m.user.email } });
    return { active: input.active };
  });
}

export async function setRequireTwoFactor({ user, membership }: Actor, input: { required: boolean }) {
  await db.$transaction(async (tx) => {
    const before = await tx.organisation.findUniqueOrThrow({ where: { id: membership.organisationId }, select: { requireTwoFactor: true } });
    await tx.organisation.update({ where: { id: membership.organisationId }, data: { requireTwoFactor: input.required } });
    await writeAudit(tx, { userId: user.id, organisationId: membership.organisationId, action: "organisation.two_factor_policy", entityType: "Organisation", entityId: membership.organisationId, before, after: { requireTwoFactor: input.required } });
  });
  return input;
}

/** The open invitation behind a link, if it is still valid. */
export async function openInvitation(token: string) {
  const inv = await db.invitation.findUnique({ where: { tokenHash: tokenHash(token) }, include: { organisation: { select: { name: true } } } });
  if (!inv || inv.acceptedAt || inv.revokedAt || inv.expiresAt < new Date()) return null;
  const account = await db.user.findUnique({ where: { email: inv.email }, select: { id: true } });
  return { ...inv, hasAccount: Boolean(account) };
}

/** Accepts an invitation: a new account (name and password), or an existing one (its password). Single use. */
export async function acceptInvitation(input: { token: string; name?: string; password: string }) {
  return db.$transaction(async (tx) => {
    const inv = await tx.invitation.findUnique({ where: { tokenHash: tokenHash(input.token) } });
    if (!inv || inv.acceptedAt || inv.revokedAt || inv.expiresAt < new Date()) throw new ActionError("This invitation link has expired or was already used. Ask your administrator for a new one.");
    let account = await tx.user.findUnique({ where: { email: inv.email }, omit: { passwordHash: false } });
    if (account) {
      if (!(await verifyPassword(account.passwordHash, input.password))) throw new ActionError("Some fields need attention.", "INVALID", { password: ["That is not the password of this account."] });
    } else {
      if (!input.name || input.name.trim().length < 2) throw new ActionError("Some fields need attention.", "INVALID", { name: ["Enter your name."] });
      account = await tx.user.create({ data: { email: inv.email, name: input.name.trim(), passwordHash: await hashPassword(input.password) }, omit: { passwordHash: false } });
    }
    const claimed = await tx.invitation.updateMany({ where: { id: inv.id, acceptedAt: null }, data: { acceptedAt: new Date() } });
    if (claimed.count !== 1) throw new ActionError("This invitation link was already used.");
    await tx.membership.upsert({
      where: { userId_organisationId: { userId: account.id, organisationId: inv.organisationId } },
      create: { userId: account.id, organisationId: inv.organisationId, role: inv.role },
      update: { role: inv.role, deactivatedAt: null },
    });
    await writeAudit(tx, { userId: account.id, organisationId: inv.organisationId, action: "member.joined", entityType: "Invitation", entityId: inv.id, after: { role: inv.role } });
    return { email: inv.email };
  });
}

/** How many days without a published round make a situation "due for assessment" on the dashboard. */
export async function setAssessmentInterval({ user, membership }: Actor, input: { days: number }) {
  await db.$transaction(async (tx) => {
    const before = await tx.organisation.findUniqueOrThrow({ where: { id: membership.organisationId }, select: { assessmentIntervalDays: true } });
    await tx.organisation.update({ where: { id: membership.organisationId }, data: { assessmentIntervalDays: input.days } });
    await writeAudit(tx, { userId: user.id, organisationId: membership.organisationId, action: "organisation.assessment_interval", entityType: "Organisation", entityId: membership.organisationId, before, after: { assessmentIntervalDays: input.days } });
  });
  return input;
}
