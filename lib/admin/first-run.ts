// A real deployment's first run (issue #30): `npm run setup -- --no-demo --organisation "Name"
// --admin-email a@b.org` creates the first organisation and invites its first administrator by a
// single-use link, printed once to whoever runs the command (the operator). Opening it, they set
// their name and password through the normal invitation path, then sign in; the organisation asks
// for two-factor sign-in from the start unless `--no-two-factor`; with `--secretariat` it is the
// coalition's secretariat, whose administrators then create the member organisations in the app
// (app/(app)/coalition, lib/coalition), each with its first administrator invited the same way
// (createOrganisation, inviteFirstAdministrator below). Not server-only: run by the setup script,
// with its own database client.
import { z } from "zod";
import type { Db, Tx } from "@/lib/db-client";
import { invitationExpiry, newInvitationToken, tokenHash } from "./invitation-token";

export const firstRunSchema = z.object({
  organisation: z.string().trim().min(2, { error: "Give the organisation's name (2 characters or more)." }).max(120, { error: "Keep the organisation's name under 120 characters." }),
  email: z.email({ error: "Give the first administrator's e-mail address." }).transform((e) => e.trim().toLowerCase()),
  requireTwoFactor: z.boolean().default(true),
  /** The first organisation is the coalition's secretariat (`--secretariat`). */
  secretariat: z.boolean().default(false),
});
export type FirstRunInput = z.input<typeof firstRunSchema>;

export type FirstRunResult =
  | { ok: true; organisationId: string; organisationCreated: boolean; link: string }
  | { ok: false; message: string };

const slugOf = (name: string) => name.normalize("NFKD").replace(/[^\w\s-]/g, "").trim().replace(/\s+/g, "-").toLowerCase().slice(0, 60) || "organisation";

/** A new organisation named `name`, with a slug from its name (made unique if taken). */
export async function createOrganisation(tx: Tx, input: { name: string; requireTwoFactor: boolean; isSecretariat?: boolean }) {
  let slug = slugOf(input.name);
  if (await tx.organisation.findUnique({ where: { slug } })) slug = `${slug}-${newInvitationToken().slice(0, 6).toLowerCase()}`;
  return tx.organisation.create({ data: { name: input.name, slug, requireTwoFactor: input.requireTwoFactor, isSecretariat: input.isSecretariat ?? false } });
}

/** Whether the organisation has an active administrator (then its administrators invite, not the operator or the secretariat). */
export async function hasAdministrator(tx: Tx, organisationId: string) {
  return (await tx.membership.count({ where: { organisationId, role: "ADMIN", deactivatedAt: null, user: { active: true } } })) > 0;
}

/**
 * Invites the organisation's first administrator by a single-use link (the token, shown once): any
 * open invitation of the organisation is revoked first, so asking again replaces the link.
 * `invitedById`: null when the operator runs the first run, else the secretariat's administrator.
 */
export async function inviteFirstAdministrator(tx: Tx, organisationId: string, email: string, invitedById: string | null) {
  const token = newInvitationToken();
  await tx.invitation.updateMany({ where: { organisationId, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
  const invitation = await tx.invitation.create({ data: { organisationId, email, role: "ADMIN", tokenHash: tokenHash(token), expiresAt: invitationExpiry(), invitedById } });
  return { invitation, token };
}

/**
 * Creates the organisation (or finds it by name) and invites its first administrator. Refused once
 * the organisation has an active administrator: from then on, administrators invite in the app.
 * Asking again before the link is used replaces the link (the earlier one stops working).
 */
export async function firstRun(db: Db, raw: FirstRunInput, appUrl: string): Promise<FirstRunResult> {
  const parsed = firstRunSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => i.message).join(" ") };
  const input = parsed.data;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('first-run'))`;
    let org = await tx.organisation.findUnique({ where: { name: input.organisation } });
    const organisationCreated = !org;
    if (org) {
      if (await hasAdministrator(tx, org.id)) return { ok: false as const, message: `${org.name} already has an administrator: they invite members from the Admin page.` };
    } else {
      // One secretariat per coalition: a second one asked for is refused before anything is made.
      const secretariat = input.secretariat ? await tx.organisation.findFirst({ where: { isSecretariat: true }, select: { name: true } }) : null;
      if (secretariat) return { ok: false as const, message: `${secretariat.name} is already the coalition's secretariat: its administrators create member organisations on the Coalition page.` };
      org = await createOrganisation(tx, { name: input.organisation, requireTwoFactor: input.requireTwoFactor, isSecretariat: input.secretariat });
    }
    const { invitation: inv, token } = await inviteFirstAdministrator(tx, org.id, input.email, null);
    await tx.auditEntry.create({
      data: {
        userId: null,
        organisationId: org.id,
        action: organisationCreated ? "organisation.first_run" : "organisation.first_run_again",
        entityType: "Invitation",
        entityId: inv.id,
        after: { organisation: org.name, email: input.email, role: "ADMIN", requireTwoFactor: org.requireTwoFactor, secretariat: org.isSecretariat },
      },
    });
    return { ok: true as const, organisationId: org.id, organisationCreated, link: `${appUrl.replace(/\/$/, "")}/invite/${token}` };
  });
}
