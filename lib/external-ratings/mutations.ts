import "server-only";
import { createHash } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { valuesBefore, writeAudit } from "@/lib/audit/write-audit";
import type { CurrentMembership } from "@/lib/auth/current-user";
import type { Actor } from "@/lib/auth/action";
import { ActionError, ConflictError, ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import { fileSize } from "@/lib/format";
import { canChangeExternalRating, externalRatingVisibleWhere } from "@/lib/access/external-ratings";
import { ownSituation } from "@/lib/situations/ownership";
import { toExternalRatingRecord, type ExternalRatingInput } from "./schemas";
import { EXTERNAL_RATINGS_MAX_BYTES, readExternalRatingsCsv, type CsvProblem } from "./csv";

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

export interface ImportResult {
  /** REFUSED: nothing was written; `problems` says why, by line. */
  status: "IMPORTED" | "REFUSED";
  imported: number;
  /** Rows the organisation had already recorded, identical (same situation, body, date and rating), or repeated in the file: left out. */
  alreadyRecorded: number;
  problems: CsvProblem[];
}

/**
 * Imports a CSV file of external ratings into the organisation's own open situations: every row is
 * checked (the form's schema, then its situation) before anything is written, and either all the
 * new rows are written, in one transaction with one audit entry, or none (the problems by line).
 */
export async function importExternalRatings({ user, membership }: Actor, file: { name: string; bytes: Uint8Array }): Promise<ImportResult> {
  if (file.bytes.length > EXTERNAL_RATINGS_MAX_BYTES) {
    throw new ActionError(`This file is ${fileSize(file.bytes.length)}; external ratings are imported from files of up to ${fileSize(EXTERNAL_RATINGS_MAX_BYTES)}. Split it and upload each part.`);
  }
  const { rows, problems } = readExternalRatingsCsv(file.bytes);
  const refused = (p: CsvProblem[]): ImportResult => ({ status: "REFUSED", imported: 0, alreadyRecorded: 0, problems: p.sort((a, b) => a.line - b.line) });
  if (!rows.length && !problems.length) return refused([{ line: 1, message: "The file has column names but no rows." }]);
  return db.$transaction(async (tx) => {
    const situations = await tx.situation.findMany({
      where: {
        organisationId: membership.organisationId,
        archivedAt: null,
        OR: [{ id: { in: [...new Set(rows.map((r) => r.situationId).filter(Boolean))] } }, { countryIso3: { in: [...new Set(rows.map((r) => r.country).filter(Boolean))] } }],
      },
      select: { id: true, countryIso3: true },
    });
    const byId = new Map(situations.map((s) => [s.id, s]));
    const byCountry = new Map<string, string[]>();
    for (const s of situations) byCountry.set(s.countryIso3, [...(byCountry.get(s.countryIso3) ?? []), s.id]);
    const ready: { line: number; situationId: string; data: ReturnType<typeof toExternalRatingRecord>; input: ExternalRatingInput }[] = [];
    for (const r of rows) {
      let situationId: string | null = null;
      if (r.situationId) {
        const s = byId.get(r.situationId);
        if (!s) problems.push({ line: r.line, message: `None of your organisation's open situations has the id “${r.situationId}”.` });
        else if (r.country && s.countryIso3 !== r.country) problems.push({ line: r.line, message: `The situation “${r.situationId}” is in ${s.countryIso3}, not ${r.country}.` });
        else situationId = s.id;
      } else {
        const ids = byCountry.get(r.country) ?? [];
        if (ids.length === 0) problems.push({ line: r.line, message: `Your organisation has no open situation in ${r.country}.` });
        else if (ids.length > 1) problems.push({ line: r.line, message: `Your organisation has ${ids.length} open situations in ${r.country}: give the situation's id in a “situation_id” column instead.` });
        else situationId = ids[0];
      }
      if (situationId) ready.push({ line: r.line, situationId, data: toExternalRatingRecord(r.input), input: r.input });
    }
    if (problems.length) return refused(problems);
    // A row the organisation has already recorded, or one repeated in the file, is left out: importing a file twice adds nothing.
    const existing = await tx.externalRating.findMany({
      where: { situationId: { in: [...new Set(ready.map((r) => r.situationId))] }, organisationId: membership.organisationId, deletedAt: null },
      select: { situationId: true, system: true, ratedOn: true, value: true, score: true, rank: true, rankOf: true, year: true, stage: true },
    });
    const keyOf = (r: { situationId: string; system: string; ratedOn: Date; value: string; score: number | null; rank: number | null; rankOf: number | null; year: number | null; stage: number | null }) =>
      JSON.stringify([r.situationId, r.system, r.ratedOn.toISOString().slice(0, 10), r.value, r.score, r.rank, r.rankOf, r.year, r.stage]);
    const seen = new Set(existing.map(keyOf));
    const fresh = ready.filter((r) => {
      const k = keyOf({ situationId: r.situationId, ...r.data });
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    const created = fresh.length
      ? await tx.externalRating.createManyAndReturn({
          data: fresh.map((r) => ({ ...r.data, situationId: r.situationId, organisationId: membership.organisationId, createdById: user.id })),
          select: { id: true },
        })
      : [];
    await writeAudit(tx, {
      userId: user.id,
      organisationId: membership.organisationId,
      action: "externalRating.import",
      entityType: "ExternalRating",
      after: { fileName: file.name, sha256: createHash("sha256").update(file.bytes).digest("hex"), imported: created.length, alreadyRecorded: ready.length - fresh.length, ids: created.map((c) => c.id) },
    });
    return { status: "IMPORTED", imported: created.length, alreadyRecorded: ready.length - fresh.length, problems: [] };
  });
}
