import "server-only";
import { db } from "@/lib/db";
import { coalitionStatus, organisationSharingWhere, type CoalitionStatus } from "@/lib/access/coalition";
import { situationSharedWhere } from "@/lib/access/situations";

export interface MemberOrganisationRow {
  id: string;
  name: string;
  isSecretariat: boolean;
  members: number;
  administrators: number;
  shared: number;
  createdAt: Date;
  status: CoalitionStatus;
  suspendedAt: Date | null;
  leftAt: Date | null;
  /** An open invitation for a first administrator, while the organisation has none. */
  pendingAdministrator: { email: string; expiresAt: Date } | null;
}

/**
 * Every organisation of this installation, for the secretariat: counts only (members, administrators,
 * situations it shares), never another organisation's records.
 */
export async function listMemberOrganisations(): Promise<MemberOrganisationRow[]> {
  const orgs = await db.organisation.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      isSecretariat: true,
      createdAt: true,
      suspendedAt: true,
      leftAt: true,
      memberships: { where: { deactivatedAt: null, user: { active: true } }, select: { role: true } },
      invitations: { where: { role: "ADMIN", acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } }, select: { email: true, expiresAt: true }, orderBy: { createdAt: "desc" }, take: 1 },
      _count: { select: { situations: { where: { visibility: "COALITION", archivedAt: null } } } },
    },
  });
  return orgs.map((o) => {
    const administrators = o.memberships.filter((m) => m.role === "ADMIN").length;
    const status = coalitionStatus(o);
    return {
      id: o.id,
      name: o.name,
      isSecretariat: o.isSecretariat,
      members: o.memberships.length,
      administrators,
      // Marked for the coalition; while suspended or left, none of it is shared (lib/access/situations.ts).
      shared: status === "ACTIVE" ? o._count.situations : 0,
      createdAt: o.createdAt,
      status,
      suspendedAt: o.suspendedAt,
      leftAt: o.leftAt,
      pendingAdministrator: administrators === 0 ? (o.invitations[0] ?? null) : null,
    };
  });
}

/**
 * What every member may read about the coalition: the organisations in it (not suspended, not
 * left) and how many situations each shares now, as situationSharedWhere counts them.
 */
export async function coalitionSharing(): Promise<{ name: string; isSecretariat: boolean; shared: number }[]> {
  const [orgs, counts] = await Promise.all([
    db.organisation.findMany({ where: organisationSharingWhere(), select: { id: true, name: true, isSecretariat: true }, orderBy: { name: "asc" } }),
    db.situation.groupBy({ by: ["organisationId"], where: situationSharedWhere(), _count: { _all: true } }),
  ]);
  const byOrg = new Map(counts.map((c) => [c.organisationId, c._count._all]));
  return orgs.map((o) => ({ name: o.name, isSecretariat: o.isSecretariat, shared: byOrg.get(o.id) ?? 0 }));
}
