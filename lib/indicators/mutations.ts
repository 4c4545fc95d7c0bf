import "server-only";
import { db, type Tx } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Actor } from "@/lib/auth/action";
import type { CurrentMembership } from "@/lib/auth/current-user";
import { ActionError, ConflictError, ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import { ownSituation } from "@/lib/situations/ownership";
import { assertOwnSources } from "@/lib/sources/mutations";
import { syncCitations } from "@/lib/sources/citations";
import { isoDate } from "@/lib/format";
import { Prisma } from "@/lib/generated/prisma/client";
import { canChangeRound } from "@/lib/access/rounds";
import { canChangeIndicator, indicatorCatalogueWhere, isFrameworkIndicator, isInCatalogue } from "@/lib/access/indicators";
import { METHOD_VERSION, scoreRound, toScoringInput, type RoundScores } from "./score";
import { roundAlerts } from "@/lib/alerts/rules";
import { raiseAlerts } from "@/lib/alerts/raise";
import { staleSave } from "@/lib/audit/stale-save";
import type { RatingValues, SavedRound } from "./round-merge";
import type { RatingInput, SaveRoundInput } from "./schemas";

const PUBLISHED_IS_FINAL = "This round is published and can no longer change. Start a new round to correct it.";

function latestPublished(tx: Tx, situationId: string) {
  return tx.assessment.findFirst({
    where: { situationId, status: "PUBLISHED", deletedAt: null },
    orderBy: [{ assessedOn: "desc" }, { publishedAt: "desc" }],
    include: { ratings: { include: { citations: { select: { sourceId: true, locator: true } }, indicator: { select: { retiredAt: true, code: true, riskFactorNumber: true } } } } },
  });
}

function assertNotBefore(latest: { assessedOn: Date } | null, assessedOn: string) {
  if (latest && assessedOn < isoDate(latest.assessedOn)) {
    throw new ActionError("Some fields need attention.", "INVALID", {
      assessedOn: [`The latest published round is dated ${isoDate(latest.assessedOn)}; a new round cannot be dated earlier.`],
    });
  }
}

/**
 * Starts a draft round, pre-filled from the latest published round (levels, trends, confidence,
 * evidence and cited sources of the indicators still in use) so analysts only touch what changed.
 * A situation has at most one draft: if one exists, it is returned instead.
 */
export async function startRound(actor: Actor, input: { situationId: string; assessedOn: string }) {
  try {
    return await db.$transaction(async (tx) => {
      const { user, membership } = actor;
      await ownSituation(tx, membership, input.situationId, { refuseArchived: true });
      const draft = await tx.assessment.findFirst({ where: { situationId: input.situationId, status: "DRAFT", deletedAt: null }, select: { id: true } });
      if (draft) return { id: draft.id, situationId: input.situationId, existing: true };
      const latest = await latestPublished(tx, input.situationId);
      assertNotBefore(latest, input.assessedOn);
      const round = await tx.assessment.create({
        data: { organisationId: membership.organisationId, situationId: input.situationId, assessedOn: new Date(input.assessedOn), createdById: user.id },
      });
      const carried = (latest?.ratings ?? []).filter((r) => r.indicator.retiredAt === null);
      if (carried.length) {
        const created = await tx.indicatorRating.createManyAndReturn({
          data: carried.map((r) => ({ assessmentId: round.id, indicatorId: r.indicatorId, level: r.level, trend: r.trend, confidence: r.confidence, evidence: r.evidence })),
          select: { id: true, indicatorId: true },
        });
        const newId = new Map(created.map((c) => [c.indicatorId, c.id]));
        const citations = carried.flatMap((r) => r.citations.map((c) => ({ indicatorRatingId: newId.get(r.indicatorId)!, sourceId: c.sourceId, locator: c.locator, createdById: user.id })));
        if (citations.length) await tx.citation.createMany({ data: citations });
      }
      await writeAudit(tx, {
        userId: user.id,
        organisationId: membership.organisationId,
        action: "assessment.start",
        entityType: "Assessment",
        entityId: round.id,
        after: { assessedOn: input.assessedOn, status: "DRAFT", prefilledFrom: latest ? isoDate(latest.assessedOn) : null, ratings: carried.length },
        meta: { situationId: input.situationId },
      });
      return { id: round.id, situationId: input.situationId, existing: false };
    });
  } catch (e) {
    // Two analysts started a round at the same moment: the draft index let one through.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const draft = await db.assessment.findFirst({ where: { situationId: input.situationId, status: "DRAFT", deletedAt: null }, select: { id: true } });
      if (draft) return { id: draft.id, situationId: input.situationId, existing: true };
    }
    throw e;
  }
}

