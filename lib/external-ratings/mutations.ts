import "server-only";
import { db, type Tx } from "@/lib/db";
import { valuesBefore, writeAudit } from "@/lib/audit/write-audit";
import type { CurrentMembership } from "@/lib/auth/current-user";
import type { Actor } from "@/lib/auth/action";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import { canChangeExternalRating, externalRatingVisibleWhere } from "@/lib/access/external-ratings";
import { ownSituation } from "@/lib/situations/ownership";
import { toExternalRatingRecord, type ExternalRatingInput } from "./schemas";

/** Records another body's rating of one of the organisation's own situations, audited. */
export async function createExternalRating({ user, membership }: Actor, situationId: string, input: ExternalRatingInput) {
  return db.$transaction(async (tx) => {
    await ownSituation(tx, membership, situationId, { refuseArchived: true });
    const r = await tx.externalRating.create({
      data: { ...toExternalRatingRecord(input), situationId, organisationId: membership.organisationId, createdById: user.id },
    });
    await writeAudit(tx, { userId: user.id, organisationId: membership.organisationId, action: "externalRating.create", entityType: "ExternalRating", entityId: r.id, after: input, meta: { situationId } });
    return { id: r.id, situationId, version: r.updatedAt.toISOString() };
  });
}

/** A rating the caller may change: visible to them and recorded by their organisation (else refused, saying why). */
async function loadChangeable(tx: Tx, membership: CurrentMembership, id: string) {
  const r = await tx.externalRating.findFirst({ where: { id, ...externalRatingVisibleWhere(membership) } });
  if (!r) throw new NotFoundError("This external rating does not exist, or you cannot see it.");
  if (!canChangeExternalRating(membership, r)) throw new ForbiddenError("This external rating was recorded by another organisation: you can read it but not change it.");
  return r;
}

function stale(version: string, current: { updatedAt: Date }) {
  if (current.updatedAt.toISOString() !== version) {
    throw new ConflictError("Someone changed this external rating after you opened it. Reload the page to see their change; what you typed is still in the form.");
  }
}

export async function updateExternalRating({ user, membership }: Actor, ref: { id: string; version: string; data: ExternalRatingInput }) {
  return db.$transaction(async (tx) => {
    const current = await loadChangeable(tx, membership, ref.id);
    stale(ref.version, current);
    const data = toExternalRatingRecord(ref.data);
    // Checked again in the write, so two saves of the same version cannot both pass.
    const res = await tx.externalRating.updateMany({ where: { id: ref.id, updatedAt: current.updatedAt, deletedAt: null }, data });
    if (res.count !== 1) stale("", current);
    const saved = await tx.externalRating.findUniqueOrThrow({ where: { id: ref.id }, select: { updatedAt: true } });
    await writeAudit(tx, { userId: user.id, organisationId: membership.organisationId, action: "externalRating.update", entityType: "ExternalRating", entityId: ref.id, before: valuesBefore(current, data), after: ref.data, meta: { situationId: current.situationId } });
    return { id: ref.id, situationId: current.situationId, version: saved.updatedAt.toISOString() };
  });
}

/** Soft delete, audited: the rating stays in the database and the audit log. */
export async function deleteExternalRating({ user, membership }: Actor, ref: { id: string; version: string }) {
  return db.$transaction(async (tx) => {
    const current = await loadChangeable(tx, membership, ref.id);
    stale(ref.version, current);
    const res = await tx.externalRating.updateMany({ where: { id: ref.id, updatedAt: current.updatedAt, deletedAt: null }, data: { deletedAt: new Date() } });
    if (res.count !== 1) stale("", current);
    await writeAudit(tx, { userId: user.id, organisationId: membership.organisationId, action: "externalRating.delete", entityType: "ExternalRating", entityId: ref.id, before: { deleted: false, system: current.system, value: current.value }, after: { deleted: true }, meta: { situationId: current.situationId } });
    return { id: ref.id, situationId: current.situationId };
  });
}
