import "server-only";
import type { Tx } from "@/lib/db";
import type { CurrentMembership } from "@/lib/auth/current-user";
import { ActionError, ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import { isOwnSituation } from "@/lib/access/situations";
import { visibleSituationsWhere } from "./queries";

/**
 * The situation a change is made under: it must be visible to the caller and belong to their
 * organisation (coalition members read each other's situations but change only their own).
 */
export async function ownSituation(tx: Tx, membership: CurrentMembership, situationId: string, opts: { refuseArchived?: boolean } = {}) {
  const s = await tx.situation.findFirst({
    where: { id: situationId, ...visibleSituationsWhere(membership) },
    select: { id: true, organisationId: true, archivedAt: true },
  });
  if (!s) throw new NotFoundError("This situation does not exist, or you cannot see it.");
  if (!isOwnSituation(membership, s)) throw new ForbiddenError("This situation belongs to another organisation: you can read it but not change it.");
  if (opts.refuseArchived && s.archivedAt) throw new ActionError("This situation is archived. Restore it before changing it.");
  return s;
}