async function loadDraft(tx: Tx, membership: CurrentMembership, id: string) {
  const round = await tx.assessment.findFirst({
    where: { id, deletedAt: null },
    include: {
      situation: { select: { archivedAt: true, title: true, organisationId: true } },
      ratings: { include: { citations: { select: { sourceId: true } }, indicator: { select: { code: true, riskFactorNumber: true } } } },
    },
  });
  if (!round) throw new NotFoundError("This round does not exist, or you cannot see it.");
  if (!canChangeRound(membership, round)) throw new ForbiddenError("This round belongs to another organisation: you can read it but not change it.");
  if (round.status !== "DRAFT") throw new ActionError(PUBLISHED_IS_FINAL);
  if (round.situation.archivedAt) throw new ActionError("This situation is archived. Restore it before changing its rounds.");
  return round;
}

type StoredRating = Awaited<ReturnType<typeof loadDraft>>["ratings"][number];

function ratingSnapshot(r: Pick<StoredRating, "level" | "trend" | "confidence" | "evidence"> & { sourceIds: string[] }): RatingValues {
  return { level: r.level, trend: r.trend ?? "", confidence: r.confidence ?? "", evidence: r.evidence, sourceIds: [...new Set(r.sourceIds)].sort() };
}

const ratingData = (r: RatingInput) => ({ level: r.level, trend: r.trend || null, confidence: r.confidence || null, evidence: r.evidence });

/** The draft as saved now, as a form holds it, with its cited sources (for the refusal of a stale save). */
async function savedValues(tx: Tx, round: Awaited<ReturnType<typeof loadDraft>>) {
  const ratings = Object.fromEntries(round.ratings.map((r) => [r.indicatorId, ratingSnapshot({ ...r, sourceIds: r.citations.map((c) => c.sourceId) })]));
  const cited = [...new Set(round.ratings.flatMap((r) => r.citations.map((c) => c.sourceId)))];
  const sources = cited.length
    ? await tx.source.findMany({ where: { id: { in: cited } }, select: { id: true, title: true, publisher: true, reliability: true, credibility: true }, orderBy: { title: "asc" } })
    : [];
  return { assessedOn: isoDate(round.assessedOn), summary: round.summary, ratings, sources } satisfies SavedRound;
}

/**
 * Saves what a draft's form changed (see saveRoundSchema): its date or summary when sent, the
 * ratings sent, and removes only the ratings named in `unrated`; whatever is left out stays as
 * saved. A save on an older version is refused with what is saved now and who saved it, so the
 * form merges it (lib/indicators/round-merge.ts) and saves again on that version.
 */
