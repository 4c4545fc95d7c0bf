import "server-only";
import { db, type Tx } from "@/lib/db";
import { valuesBefore, writeAudit } from "@/lib/audit/write-audit";
import { staleSave } from "@/lib/audit/stale-save";
import type { CurrentMembership } from "@/lib/auth/current-user";
import type { Actor } from "@/lib/auth/action";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import { ownSituation } from "@/lib/situations/ownership";
import { assertOwnSources } from "@/lib/sources/mutations";
import { syncCitations } from "@/lib/sources/citations";
import { toResponseInput, type ResponseInput } from "./schemas";


function data(input: ResponseInput) {
  return {
    pillar: input.pillar,
    type: input.type,
    actorType: input.actorType,
    actorName: input.actorName,
    title: input.title,
    description: input.description,
    startDate: new Date(input.startDate),
    endDate: input.endDate ? new Date(input.endDate) : null,
    reference: input.reference || null,
    status: input.status,
    effect: input.effect,
    effectNotes: input.effectNotes,
  };
}

function audited(input: ResponseInput) {
  return { ...input, sourceIds: [...new Set(input.sourceIds)].sort() };
}


export async function createResponse({ user, membership }: Actor, situationId: string, input: ResponseInput) {
  return db.$transaction(async (tx) => {
    await ownSituation(tx, membership, situationId);
    await assertOwnSources(tx, membership.organisationId, input.sourceIds, "sourceIds");
    const r = await tx.response.create({
      data: {
        ...data(input),
        situationId,
        organisationId: membership.organisationId,
        createdById: user.id,
        citations: { create: [...new Set(input.sourceIds)].map((sourceId) => ({ sourceId, createdById: user.id })) },
      },
    });
    await writeAudit(tx, { userId: user.id, organisationId: membership.organisationId, action: "response.create", entityType: "Response", entityId: r.id, after: audited(input), meta: { situationId } });
    return { id: r.id, situationId, version: r.version };
  });
}

async function loadOwned(tx: Tx, membership: CurrentMembership, id: string) {
  const r = await tx.response.findFirst({ where: { id, deletedAt: null }, include: { citations: { select: { sourceId: true } } } });
  if (!r) throw new NotFoundError("This response does not exist, or you cannot see it.");
  if (r.organisationId !== membership.organisationId) throw new ForbiddenError("This response belongs to another organisation: you can read it but not change it.");
  return r;
}

export async function updateResponse({ user, membership }: Actor, ref: { id: string; version: number; data: ResponseInput }) {
  return db.$transaction(async (tx) => {
    const current = await loadOwned(tx, membership, ref.id);
    await assertOwnSources(tx, membership.organisationId, ref.data.sourceIds, "sourceIds");
    const res = await tx.response.updateMany({
      where: { id: ref.id, version: ref.version, organisationId: membership.organisationId, deletedAt: null },
      data: { ...data(ref.data), version: { increment: 1 } },
    });
    if (res.count !== 1) {
      // What is saved now, so the form can show it beside what was typed (which it keeps).
      const saved = await loadOwned(tx, membership, ref.id);
      throw await staleSave(tx, "Response", saved, toResponseInput({ ...saved, sourceIds: saved.citations.map((c) => c.sourceId) }));
    }
    await syncCitations(tx, { responseId: ref.id }, ref.data.sourceIds, user.id);
    const before = {
      ...valuesBefore(current, data(ref.data)),
      sourceIds: current.citations.map((c) => c.sourceId).sort(),
    };
    await writeAudit(tx, { userId: user.id, organisationId: membership.organisationId, action: "response.update", entityType: "Response", entityId: ref.id, before, after: audited(ref.data), meta: { situationId: current.situationId } });
    return { id: ref.id, situationId: current.situationId, version: ref.version + 1 };
  });
}

/** Soft delete, audited. */
export async function deleteResponse({ user, membership }: Actor, ref: { id: string; version: number }) {
  return db.$transaction(async (tx) => {
    const current = await loadOwned(tx, membership, ref.id);
    const res = await tx.response.updateMany({ where: { id: ref.id, version: ref.version, deletedAt: null }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    if (res.count !== 1) throw new ConflictError("Someone changed this response after you opened it. Reload the page and try again.");
    await writeAudit(tx, { userId: user.id, organisationId: membership.organisationId, action: "response.delete", entityType: "Response", entityId: ref.id, before: { deleted: false, title: current.title }, after: { deleted: true }, meta: { situationId: current.situationId } });
    return { id: ref.id, situationId: current.situationId };
  });
}
