import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { ActionError, ForbiddenError } from "@/lib/auth/errors";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/generated/prisma/enums";
import { tokenHash } from "./invitation-token";

// Accepting an invitation (issue #26, item 1). The link alone never proves who holds it: without
// e-mail the inviting administrator holds it too, so it used to be a password oracle for any
// account. Now:
// - an existing account joins only when signed in (the normal sign-in, with its throttling,
//   lockout and two-factor step) with the invited address;
// - a new account can be created with the link, but only for an address without one, and the
//   answer is the same either way; it then signs in and joins like everyone else;
// - nothing the link holder sees (page, answers, the organisation's audit log) says whether the
//   address has an account; refusals are audited.

export const INVITATION_GONE = "This invitation link has expired or was already used. Ask your administrator for a new one.";
export const INVITATION_FOR_ANOTHER = "This invitation is for another e-mail address. Sign out, then sign in with the account it was sent to.";
/** The one answer of the new-account path, whether an account was created or one existed already. */
export const ACCOUNT_NEXT_STEP =
  "Now sign in with the e-mail address this invitation was sent to and the password you chose, to accept the invitation. If you already had an account with this address, nothing was changed: sign in with your existing password instead.";

type Refusal = "unknown link" | "expired" | "used" | "revoked" | "another account" | "account exists";

const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

async function findInvitation(token: string) {
  return db.invitation.findUnique({ where: { tokenHash: tokenHash(token) }, include: { organisation: { select: { name: true } } } });
}

function closedReason(inv: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }): Refusal | null {
  if (inv.acceptedAt) return "used";
  if (inv.revokedAt) return "revoked";
  if (inv.expiresAt < new Date()) return "expired";
  return null;
}

/**
 * Written outside any transaction that rolls back with the refusal. Refusals on the new-account
 * path carry no organisation: in the inviting organisation's log they would tell its
 * administrators whether the address has an account.
 */
async function auditRefusal(reason: Refusal, opts: { userId: string | null; organisationId: string | null; invitationId: string | null; meta?: Record<string, unknown> }) {
  await writeAudit(db, {
    userId: opts.userId,
    organisationId: opts.organisationId,
    action: "member.invitation_refused",
    entityType: "Invitation",
    entityId: opts.invitationId,
    meta: { reason, ...opts.meta },
  });
}

export type InvitationView =
  | { state: "GONE" }
  | { state: "OPEN"; organisationName: string; role: Role }
  | { state: "YOURS"; organisationName: string; role: Role }
  | { state: "FOR_ANOTHER"; organisationName: string; role: Role }
  | { state: "JOINED"; organisationName: string };

/**
 * What the invitation page shows. Signed out, an open invitation looks the same whether or not its
 * address has an account, and the address itself is not shown. Signed in, only the invitee may
 * accept; others are told it is for another address (not which).
 */
export async function invitationView(token: string, user: CurrentUser | null): Promise<InvitationView> {
  const inv = await findInvitation(token);
  if (!inv) return { state: "GONE" };
  const organisationName = inv.organisation.name;
  const mine = user ? sameAddress(user.email, inv.email) : false;
  if (closedReason(inv)) {
    // The invitee coming back (e.g. after signing in, or a second click) sees that they joined.
    const joined = mine && inv.acceptedAt && user!.memberships.some((m) => m.organisationId === inv.organisationId);
    return joined ? { state: "JOINED", organisationName } : { state: "GONE" };
  }
  if (!user) return { state: "OPEN", organisationName, role: inv.role };
  return { state: mine ? "YOURS" : "FOR_ANOTHER", organisationName, role: inv.role };
}

/** The signed-in invitee accepts: the membership is added (or reactivated) once. Refusals are audited. */
export async function acceptInvitation(user: CurrentUser, token: string) {
  const inv = await findInvitation(token);
  const audit = { userId: user.id, organisationId: inv?.organisationId ?? null, invitationId: inv?.id ?? null };
  if (!inv) {
    await auditRefusal("unknown link", audit);
    throw new ActionError(INVITATION_GONE);
  }
  const closed = closedReason(inv);
  if (closed) {
    await auditRefusal(closed, audit);
    throw new ActionError(INVITATION_GONE);
  }
  if (!sameAddress(user.email, inv.email)) {
    await auditRefusal("another account", audit);
    throw new ForbiddenError(INVITATION_FOR_ANOTHER);
  }
  const joined = await db.$transaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({ where: { id: inv.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } }, data: { acceptedAt: new Date() } });
    if (claimed.count !== 1) return false; // taken, revoked or expired since it was read
    await tx.membership.upsert({
      where: { userId_organisationId: { userId: user.id, organisationId: inv.organisationId } },
      create: { userId: user.id, organisationId: inv.organisationId, role: inv.role },
      update: { role: inv.role, deactivatedAt: null },
    });
    await writeAudit(tx, { userId: user.id, organisationId: inv.organisationId, action: "member.joined", entityType: "Invitation", entityId: inv.id, after: { role: inv.role } });
    return true;
  });
  if (!joined) {
    await auditRefusal("used", audit);
    throw new ActionError(INVITATION_GONE);
  }
  return { organisationId: inv.organisationId, organisationName: inv.organisation.name };
}

/**
 * Creates the invited address's account, only if it has none; the answer is the same either way
 * (ACCOUNT_NEXT_STEP), and the password is hashed either way so the time taken does not tell
 * either. The account joins by signing in and accepting, like an existing one.
 */
export async function createInvitedAccount(input: { token: string; name: string; password: string }) {
  const inv = await findInvitation(input.token);
  if (!inv) throw new ActionError(INVITATION_GONE); // not audited: the visitor has no account and no invitation to name
  const closed = closedReason(inv);
  if (closed) {
    await auditRefusal(closed, { userId: null, organisationId: inv.organisationId, invitationId: inv.id, meta: { path: "new account" } }); // (checked before the address)
    throw new ActionError(INVITATION_GONE);
  }
  // Hashed before looking at the address (not before the token: a bad link costs no hashing).
  const passwordHash = await hashPassword(input.password);
  const existing = await db.user.findUnique({ where: { email: inv.email }, select: { id: true } });
  let created: { id: string } | null = null;
  if (!existing) {
    try {
      created = await db.$transaction(async (tx) => {
        const u = await tx.user.create({ data: { email: inv.email, name: input.name, passwordHash }, select: { id: true } });
        await writeAudit(tx, { userId: u.id, organisationId: null, action: "account.created", entityType: "User", entityId: u.id, meta: { invitation: inv.id } });
        return u;
      });
    } catch (e) {
      // Two tries at once for the same address: the other one created it.
      if (!(e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")) throw e;
    }
  }
  if (!created) await auditRefusal("account exists", { userId: existing?.id ?? null, organisationId: null, invitationId: inv.id });
  return { message: ACCOUNT_NEXT_STEP };
}