export async function saveRound({ user, membership }: Actor, input: SaveRoundInput) {
  return db.$transaction(async (tx) => {
    const round = await loadDraft(tx, membership, input.id);
    const stale = async () => {
      const now = await loadDraft(tx, membership, input.id);
      return staleSave(tx, "Assessment", now, await savedValues(tx, now));
    };
    if (round.version !== input.version) throw await stale();
    const assessedOn = input.assessedOn ?? isoDate(round.assessedOn);
    const summary = input.summary ?? round.summary;
    assertNotBefore(await latestPublished(tx, round.situationId), assessedOn);

    const stored = new Map(round.ratings.map((r) => [r.indicatorId, r]));
    const ids = input.ratings.map((r) => r.indicatorId);
    const indicators = await tx.indicator.findMany({ where: { id: { in: ids } }, select: { id: true, code: true, organisationId: true, retiredAt: true } });
    const byId = new Map(indicators.map((i) => [i.id, i]));
    for (const [n, r] of input.ratings.entries()) {
      const i = byId.get(r.indicatorId);
      if (!i || !isInCatalogue(membership, i)) {
        throw new ActionError("Some fields need attention.", "INVALID", { [`ratings.${n}`]: ["This indicator is not in your organisation's catalogue."] });
      }
      if (i.retiredAt && !stored.has(i.id)) {
        throw new ActionError("Some fields need attention.", "INVALID", { [`ratings.${n}`]: [`Indicator ${i.code} is retired and can no longer be rated.`] });
      }
    }
    await assertOwnSources(tx, membership.organisationId, input.ratings.flatMap((r) => r.sourceIds), "ratings");

    // The version check is in the update's WHERE: of two saves on one version, the second waits for the first and is refused.
    const res = await tx.assessment.updateMany({
      where: { id: input.id, version: input.version, status: "DRAFT", deletedAt: null },
      data: { assessedOn: new Date(assessedOn), summary, version: { increment: 1 } },
    });
    if (res.count !== 1) throw await stale();

    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    if (isoDate(round.assessedOn) !== assessedOn) [before.assessedOn, after.assessedOn] = [isoDate(round.assessedOn), assessedOn];
    if (round.summary !== summary) [before.summary, after.summary] = [round.summary, summary];
    for (const r of input.ratings) {
      const old = stored.get(r.indicatorId);
      const next = ratingSnapshot({ ...ratingData(r), sourceIds: r.sourceIds });
      const code = byId.get(r.indicatorId)!.code;
      if (!old) {
        const created = await tx.indicatorRating.create({ data: { assessmentId: input.id, indicatorId: r.indicatorId, ...ratingData(r) } });
        if (r.sourceIds.length) await syncCitations(tx, { indicatorRatingId: created.id }, r.sourceIds, user.id);
        after[code] = next;
        continue;
      }
      const prev = ratingSnapshot({ ...old, sourceIds: old.citations.map((c) => c.sourceId) });
      if (JSON.stringify(prev) === JSON.stringify(next)) continue;
      await tx.indicatorRating.update({ where: { id: old.id }, data: ratingData(r) });
      await syncCitations(tx, { indicatorRatingId: old.id }, r.sourceIds, user.id);
      before[code] = prev;
      after[code] = next;
    }
    // Only the ratings named are removed: one left out of the save is kept.
    const unrated = new Set(input.unrated);
    const removed = round.ratings.filter((r) => unrated.has(r.indicatorId));
    if (removed.length) {
      await tx.indicatorRating.deleteMany({ where: { id: { in: removed.map((r) => r.id) } } });
      for (const r of removed) {
        before[r.indicator.code] = ratingSnapshot({ ...r, sourceIds: r.citations.map((c) => c.sourceId) });
        after[r.indicator.code] = null;
      }
    }
    await writeAudit(tx, { userId: user.id, organisationId: membership.organisationId, action: "assessment.save", entityType: "Assessment", entityId: input.id, before, after, meta: { situationId: round.situationId } });
    return { id: input.id, situationId: round.situationId, version: input.version + 1 };
  });
}

/** Publishes a saved draft: its scores are computed and stored, and it can no longer change. */
export async function publishRound({ user, membership }: Actor, ref: { id: string; version: number }) {
  return db.$transaction(async (tx) => {
    const round = await loadDraft(tx, membership, ref.id);
    if (round.ratings.length === 0) throw new ActionError("Rate at least one indicator before publishing this round.");
    const latest = await latestPublished(tx, round.situationId);
    assertNotBefore(latest, isoDate(round.assessedOn));
    const indicators = await tx.indicator.findMany({
      where: indicatorCatalogueWhere(membership),
      select: { id: true, code: true, riskFactorNumber: true, retiredAt: true },
    });
    const org = await tx.organisation.findUniqueOrThrow({ where: { id: membership.organisationId }, select: { minScoreCoverage: true } });
    const scores = scoreRound(
      indicators.map(toScoringInput),
      round.ratings.map((r) => ({ indicatorId: r.indicatorId, level: r.level })),
      { minCoverage: org.minScoreCoverage },
    );
    const publishedAt = new Date();
    const res = await tx.assessment.updateMany({
      where: { id: ref.id, version: ref.version, status: "DRAFT", deletedAt: null },
      data: {
        status: "PUBLISHED",
        publishedAt,
        publishedById: user.id,
        overallScore: scores.overall.score,
        scores: scores as unknown as Prisma.InputJsonValue,
        methodVersion: METHOD_VERSION,
        version: { increment: 1 },
      },
    });
    if (res.count !== 1) throw new ConflictError("Someone saved this draft after you opened it. Reload the page to see their ratings before publishing.");
    // The situation counts as assessed on the round's date (a round dated earlier than one already published is refused).
    await tx.situation.update({ where: { id: round.situationId }, data: { lastAssessedAt: round.assessedOn } });
    const severe = (rs: { indicatorId: string; level: string; indicator: { code: string; riskFactorNumber: number } }[]) =>
      rs.filter((r) => r.level === "SEVERE").map((r) => ({ indicatorId: r.indicatorId, code: r.indicator.code, factor: r.indicator.riskFactorNumber }));
    const latestScores = latest?.scores as RoundScores | null | undefined;
    const alertIds = await raiseAlerts(
      tx,
      { id: round.situationId, organisationId: round.situation.organisationId },
      roundAlerts(
        { id: round.situationId, title: round.situation.title },
        latest && latestScores ? { id: latest.id, assessedOn: isoDate(latest.assessedOn), scores: latestScores, severe: severe(latest.ratings) } : null,
        { id: ref.id, assessedOn: isoDate(round.assessedOn), scores, severe: severe(round.ratings) },
      ),
      user.id,
    );
    await writeAudit(tx, {
      userId: user.id,
      organisationId: membership.organisationId,
      action: "assessment.publish",
      entityType: "Assessment",
      entityId: ref.id,
      before: { status: "DRAFT" },
      after: {
        status: "PUBLISHED",
        assessedOn: isoDate(round.assessedOn),
        overallScore: scores.overall.score,
        crimeScores: Object.fromEntries(Object.entries(scores.crimes).map(([c, s]) => [c, s.score])),
        rated: scores.rated,
        total: scores.total,
        methodVersion: METHOD_VERSION,
        lowConfidence: scores.overall.lowConfidence ?? false,
      },
      meta: { situationId: round.situationId },
    });
    return { id: ref.id, situationId: round.situationId, version: ref.version + 1, scores, alertIds };
  });
}

