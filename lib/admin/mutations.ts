import "server-only";
import { appUrl, mailer } from "@/lib/mail";
import { db, type Tx } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Actor } from "@/lib/auth/action";
import { ActionError, NotFoundError } from "@/lib/auth/errors";
import type { Role } from "@/lib/generated/prisma/enums";

import { INVITATION_DAYS, invitationExpiry, newInvitationToken, tokenHash } from "./invitation-token";

/**
 * Invites someone by a single-use link valid INVITATION_DAYS days. With e-mail configured the link
 * goes only to the invited address (also when sending fails: then the administrator invites again,
 * which replaces it), so the administrator never holds it; without e-mail it is shown to copy.
 */
export async function inviteMember({ user, membership }: Actor, input: { email: string; role: Role }): Promise<{ id: string; emailed: boolean; link: string | null }> {
  const email = input.email.trim().toLowerCase();
  const existing = await db.membership.findFirst({ where: { organisationId: membership.organisationId, user: { email } } });
  if (existing && !existing.deactivatedAt) throw new ActionError("Some fields need attention.", "INVALID", { email: ["This person is already a member."] });
  const token = newInvitationToken();
  const invitation = await db.$transaction(async (tx) => {
    await tx.invitation.updateMany({ where: { organisationId: membership.organisationId, email, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    const inv = await tx.invitation.create({
      data: { organisationId: membership.organisationId, email, role: input.role, tokenHash: tokenHash(token), expiresAt: invitationExpiry(), invitedById: user.id },
    });
    await writeAudit(tx, { userId: user.id, organisationId: membership.organisationId, action: "member.invite", entityType: "Invitation", entityId: inv.id, after: { email, role: input.role } });
    return inv;
  });
  const link = `${appUrl()}/invite/${token}`;
  const mail = mailer();
  if (!mail) return { id: invitation.id, emailed: false, link };
  try {
    await mail.send(
      email,
      `Invitation to ${membership.organisationName} on Atrocity Early Warning`,
      `${user.name} invites you to join ${membership.organisationName}.\n\nOpen this link within ${INVITATION_DAYS} days to accept (it works once):\n${link}\n`,
    );
    return { id: invitation.id, emailed: true, link: null };
  } catch (e) {
    console.error("Invitation e-mail failed", e);
    return { id: invitation.id, emailed: false, link: null };
  }
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
    // Access to this organisation ends at once without touching sessions (every request reads the
    // active memberships). Sessions end only for a member left with no organisation: those in
    // others keep working there, since this administrator governs this organisation only.
    if (!input.active && !(await tx.membership.count({ where: { userId: input.userId, deactivatedAt: null } }))) {
      await tx.user.update({ where: { id: input.userId }, data: { sessionsValidFrom: new Date() } });
      await tx.authSession.updateMany({ where: { userId: input.userId, revokedAt: null }, data: { revokedAt: new Date() } });
    }
    await writeAudit(tx, { userId: user.id, organisationId: membership.organisationId, action: input.active ? "member.reactivated" : "member.deactivated", entityType: "Membership", entityId: m.id, meta: { member: m.user.email } });
    return { active: input.active };
  });
}

/**
 * Resets a member's two-factor sign-in, for someone who cannot sign in with it: a lost phone, or a
 * stored secret no key on the server opens any more (sign-in then says to ask an administrator:
 * docs/deploy.md, Rotating secrets). Their secret, last code and recovery codes are removed; they
 * sign in with their password and set it up again (before anything else where an organisation of
 * theirs requires it). Told by e-mail when e-mail is configured, so a reset they did not ask for
 * does not go unnoticed.
 */
export async function resetMemberTwoFactor({ user, membership }: Actor, input: { userId: string }) {
  if (input.userId === user.id) throw new ActionError("Change your own two-factor sign-in on your Account page.");
  const member = await db.$transaction(async (tx) => {
    const m = await memberOf(tx, membership.organisationId, input.userId);
    if (m.deactivatedAt) throw new ActionError("This member is deactivated: reactivate them first.");
    const target = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: { name: true, email: true, totpEnabledAt: true } });
    if (!target.totpEnabledAt) throw new ActionError(`${target.name} has not turned on two-factor sign-in: there is nothing to reset.`);
    // One second factor guards every organisation the member works in: an administrator of one may not
    // take it away from the others (with the member's password, they could then enrol their own).
    const elsewhere = await tx.membership.count({
      where: { userId: input.userId, deactivatedAt: null, organisationId: { not: membership.organisationId }, organisation: { memberships: { none: { userId: user.id, role: "ADMIN", deactivatedAt: null } } } },
    });
    if (elsewhere > 0) {
      throw new ActionError(
        `${target.name} also works in another organisation, whose data their two-factor sign-in protects too, so only an administrator of every organisation they work in can reset it. They can sign in with one of their recovery codes and set it up again on their Account page.`,
      );
    }
    await tx.user.update({ where: { id: input.userId }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
    const codes = await tx.recoveryCode.deleteMany({ where: { userId: input.userId } });
    await writeAudit(tx, {
      userId: user.id,
      organisationId: membership.organisationId,
      action: "member.two_factor_reset",
      entityType: "User",
      entityId: input.userId,
      before: { twoFactorSince: target.totpEnabledAt, recoveryCodes: codes.count },
      meta: { member: target.email },
    });
    return target;
  });
  const mail = mailer();
  if (mail) {
    await mail
      .send(
        member.email,
        "Your two-factor sign-in was reset",
        `${user.name}, an administrator of ${membership.organisationName}, reset your two-factor sign-in on Atrocity Early Warning.\n\nSign in with your password and set it up again on your Account page: ${appUrl()}/account\n\nIf you did not ask for this, tell your organisation at once.\n`,
      )
      .catch((e) => console.error("Two-factor reset e-mail failed", e));
  }
  return { reset: true };
}

export async function setRequireTwoFactor({ user, membership }: Actor, input: { required: boolean }) {
  await db.$transaction(async (tx) => {
    const before = await tx.organisation.findUniqueOrThrow({ where: { id: membership.organisationId }, select: { requireTwoFactor: true } });
    await tx.organisation.update({ where: { id: membership.organisationId }, data: { requireTwoFactor: input.required } });
    await writeAudit(tx, { userId: user.id, organisationId: membership.organisationId, action: "organisation.two_factor_policy", entityType: "Organisation", entityId: membership.organisationId, before, after: { requireTwoFactor: input.required } });
  });
  return input;
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

/** The share of indicators (percent) that must be assessed before a score counts (lib/indicators/score.ts); published rounds keep theirs until re-scored. */
export async function setMinScoreCoverage({ user, membership }: Actor, input: { minCoverage: number }) {
  await db.$transaction(async (tx) => {
    const before = await tx.organisation.findUniqueOrThrow({ where: { id: membership.organisationId }, select: { minScoreCoverage: true } });
    await tx.organisation.update({ where: { id: membership.organisationId }, data: { minScoreCoverage: input.minCoverage } });
    await writeAudit(tx, { userId: user.id, organisationId: membership.organisationId, action: "organisation.min_score_coverage", entityType: "Organisation", entityId: membership.organisationId, before, after: { minScoreCoverage: input.minCoverage } });
  });
  return input;
}

/** How rare by chance a week of the event log must be to be flagged as a spike (lib/signals). */
export async function setSignalSensitivity({ user, membership }: Actor, input: { sensitivity: number }) {
  await db.$transaction(async (tx) => {
    const before = await tx.organisation.findUniqueOrThrow({ where: { id: membership.organisationId }, select: { signalSensitivity: true } });
    await tx.organisation.update({ where: { id: membership.organisationId }, data: { signalSensitivity: input.sensitivity } });
    await writeAudit(tx, { userId: user.id, organisationId: membership.organisationId, action: "organisation.signal_sensitivity", entityType: "Organisation", entityId: membership.organisationId, before, after: { signalSensitivity: input.sensitivity } });
  });
  return input;
}
