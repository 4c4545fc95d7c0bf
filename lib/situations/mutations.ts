import "server-only";
import { db, type Tx } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import type { CurrentMembership } from "@/lib/auth/current-user";
import type { Actor } from "@/lib/auth/action";
import { ActionError, ConflictError, ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import { CRIME_ORDER } from "@/lib/labels";
import type { Crime } from "@/lib/generated/prisma/enums";
import type { SituationConflict, SituationSnapshot } from "./mutations-types";
import { toSituationInput, type SituationInput, type UpdateSituationInput } from "./schemas";
import { snapshotOfInput } from "./merge";
import { isOwnSituation, situationOwnedWhere, situationVisibleWhere } from "@/lib/access/situations";
import { visibleSituationsWhere } from "./queries";
import { assertOwnSources } from "@/lib/sources/mutations";
import { syncCitations } from "@/lib/sources/citations";
import { situationAlerts } from "@/lib/alerts/rules";
import { raiseAlerts } from "@/lib/alerts/raise";



type SituationRow = NonNullable<Awaited<ReturnType<typeof loadForChange>>>;

export function snapshotOf(s: SituationRow): SituationSnapshot {
  return snapshotOfInput(
    toSituationInput({ ...s, crimes: s.crimes.map((c) => ({ ...c, sourceIds: c.citations.map((x) => x.sourceId) })) }),
  );
}

/** The fields that differ, as two partial snapshots (crimes compared one by one). */
export function changedFields(before: SituationSnapshot, after: SituationSnapshot) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof SituationSnapshot)[]) {
    if (key === "crimes") continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  const bc: Record<string, unknown> = {};
  const ac: Record<string, unknown> = {};
  for (const crime of CRIME_ORDER) {
    const x = before.crimes[crime] ?? { status: "NOT_ASSESSED", rationale: "", sourceIds: [] };
    const y = after.crimes[crime] ?? { status: "NOT_ASSESSED", rationale: "", sourceIds: [] };
    if (x.status !== y.status || x.rationale !== y.rationale || JSON.stringify(x.sourceIds ?? []) !== JSON.stringify(y.sourceIds ?? [])) {
      bc[crime] = x;
      ac[crime] = y;
    }
  }
  if (Object.keys(ac).length) {
    b.crimes = bc;
    a.crimes = ac;
  }
  return { before: b, after: a, changed: Object.keys(a).length > 0 };
}

function situationData(input: SituationInput) {
  return {
    countryIso3: input.countryIso3,
    scope: input.scope || null,
    title: input.title,
    summary: input.summary,
    background: input.background,
    recommendedAction: input.recommendedAction,
    notes: input.notes,
    riskCategory: input.riskCategory,
    populationsAtRisk: input.populationsAtRisk,
    perpetrators: input.perpetrators,
    visibility: input.visibility,
    monitoringSince: input.monitoringSince ? new Date(input.monitoringSince) : null,
  };
}

async function assertCountry(tx: Tx, iso3: string) {
  if (!(await tx.country.findUnique({ where: { iso3 } }))) {
    throw new ActionError("Some fields need attention.", "INVALID", { countryIso3: ["Choose a country from the list."] });
  }
}

function loadForChange(tx: Tx, id: string, membership: CurrentMembership, includeArchived = false) {
  return tx.situation.findFirst({
    // Archived ones too (to restore): those the caller may open, i.e. archived ones of their own only.
    where: { id, ...(includeArchived ? situationVisibleWhere(membership) : visibleSituationsWhere(membership)) },
    include: { crimes: { include: { citations: { select: { sourceId: true } } } }, updatedBy: { select: { name: true } } },
  });
}

async function loadOwned(tx: Tx, id: string, membership: CurrentMembership, includeArchived = false) {
  const current = await loadForChange(tx, id, membership, includeArchived);
  if (!current) throw new NotFoundError("This situation does not exist, or you cannot see it.");
  if (!isOwnSituation(membership, current)) {
    throw new ForbiddenError("This situation belongs to another organisation: you can read it but not change it.");
  }
  return current;
}

