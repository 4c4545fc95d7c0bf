import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/db";
import { appUrl, mailer } from "@/lib/mail";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Actor } from "@/lib/auth/action";
import { ActionError, ConflictError, ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import { createOrganisation, hasAdministrator, inviteFirstAdministrator } from "@/lib/admin/first-run";
import { INVITATION_DAYS } from "@/lib/admin/invitation-token";

// The secretariat's work on the coalition's organisations (issue #30). The gate has checked that
// the caller is an administrator of the secretariat (authorizedAction({ secretariat: true })).
// Each change is audited twice in its transaction: in the secretariat's log (who did it) and in
// the organisation's own (so its administrators see what happened to it).

export type InvitationSent = { organisationId: string; emailed: boolean; link: string | null };

/**
 * The first administrator's link goes as inviteMember sends one (lib/admin/mutations.ts): by
 * e-mail to the invited address alone when e-mail is configured, else shown once to copy.
 */
async function sendFirstAdministratorLink(actor: Actor, organisation: { id: string; name: string }, email: string, token: string): Promise<InvitationSent> {
  const link = `${appUrl()}/invite/${token}`;
  const mail = mailer();
  if (!mail) return { organisationId: organisation.id, emailed: false, link };
  try {
    await mail.send(
      email,
      `Invitation to administer ${organisation.name} on Atrocity Early Warning`,
      `${actor.user.name}, of the coalition secretariat (${actor.membership.organisationName}), invites you to administer ${organisation.name} in the coalition's case tracker.\n\nOpen this link within ${INVITATION_DAYS} days to accept (it works once):\n${link}\n`,
    );
    return { organisationId: organisation.id, emailed: true, link: null };
  } catch (e) {
    console.error("Invitation e-mail failed", e);
    return { organisationId: organisation.id, emailed: false, link: null };
  }
}

async function auditBoth(tx: Tx, actor: Actor, organisationId: string, action: string, entry: { entityType: string; entityId: string; before?: unknown; after?: unknown }) {
  await writeAudit(tx, { userId: actor.user.id, organisationId: actor.membership.organisationId, action, ...entry, meta: { organisation: organisationId } });
  if (organisationId !== actor.membership.organisationId) {
    await writeAudit(tx, { userId: actor.user.id, organisationId, action, ...entry, meta: { bySecretariat: actor.membership.organisationName } });
  }
}

/** Creates a member organisation and invites its first administrator (the first run's path: lib/admin/first-run.ts). */
export async function createMemberOrganisation(actor: Actor, input: { name: string; adminEmail: string; requireTwoFactor: boolean }): Promise<InvitationSent> {
  let created: { organisation: { id: string; name: string }; token: string };
  try {
    created = await db.$transaction(async (tx) => {
      const organisation = await createOrganisation(tx, { name: input.name, requireTwoFactor: input.requireTwoFactor });
      const { invitation, token } = await inviteFirstAdministrator(tx, organisation.id, input.adminEmail, actor.user.id);
      await auditBoth(tx, actor, organisation.id, "coalition.organisation_created", {
        entityType: "Organisation",
        entityId: organisation.id,
        after: { name: organisation.name, requireTwoFactor: organisation.requireTwoFactor, firstAdministrator: input.adminEmail, invitation: invitation.id },
      });
      return { organisation, token };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw new ActionError("Some fields need attention.", "INVALID", { name: ["An organisation with this name already exists."] });
    throw e;
  }
  return sendFirstAdministratorLink(actor, created.organisation, input.adminEmail, created.token);
}

async function organisationOf(tx: Tx, organisationId: string) {
  const o = await tx.organisation.findUnique({ where: { id: organisationId }, select: { id: true, name: true, isSecretariat: true, suspendedAt: true, leftAt: true } });
  if (!o) throw new NotFoundError("This organisation does not exist.");
  return o;
}

/** A new link for the first administrator, while the organisation has none (the earlier link stops working). */
export async function inviteFirstAdministratorAgain(actor: Actor, input: { organisationId: string; adminEmail: string }): Promise<InvitationSent> {
  const { organisation, token } = await db.$transaction(async (tx) => {
    const organisation = await organisationOf(tx, input.organisationId);
    if (await hasAdministrator(tx, organisation.id)) throw new ConflictError(`${organisation.name} already has an administrator: they invite members from their Admin page.`);
    const { invitation, token } = await inviteFirstAdministrator(tx, organisation.id, input.adminEmail, actor.user.id);
    await auditBoth(tx, actor, organisation.id, "coalition.first_administrator_invited", { entityType: "Invitation", entityId: invitation.id, after: { email: input.adminEmail, role: "ADMIN" } });
    return { organisation, token };
  });
  return sendFirstAdministratorLink(actor, organisation, input.adminEmail, token);
}

/**
 * Suspends (or reactivates) an organisation: while suspended its members cannot work in it (the
 * gate refuses them at once, on their next request) and its shared situations are hidden from the
 * coalition; nothing of its data is changed. The secretariat itself cannot be suspended.
 */
export async function setOrganisationSuspended(actor: Actor, input: { organisationId: string; suspended: boolean }) {
  return db.$transaction(async (tx) => {
    const o = await organisationOf(tx, input.organisationId);
    if (o.isSecretariat) throw new ForbiddenError("The secretariat cannot suspend itself.");
    if (!!o.suspendedAt === input.suspended) return { suspended: input.suspended };
    const suspendedAt = input.suspended ? new Date() : null;
    await tx.organisation.update({ where: { id: o.id }, data: { suspendedAt } });
    await auditBoth(tx, actor, o.id, input.suspended ? "coalition.organisation_suspended" : "coalition.organisation_reactivated", {
      entityType: "Organisation",
      entityId: o.id,
      before: { suspendedAt: o.suspendedAt },
      after: { suspendedAt },
    });
    return { suspended: input.suspended };
  });
}

/**
 * Removes an organisation from the coalition (or takes it back): while out, it shares nothing with
 * the coalition; its members keep working with their own data, and its administrators keep their
 * exports and backup. Nothing is deleted. The secretariat itself cannot be removed.
 */
export async function setOrganisationInCoalition(actor: Actor, input: { organisationId: string; inCoalition: boolean }) {
  return db.$transaction(async (tx) => {
    const o = await organisationOf(tx, input.organisationId);
    if (o.isSecretariat) throw new ForbiddenError("The secretariat cannot remove itself from the coalition.");
    if (!o.leftAt === input.inCoalition) return { inCoalition: input.inCoalition };
    const leftAt = input.inCoalition ? null : new Date();
    await tx.organisation.update({ where: { id: o.id }, data: { leftAt } });
    await auditBoth(tx, actor, o.id, input.inCoalition ? "coalition.organisation_taken_back" : "coalition.organisation_removed", {
      entityType: "Organisation",
      entityId: o.id,
      before: { leftAt: o.leftAt },
      after: { leftAt },
    });
    return { inCoalition: input.inCoalition };
  });
}

/**
 * The caller's own organisation leaves the coalition (its administrators decide; the Admin page
 * states what changes first). Only the secretariat takes it back. The secretariat cannot leave.
 */
export async function leaveCoalition(actor: Actor) {
  return db.$transaction(async (tx) => {
    const o = await organisationOf(tx, actor.membership.organisationId);
    if (o.isSecretariat) throw new ForbiddenError("The secretariat cannot leave the coalition it runs.");
    if (o.leftAt) throw new ConflictError(`${o.name} has already left the coalition.`);
    const leftAt = new Date();
    await tx.organisation.update({ where: { id: o.id }, data: { leftAt } });
    await writeAudit(tx, { userId: actor.user.id, organisationId: o.id, action: "coalition.left", entityType: "Organisation", entityId: o.id, before: { leftAt: null }, after: { leftAt } });
    return { left: true };
  });
}
