// Test data builders and a sign-in helper shared by the integration tests.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";
import { testCookies, testSession } from "./request-context";

export const PASSWORD = "correct horse battery staple";
let cachedHash: Promise<string> | undefined;

export function uid(prefix = "") {
  return prefix + randomBytes(4).toString("hex");
}

export async function createOrganisation(name = uid("Org ")) {
  return db.organisation.create({ data: { name, slug: name.toLowerCase().replace(/[^a-z0-9]+/g, "-") } });
}

export async function createUser(opts: { email?: string; name?: string; memberships?: { organisationId: string; role: Role }[]; active?: boolean } = {}) {
  cachedHash ??= hashPassword(PASSWORD);
  return db.user.create({
    data: {
      email: (opts.email ?? `${uid("user-")}@example.org`).toLowerCase(), // stored lower-case, as the product does
      name: opts.name ?? "Test User",
      passwordHash: await cachedHash,
      active: opts.active ?? true,
      memberships: { create: (opts.memberships ?? []).map((m) => ({ organisationId: m.organisationId, role: m.role })) },
    },
  });
}

export async function createMember(organisationId: string, role: Role) {
  return createUser({ name: `${role} user`, memberships: [{ organisationId, role }] });
}

/** Opens a real AuthSession for the user and makes it the caller of the next server actions. */
export async function actAs(user: { id: string } | null, activeOrganisationId?: string) {
  testCookies.clear();
  if (!user) {
    testSession.claims = null;
    return null;
  }
  const session = await db.authSession.create({ data: { userId: user.id } });
  testSession.claims = { uid: user.id, sid: session.id };
  if (activeOrganisationId) testCookies.set("active-org", activeOrganisationId);
  return session;
}

export async function createSituation(organisationId: string, userId: string, data: Partial<{ title: string; visibility: "ORGANISATION" | "COALITION"; countryIso3: string; archivedAt: Date }> = {}) {
  return db.situation.create({
    data: {
      organisationId,
      countryIso3: data.countryIso3 ?? "SDN",
      title: data.title ?? uid("Situation "),
      visibility: data.visibility ?? "ORGANISATION",
      archivedAt: data.archivedAt,
      createdById: userId,
      updatedById: userId,
    },
  });
}

/** The data of an action that must succeed; a refusal fails the test with its message. */
export async function ok<T>(p: Promise<{ ok: true; data: T } | { ok: false; message: string }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.message);
  return r.data;
}

export const MATRIX_ROLES: Role[] = ["VIEWER", "ANALYST", "ADMIN"];

/**
 * The callers of the access matrices (actions, routes, pages): a member of each role of one
 * organisation, and the three who must be refused whatever their role, each an administrator so
 * that only what the column is about can stop them: one whose organisation requires two-factor
 * sign-in they have not set up, one whose membership here is deactivated (session still open),
 * one whose organisation the coalition secretariat suspended (session still open), and another
 * organisation's administrator. And an administrator of the coalition's secretariat, for the
 * secretariat's own actions (issue #30).
 */
export async function createMatrixCallers() {
  const org = await createOrganisation();
  const members: Partial<Record<Role, { id: string }>> = {};
  for (const role of MATRIX_ROLES) members[role] = await createMember(org.id, role);
  const strict = await createOrganisation();
  await db.organisation.update({ where: { id: strict.id }, data: { requireTwoFactor: true } });
  const pending = await createMember(strict.id, "ADMIN");
  const deactivated = await createMember(org.id, "ADMIN");
  await db.membership.updateMany({ where: { userId: deactivated.id }, data: { deactivatedAt: new Date() } });
  const outsider = await createMember((await createOrganisation()).id, "ADMIN");
  const suspendedOrg = await createOrganisation();
  await db.organisation.update({ where: { id: suspendedOrg.id }, data: { suspendedAt: new Date() } });
  const suspended = await createMember(suspendedOrg.id, "ADMIN");
  const secretariatOrg = await createOrganisation();
  await db.organisation.update({ where: { id: secretariatOrg.id }, data: { isSecretariat: true } });
  const secretariat = await createMember(secretariatOrg.id, "ADMIN");
  return { org, members, pending, deactivated, outsider, suspended, suspendedOrg, secretariat };
}