export async function createSituation({ user, membership }: Actor, input: SituationInput) {
  return db.$transaction(async (tx) => {
    await assertCountry(tx, input.countryIso3);
    await assertOwnSources(tx, membership.organisationId, input.crimes.flatMap((c) => c.sourceIds), "crimes");
    const situation = await tx.situation.create({
      data: {
        ...situationData(input),
        organisationId: membership.organisationId,
        createdById: user.id,
        updatedById: user.id,
        crimes: {
          create: input.crimes.map((c) => ({
            crime: c.crime,
            status: c.status,
            rationale: c.rationale,
            updatedById: user.id,
            citations: { create: [...new Set(c.sourceIds)].map((sourceId) => ({ sourceId, createdById: user.id })) },
          })),
        },
      },
    });
    await writeAudit(tx, {
      userId: user.id,
      organisationId: membership.organisationId,
      action: "situation.create",
      entityType: "Situation",
      entityId: situation.id,
      after: snapshotOfInput(input),
      meta: { version: situation.version },
    });
    return { id: situation.id, version: situation.version };
  });
}

export async function updateSituation({ user, membership }: Actor, input: UpdateSituationInput) {
  return db.$transaction(async (tx) => {
    const current = await loadOwned(tx, input.id, membership);
    const before = snapshotOf(current);
    const { id, version, ...fields } = input;
    const { before: b, after: a, changed } = changedFields(before, snapshotOfInput(fields));
    const conflict = () =>
      new ConflictError("Someone saved this situation after you opened it. Your changes are kept below; compare them with what is saved now.", {
        version: current.version,
        updatedAt: current.updatedAt.toISOString(),
        updatedBy: current.updatedBy.name,
        values: before,
      } satisfies SituationConflict);
    if (current.version !== version) throw conflict();
    if (!changed) return { id, version: current.version, changed: false, alertIds: [] as string[] };
    if ("countryIso3" in a) await assertCountry(tx, fields.countryIso3);
    await assertOwnSources(tx, membership.organisationId, fields.crimes.flatMap((c) => c.sourceIds), "crimes");

    // The version check is in the update's WHERE: two saves cannot both pass it.
    const res = await tx.situation.updateMany({
      where: { id, version, ...situationOwnedWhere(membership), archivedAt: null },
      data: {
        ...situationData(fields),
        updatedById: user.id,
        version: { increment: 1 },
        ...("riskCategory" in a ? { riskCategorySince: new Date() } : {}),
      },
    });
    if (res.count !== 1) throw conflict();
    for (const crime of Object.keys((a.crimes as object) ?? {}) as Crime[]) {
      const c = fields.crimes.find((x) => x.crime === crime)!;
      const assessment = await tx.crimeAssessment.upsert({
        where: { situationId_crime: { situationId: id, crime } },
        create: { situationId: id, crime, status: c.status, rationale: c.rationale, updatedById: user.id },
        update: { status: c.status, rationale: c.rationale, updatedById: user.id },
      });
      await syncCitations(tx, { crimeAssessmentId: assessment.id }, c.sourceIds, user.id);
    }
    await writeAudit(tx, {
      userId: user.id,
      organisationId: membership.organisationId,
      action: "situation.update",
      entityType: "Situation",
      entityId: id,
      before: b,
      after: a,
      meta: { version: version + 1 },
    });
    const alertIds = await raiseAlerts(
      tx,
      { id, organisationId: membership.organisationId },
      situationAlerts({ id, title: fields.title, version: version + 1 }, { riskCategory: current.riskCategory, crimes: current.crimes }, { riskCategory: fields.riskCategory, crimes: fields.crimes }),
      user.id,
    );
    return { id, version: version + 1, changed: true, alertIds };
  });
}

export async function setSituationArchived({ user, membership }: Actor, ref: { id: string; version: number }, archived: boolean) {
  return db.$transaction(async (tx) => {
    const current = await loadOwned(tx, ref.id, membership, true);
    if (Boolean(current.archivedAt) === archived) {
      throw new ActionError(archived ? "This situation is already archived." : "This situation is not archived.", "CONFLICT");
    }
    const res = await tx.situation.updateMany({
      where: { id: ref.id, version: ref.version, ...situationOwnedWhere(membership) },
      data: { archivedAt: archived ? new Date() : null, updatedById: user.id, version: { increment: 1 } },
    });
    if (res.count !== 1) throw new ConflictError("Someone changed this situation after you opened it. Reload the page and try again.");
    await writeAudit(tx, {
      userId: user.id,
      organisationId: membership.organisationId,
      action: archived ? "situation.archive" : "situation.restore",
      entityType: "Situation",
      entityId: ref.id,
      before: { archived: !archived },
      after: { archived },
      meta: { version: ref.version + 1 },
    });
    return { id: ref.id, version: ref.version + 1 };
  });
}
