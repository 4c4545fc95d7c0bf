import "server-only";
import { sourceVisibleWhere } from "@/lib/access/sources";
import { db, type Tx } from "@/lib/db";
import { valuesBefore, writeAudit } from "@/lib/audit/write-audit";
import type { Actor } from "@/lib/auth/action";
import { ActionError, ConflictError, NotFoundError } from "@/lib/auth/errors";
import { CRIME_LABELS } from "@/lib/labels";
import { toSourceInput, type SourceInput } from "./schemas";
import { staleSave } from "@/lib/audit/stale-save";
import { listCitingClaims } from "./queries";


function data(input: SourceInput) {
  return {
    title: input.title,
    publisher: input.publisher,
    author: input.author,
    url: input.url || null,
    unSymbol: input.unSymbol || null,
    publishedOn: input.publishedOn ? new Date(input.publishedOn) : null,
    accessedOn: input.accessedOn ? new Date(input.accessedOn) : null,
    reliability: input.reliability,
    credibility: input.credibility,
    notes: input.notes,
  };
}

export async function createSource({ user, membership }: Actor, input: SourceInput) {
  return db.$transaction(async (tx) => {
    const source = await tx.source.create({ data: { ...data(input), organisationId: membership.organisationId, createdById: user.id } });
    await writeAudit(tx, { userId: user.id, organisationId: membership.organisationId, action: "source.create", entityType: "Source", entityId: source.id, after: input });
    return { id: source.id, version: source.version, title: source.title, publisher: source.publisher, reliability: source.reliability, credibility: source.credibility };
  });
}

async function loadOwned(tx: Tx, organisationId: string, id: string) {
  const s = await tx.source.findFirst({ where: { id, ...sourceVisibleWhere({ organisationId }) } });
  if (!s) throw new NotFoundError("This source does not exist in your organisation's library.");
  return s;
}

export async function updateSource({ user, membership }: Actor, ref: { id: string; version: number; data: SourceInput }) {
  return db.$transaction(async (tx) => {
    const current = await loadOwned(tx, membership.organisationId, ref.id);
    const res = await tx.source.updateMany({
      where: { id: ref.id, version: ref.version, ...sourceVisibleWhere(membership) },
      data: { ...data(ref.data), version: { increment: 1 } },
    });
    if (res.count !== 1) {
      // What is saved now, so the form can show it beside what was typed (which it keeps).
      const saved = await loadOwned(tx, membership.organisationId, ref.id);
      throw await staleSave(tx, "Source", saved, toSourceInput(saved));
    }
    const after = data(ref.data);
    const before = valuesBefore(current, after);
    await writeAudit(tx, { userId: user.id, organisationId: membership.organisationId, action: "source.update", entityType: "Source", entityId: ref.id, before, after });
    return { id: ref.id, version: ref.version + 1 };
  });
}

/** Soft delete, refused while anything cites the source (the message lists what does). */
export async function deleteSource({ user, membership }: Actor, ref: { id: string; version: number }) {
  return db.$transaction(async (tx) => {
    await loadOwned(tx, membership.organisationId, ref.id);
    const citing = await listCitingClaims(ref.id);
    if (citing.length) {
      const list = citing
        .slice(0, 10)
        .map((c) => `${c.kind}: ${c.kind === "Crime assessment" ? CRIME_LABELS[c.what as keyof typeof CRIME_LABELS] : c.what}${c.situation ? ` (${c.situation.title})` : ""}`)
        .join("; ");
      throw new ActionError(`This source is cited ${citing.length} time${citing.length === 1 ? "" : "s"} and cannot be deleted. Cited by: ${list}.`, "CONFLICT");
    }
    const res = await tx.source.updateMany({ where: { id: ref.id, version: ref.version, deletedAt: null }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    if (res.count !== 1) throw new ConflictError("Someone changed this source after you opened it. Reload the page and try again.");
    await writeAudit(tx, { userId: user.id, organisationId: membership.organisationId, action: "source.delete", entityType: "Source", entityId: ref.id, before: { deleted: false }, after: { deleted: true } });
    return { id: ref.id };
  });
}

/** Refuses source ids that are not live sources of the organisation (e.g. another organisation's). */
export async function assertOwnSources(tx: Tx, organisationId: string, ids: string[], field: string) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const found = await tx.source.count({ where: { id: { in: unique }, ...sourceVisibleWhere({ organisationId }) } });
  if (found !== unique.length) {
    throw new ActionError("Some fields need attention.", "INVALID", { [field]: ["A cited source is not in your organisation's library."] });
  }
}
