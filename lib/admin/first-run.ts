// A real deployment's first run (issue #30): `npm run setup -- --no-demo --organisation "Name"
// --admin-email a@b.org` creates the first organisation and invites its first administrator by a
// single-use link, printed once to whoever runs the command (the operator). Opening it, they set
// their name and password through the normal invitation path, then sign in; the organisation asks
// for two-factor sign-in from the start unless `--no-two-factor`. Not server-only: run by the
// setup script, with its own database client.
import { z } from "zod";
import type { Db } from "@/lib/db-client";
import { invitationExpiry, newInvitationToken, tokenHash } from "./invitation-token";

export const firstRunSchema = z.object({
  organisation: z.string().trim().min(2, { error: "Give the organisation's name (2 characters or more)." }).max(120, { error: "Keep the organisation's name under 120 characters." }),
  email: z.email({ error: "Give the first administrator's e-mail address." }).transform((e) => e.trim().toLowerCase()),
  requireTwoFactor: z.boolean().default(true),
});
export type FirstRunInput = z.input<typeof firstRunSchema>;

export type FirstRunResult =
  | { ok: true; organisationId: string; organisationCreated: boolean; link: string }
  | { ok: false; message: string };

const slugOf = (name: string) => name.normalize("NFKD").replace(/[^\w\s-]/g, "").trim().replace(/\s+/g, "-").toLowerCase().slice(0, 60) || "organisation";

/**
 * Creates the organisation (or finds it by name) and invites its first administrator. Refused once
 * the organisation has an active administrator: from then on, administrators invite in the app.
 * Asking again before the link is used replaces the link (the earlier one stops working).
 */
export async function firstRun(db: Db, raw: FirstRunInput, appUrl: string): Promise<FirstRunResult> {
  const parsed = firstRunSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => i.message).join(" ") };
  const input = parsed.data;
  const token = newInvitationToken();
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('first-run'))`;
    let org = await tx.organisation.findUnique({ where: { name: input.organisation } });
    const organisationCreated = !org;
    if (org) {
      const admins = await tx.membership.count({ where: { organisationId: org.id, role: "ADMIN", deactivatedAt: null, user: { active: true } } });
      if (admins > 0) return { ok: false as const, message: `${org.name} already has an administrator: they invite members from the Admin page.` };
    } else {
      let slug = slugOf(input.organisation);
      if (await tx.organisation.findUnique({ where: { slug } })) slug = `${slug}-${token.slice(0, 6).toLowerCase()}`;
      org = await tx.organisation.create({ data: { name: input.organisation, slug, requireTwoFactor: input.requireTwoFactor } });
    }
    await tx.invitation.updateMany({ where: { organisationId: org.id, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    const inv = await tx.invitation.create({ data: { organisationId: org.id, email: input.email, role: "ADMIN", tokenHash: tokenHash(token), expiresAt: invitationExpiry(), invitedById: null } });
    await tx.auditEntry.create({
      data: { userId: null, organisationId: org.id, action: organisationCreated ? "organisation.first_run" : "organisation.first_run_again", entityType: "Invitation", entityId: inv.id, after: { organisation: org.name, email: input.email, role: "ADMIN", requireTwoFactor: org.requireTwoFactor } },
    });
    return { ok: true as const, organisationId: org.id, organisationCreated, link: `${appUrl.replace(/\/$/, "")}/invite/${token}` };
  });
}