/** Discards a draft (soft delete, audited). Published rounds are never deleted. */
export async function discardRound({ user, membership }: Actor, ref: { id: string; version: number }) {
  return db.$transaction(async (tx) => {
    const round = await loadDraft(tx, membership, ref.id);
    const res = await tx.assessment.updateMany({ where: { id: ref.id, version: ref.version, status: "DRAFT", deletedAt: null }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    if (res.count !== 1) throw new ConflictError("Someone saved this draft after you opened it. Reload the page and try again.");
    await writeAudit(tx, {
      userId: user.id,
      organisationId: membership.organisationId,
      action: "assessment.discard",
      entityType: "Assessment",
      entityId: ref.id,
      before: { status: "DRAFT", assessedOn: isoDate(round.assessedOn), ratings: round.ratings.length },
      after: { deleted: true },
      meta: { situationId: round.situationId },
    });
    return { id: ref.id, situationId: round.situationId };
  });
}

// --- The organisation's own indicators (ADMIN) ---

async function loadOwnIndicator(tx: Tx, membership: CurrentMembership, id: string) {
  const i = await tx.indicator.findUnique({ where: { id } });
  if (!i || !isInCatalogue(membership, i)) throw new NotFoundError("This indicator does not exist, or you cannot see it.");
  if (isFrameworkIndicator(i)) throw new ForbiddenError("The Framework's own indicators cannot be changed. Add your organisation's own indicator instead.");
  if (!canChangeIndicator(membership, i)) throw new ForbiddenError("Only an administrator of your organisation can change its own indicators.");
  return i;
}

export async function createIndicator({ user, membership }: Actor, input: { factor: number; text: string }) {
  return db.$transaction(async (tx) => {
    // Serialise numbering within the organisation so two admins do not take the same number.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${"indicator-numbering:" + membership.organisationId}))`;
    const last = await tx.indicator.findFirst({
      where: { riskFactorNumber: input.factor, ...indicatorCatalogueWhere(membership) },
      orderBy: { position: "desc" },
      select: { position: true },
    });
    const position = (last?.position ?? 0) + 1;
    const code = `${input.factor}.${position}`;
    const i = await tx.indicator.create({
      data: { key: `${membership.organisationId}:${code}`, code, riskFactorNumber: input.factor, position, text: input.text, organisationId: membership.organisationId },
    });
    await writeAudit(tx, { userId: user.id, organisationId: membership.organisationId, action: "indicator.create", entityType: "Indicator", entityId: i.id, after: { code, text: input.text } });
    return { id: i.id, code };
  });
}

export async function updateIndicator({ user, membership }: Actor, input: { id: string; version: number; text: string }) {
  return db.$transaction(async (tx) => {
    const i = await loadOwnIndicator(tx, membership, input.id);
    const res = await tx.indicator.updateMany({ where: { id: input.id, version: input.version }, data: { text: input.text, version: { increment: 1 } } });
    if (res.count !== 1) throw new ConflictError("Someone changed this indicator after you opened it. Reload the page and edit again.");
    await writeAudit(tx, { userId: user.id, organisationId: membership.organisationId, action: "indicator.update", entityType: "Indicator", entityId: i.id, before: { text: i.text }, after: { text: input.text } });
    return { id: i.id, version: input.version + 1 };
  });
}

/** Retires (or brings back) an own indicator: it leaves new rounds and scores, and stays in old ratings. */
export async function setIndicatorRetired({ user, membership }: Actor, input: { id: string; version: number; retired: boolean }) {
  return db.$transaction(async (tx) => {
    const i = await loadOwnIndicator(tx, membership, input.id);
    const res = await tx.indicator.updateMany({ where: { id: input.id, version: input.version }, data: { retiredAt: input.retired ? new Date() : null, version: { increment: 1 } } });
    if (res.count !== 1) throw new ConflictError("Someone changed this indicator after you opened it. Reload the page and try again.");
    await writeAudit(tx, {
      userId: user.id,
      organisationId: membership.organisationId,
      action: input.retired ? "indicator.retire" : "indicator.restore",
      entityType: "Indicator",
      entityId: i.id,
      before: { retired: i.retiredAt !== null },
      after: { retired: input.retired },
    });
    return { id: i.id, version: input.version + 1 };
  });
}

// --- Re-scoring a published round (ADMIN) ---

/** What the history shows of a round's scores before and after re-scoring. */
function scoreRecord(methodVersion: number, scores: RoundScores | null) {
  if (!scores) return { methodVersion, overallScore: null };
  const coverage = (s: { rated?: number; total?: number; coverage?: number; lowConfidence?: boolean }) =>
    s.rated === undefined ? null : { rated: s.rated, total: s.total, coverage: s.coverage, lowConfidence: s.lowConfidence ?? false };
  return {
    methodVersion,
    overallScore: scores.overall.score,
    overallCoverage: coverage(scores.overall),
    crimeScores: Object.fromEntries(Object.entries(scores.crimes).map(([c, s]) => [c, s.score])),
    crimeCoverage: Object.fromEntries(Object.entries(scores.crimes).map(([c, s]) => [c, coverage(s)])),
  };
}

/**
 * Re-scores a published round with the current method (METHOD_VERSION) and the organisation's
 * minimum coverage, at an administrator's explicit request: a new method never changes published
 * figures by itself. Its ratings do not change; the scores before and after are audited and shown in
 * the situation's history. No alert is raised: nothing new was learnt about the situation.
 */
export async function rescoreRound({ user, membership }: Actor, ref: { id: string; version: number }) {
  return db.$transaction(async (tx) => {
    const round = await tx.assessment.findFirst({
      where: { id: ref.id, deletedAt: null },
      select: { id: true, organisationId: true, situationId: true, status: true, assessedOn: true, scores: true, methodVersion: true, ratings: { select: { indicatorId: true, level: true } } },
    });
    if (!round || round.organisationId !== membership.organisationId) throw new NotFoundError("This round does not exist, or you cannot see it.");
    if (round.status !== "PUBLISHED") throw new ActionError("Only a published round can be re-scored; a draft is scored when it is published.");
    const [indicators, org] = await Promise.all([
      tx.indicator.findMany({ where: { OR: [{ organisationId: null }, { organisationId: membership.organisationId }] }, select: { id: true, code: true, riskFactorNumber: true, retiredAt: true } }),
      tx.organisation.findUniqueOrThrow({ where: { id: membership.organisationId }, select: { minScoreCoverage: true } }),
    ]);
    const scores = scoreRound(indicators.map(toScoringInput), round.ratings, { minCoverage: org.minScoreCoverage });
    const res = await tx.assessment.updateMany({
      where: { id: ref.id, version: ref.version, status: "PUBLISHED", deletedAt: null },
      data: { overallScore: scores.overall.score, scores: scores as unknown as Prisma.InputJsonValue, methodVersion: METHOD_VERSION, version: { increment: 1 } },
    });
    if (res.count !== 1) throw new ConflictError("Someone changed this round after you opened it. Reload the page and try again.");
    await writeAudit(tx, {
      userId: user.id,
      organisationId: membership.organisationId,
      action: "assessment.rescore",
      entityType: "Assessment",
      entityId: ref.id,
      before: { assessedOn: isoDate(round.assessedOn), ...scoreRecord(round.methodVersion, round.scores as RoundScores | null) },
      after: { assessedOn: isoDate(round.assessedOn), ...scoreRecord(METHOD_VERSION, scores) },
      meta: { situationId: round.situationId },
    });
    return { id: ref.id, situationId: round.situationId, version: ref.version + 1 };
  });
}
