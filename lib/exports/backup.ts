// The organisation's whole dataset as JSON (a documented, versioned format), and its restore into
// an empty organisation. Ids in the file only link its records together; restoring gives new ids.
// People are referred to by e-mail: on restore, each maps to the member with that e-mail, or to
// the administrator restoring. Format (version 1):
// { format: "atrocity-early-warning-backup", version: 1, exportedAt, organisation: {...},
//   indicators: [own indicators], sources: [...], situations: [... crimes: [... sourceIds]],
//   assessments: [... ratings: [{ indicator (key), ..., sourceIds }]], responses: [... sourceIds],
//   events: [... indicators (keys), sourceIds] }  -- dates as ISO strings, deleted records included.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db, Tx } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DATE_RULES, storedDayField } from "@/lib/forms/dates";

export const BACKUP_FORMAT = "atrocity-early-warning-backup";
export const BACKUP_VERSION = 1;
const BATCH = 5000;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** Stored scores name their driving indicators by id; in the file they are named by key (ids differ between installations). */
function mapDrivers(scores: unknown, map: (indicatorId: string) => string): unknown {
  if (Array.isArray(scores)) return scores.map((x) => mapDrivers(x, map));
  if (scores && typeof scores === "object") {
    return Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, k === "indicatorId" && typeof v === "string" ? map(v) : mapDrivers(v, map)]));
  }
  return scores;
}

/** Own indicator keys are "<organisationId>:<code>": in the file they become "own:<code>". */
function portableKey(key: string, organisationId: string) {
  return key.startsWith(`${organisationId}:`) ? `own:${key.slice(organisationId.length + 1)}` : key;
}

export async function* backupChunks(db: Db, organisationId: string): AsyncGenerator<string> {
  const org = await db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { name: true, assessmentIntervalDays: true, sensitivityMarking: true, requireTwoFactor: true } });
  const emails = new Map((await db.user.findMany({ select: { id: true, email: true } })).map((u) => [u.id, u.email]));
  const who = (id: string | null | undefined) => (id ? (emails.get(id) ?? null) : null);
  const key = (k: string) => portableKey(k, organisationId);
  const j = (v: unknown) => JSON.stringify(v);

  yield `{"format":${j(BACKUP_FORMAT)},"version":${BACKUP_VERSION},"exportedAt":${j(new Date().toISOString())},"organisation":${j(org)}`;

  const indicators = await db.indicator.findMany({ where: { organisationId }, orderBy: [{ riskFactorNumber: "asc" }, { position: "asc" }] });
  yield `,"indicators":${j(indicators.map((i) => ({ key: key(i.key), code: i.code, riskFactor: i.riskFactorNumber, position: i.position, text: i.text, retiredAt: iso(i.retiredAt) })))}`;

  const sources = await db.source.findMany({ where: { organisationId }, orderBy: { createdAt: "asc" } });
  yield `,"sources":${j(
    sources.map((s) => ({
      id: s.id, title: s.title, publisher: s.publisher, author: s.author, url: s.url, unSymbol: s.unSymbol, publishedOn: iso(s.publishedOn), accessedOn: iso(s.accessedOn),
      reliability: s.reliability, credibility: s.credibility, notes: s.notes, fileName: s.fileName, fileSize: s.fileSize, fileType: s.fileType, fileSha256: s.fileSha256,
      createdBy: who(s.createdById), createdAt: iso(s.createdAt), deletedAt: iso(s.deletedAt),
    })),
  )}`;

  const situations = await db.situation.findMany({ where: { organisationId }, orderBy: { createdAt: "asc" }, include: { crimes: { include: { citations: { select: { sourceId: true, locator: true } } } } } });
  yield `,"situations":${j(
    situations.map((s) => ({
      id: s.id, countryIso3: s.countryIso3, scope: s.scope, title: s.title, summary: s.summary, background: s.background, recommendedAction: s.recommendedAction, notes: s.notes,
      riskCategory: s.riskCategory, riskCategorySince: iso(s.riskCategorySince), populationsAtRisk: s.populationsAtRisk, perpetrators: s.perpetrators, visibility: s.visibility,
      monitoringSince: iso(s.monitoringSince), lastAssessedAt: iso(s.lastAssessedAt), isDemo: s.isDemo, createdBy: who(s.createdById), updatedBy: who(s.updatedById),
      createdAt: iso(s.createdAt), archivedAt: iso(s.archivedAt),
      crimes: s.crimes.map((c) => ({ crime: c.crime, status: c.status, rationale: c.rationale, updatedBy: who(c.updatedById), citations: c.citations })),
    })),
  )}`;

  const keyById = new Map((await db.indicator.findMany({ where: { OR: [{ organisationId: null }, { organisationId }] }, select: { id: true, key: true } })).map((i) => [i.id, key(i.key)]));
  const assessments = await db.assessment.findMany({
    where: { organisationId },
    orderBy: { createdAt: "asc" },
    include: { ratings: { include: { indicator: { select: { key: true } }, citations: { select: { sourceId: true, locator: true } } } } },
  });
  yield `,"assessments":${j(
    assessments.map((a) => ({
      id: a.id, situationId: a.situationId, assessedOn: iso(a.assessedOn), status: a.status, summary: a.summary, overallScore: a.overallScore, scores: mapDrivers(a.scores, (id) => keyById.get(id) ?? id),
      createdBy: who(a.createdById), publishedBy: who(a.publishedById), publishedAt: iso(a.publishedAt), createdAt: iso(a.createdAt), deletedAt: iso(a.deletedAt),
      ratings: a.ratings.map((r) => ({ indicator: key(r.indicator.key), level: r.level, trend: r.trend, confidence: r.confidence, evidence: r.evidence, citations: r.citations })),
    })),
  )}`;

  const responses = await db.response.findMany({ where: { organisationId }, orderBy: { createdAt: "asc" }, include: { citations: { select: { sourceId: true, locator: true } } } });
  yield `,"responses":${j(
    responses.map((r) => ({
      id: r.id, situationId: r.situationId, pillar: r.pillar, type: r.type, actorType: r.actorType, actorName: r.actorName, title: r.title, description: r.description,
      startDate: iso(r.startDate), endDate: iso(r.endDate), reference: r.reference, status: r.status, effect: r.effect, effectNotes: r.effectNotes,
      createdBy: who(r.createdById), createdAt: iso(r.createdAt), deletedAt: iso(r.deletedAt), citations: r.citations,
    })),
  )}`;

  yield `,"events":[`;
  let cursor: string | undefined;
  let first = true;
  for (;;) {
    const events = await db.event.findMany({
      where: { organisationId, ...(cursor ? { id: { gt: cursor } } : {}) },
      orderBy: { id: "asc" },
      take: BATCH,
      include: { indicators: { select: { indicator: { select: { key: true } } } }, citations: { select: { sourceId: true, locator: true } } },
    });
    if (events.length === 0) break;
    const text = events
      .map((e) =>
        j({
          id: e.id, situationId: e.situationId, externalId: e.externalId, eventDate: iso(e.eventDate), timePrecision: e.timePrecision, disorderType: e.disorderType, eventType: e.eventType,
          subEventType: e.subEventType, actor1: e.actor1, assocActor1: e.assocActor1, actor2: e.actor2, assocActor2: e.assocActor2, interaction: e.interaction,
          civilianTargeting: e.civilianTargeting, countryIso3: e.countryIso3, admin1: e.admin1, admin2: e.admin2, admin3: e.admin3, location: e.location,
          latitude: e.latitude?.toString() ?? null, longitude: e.longitude?.toString() ?? null, geoPrecision: e.geoPrecision, sourceText: e.sourceText, sourceScale: e.sourceScale,
          notes: e.notes, fatalities: e.fatalities, tags: e.tags, crimes: e.crimes, createdBy: who(e.createdById), createdAt: iso(e.createdAt), deletedAt: iso(e.deletedAt),
          indicators: e.indicators.map((i) => key(i.indicator.key)), citations: e.citations,
        }),
      )
      .join(",");
    yield (first ? "" : ",") + text;
    first = false;
    if (events.length < BATCH) break;
    cursor = events[events.length - 1].id;
  }
  yield "]}";
}

const citation = z.object({ sourceId: z.string(), locator: z.string() });
// The records' days are checked by the forms' date rules (lib/forms/dates), so a restore brings back no day a form would refuse.
const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT, { message: "This is not a backup of this application." }),
  version: z.literal(BACKUP_VERSION, { message: `This backup's format version is not ${BACKUP_VERSION}, the one this version of the application reads.` }),
  organisation: z.object({ assessmentIntervalDays: z.number().int(), sensitivityMarking: z.string(), requireTwoFactor: z.boolean() }).passthrough(),
  indicators: z.array(z.object({ key: z.string(), code: z.string(), riskFactor: z.number().int().min(1).max(14), position: z.number().int(), text: z.string(), retiredAt: z.string().nullable() })),
  sources: z.array(z.record(z.string(), z.unknown()).and(z.object({ id: z.string(), title: z.string(), publishedOn: storedDayField(DATE_RULES.publishedOn).nullish(), accessedOn: storedDayField(DATE_RULES.accessedOn).nullish() }))),
  situations: z.array(z.record(z.string(), z.unknown()).and(z.object({ id: z.string(), monitoringSince: storedDayField(DATE_RULES.monitoringSince).nullish(), crimes: z.array(z.object({ crime: z.string(), status: z.string(), rationale: z.string(), updatedBy: z.string().nullable(), citations: z.array(citation) })) }))),
  assessments: z.array(z.record(z.string(), z.unknown()).and(z.object({ id: z.string(), situationId: z.string(), assessedOn: storedDayField(DATE_RULES.assessedOn), ratings: z.array(z.record(z.string(), z.unknown()).and(z.object({ indicator: z.string(), citations: z.array(citation) }))) }))),
  responses: z.array(z.record(z.string(), z.unknown()).and(z.object({ id: z.string(), situationId: z.string(), startDate: storedDayField(DATE_RULES.responseDate), endDate: storedDayField(DATE_RULES.responseDate).nullish(), citations: z.array(citation) }))),
  events: z.array(z.record(z.string(), z.unknown()).and(z.object({ id: z.string(), situationId: z.string().nullable(), eventDate: storedDayField(DATE_RULES.eventDate), indicators: z.array(z.string()), citations: z.array(citation) }))),
});
export type Backup = z.infer<typeof backupSchema>;

export function parseBackup(data: unknown): { ok: true; backup: Backup } | { ok: false; message: string } {
  const r = backupSchema.safeParse(data);
  if (r.success) return { ok: true, backup: r.data };
  const issue = r.error.issues[0];
  return { ok: false, message: issue.path.length <= 1 && issue.message ? issue.message : `The backup is damaged near ${issue.path.join(".")}: ${issue.message}` };
}

type Any = Record<string, unknown>;
const date = (v: unknown) => (v ? new Date(v as string) : null);

/** Restores a backup into an empty organisation, in the caller's transaction. */
export async function restoreBackup(tx: Tx, backup: Backup, organisationId: string, restoringUserId: string) {
  const members = await tx.user.findMany({ where: { memberships: { some: { organisationId } } }, select: { id: true, email: true } });
  const byEmail = new Map(members.map((m) => [m.email, m.id]));
  const person = (email: unknown) => (typeof email === "string" && byEmail.get(email)) || restoringUserId;
  const newId = new Map<string, string>();
  const idFor = (old: string) => {
    let id = newId.get(old);
    if (!id) newId.set(old, (id = randomUUID()));
    return id;
  };
  const mapped = (old: string | null | undefined) => (old ? idFor(old) : null);

  await tx.organisation.update({ where: { id: organisationId }, data: { assessmentIntervalDays: backup.organisation.assessmentIntervalDays, sensitivityMarking: backup.organisation.sensitivityMarking } });

  // Indicators: the Framework's by key; own ones created under this organisation.
  const keyToId = new Map((await tx.indicator.findMany({ where: { organisationId: null }, select: { id: true, key: true } })).map((i) => [i.key, i.id]));
  for (const i of backup.indicators) {
    const created = await tx.indicator.create({
      data: { key: `${organisationId}:${i.code}`, code: i.code, riskFactorNumber: i.riskFactor, position: i.position, text: i.text, retiredAt: date(i.retiredAt), organisationId },
    });
    keyToId.set(i.key, created.id);
  }
  const indicatorId = (k: string) => {
    const id = keyToId.get(k);
    if (!id) throw new Error(`The backup refers to an indicator (${k}) this installation does not have.`);
    return id;
  };

  const sources = backup.sources as Any[];
  await chunked(sources, (rows) =>
    tx.source.createMany({
      data: rows.map((s) => ({
        id: idFor(s.id as string), organisationId, title: s.title as string, publisher: s.publisher as string, author: s.author as string, url: s.url as string | null, unSymbol: s.unSymbol as string | null,
        publishedOn: date(s.publishedOn), accessedOn: date(s.accessedOn), reliability: s.reliability as Prisma.SourceCreateManyInput["reliability"], credibility: s.credibility as number, notes: s.notes as string,
        fileName: s.fileName as string | null, fileSize: s.fileSize as number | null, fileType: s.fileType as string | null, fileSha256: s.fileSha256 as string | null,
        createdById: person(s.createdBy), createdAt: date(s.createdAt) ?? new Date(), deletedAt: date(s.deletedAt),
      })),
    }),
  );
  const cite = (cs: { sourceId: string; locator: string }[], claim: Partial<Prisma.CitationCreateManyInput>) => cs.map((c) => ({ ...claim, sourceId: idFor(c.sourceId), locator: c.locator, createdById: restoringUserId }));
  const citations: Prisma.CitationCreateManyInput[] = [];

  for (const s of backup.situations as (Any & Backup["situations"][number])[]) {
    const id = idFor(s.id);
    await tx.situation.create({
      data: {
        id, organisationId, countryIso3: s.countryIso3 as string, scope: s.scope as string | null, title: s.title as string, summary: s.summary as string, background: s.background as string,
        recommendedAction: s.recommendedAction as string, notes: s.notes as string, riskCategory: s.riskCategory as Prisma.SituationCreateInput["riskCategory"], riskCategorySince: date(s.riskCategorySince) ?? new Date(),
        populationsAtRisk: s.populationsAtRisk as string, perpetrators: s.perpetrators as string, visibility: s.visibility as Prisma.SituationCreateInput["visibility"], monitoringSince: date(s.monitoringSince),
        lastAssessedAt: date(s.lastAssessedAt), isDemo: Boolean(s.isDemo), createdById: person(s.createdBy), updatedById: person(s.updatedBy), createdAt: date(s.createdAt) ?? new Date(), archivedAt: date(s.archivedAt),
      },
    });
    for (const c of s.crimes) {
      const ca = await tx.crimeAssessment.create({ data: { situationId: id, crime: c.crime as Prisma.CrimeAssessmentCreateManyInput["crime"], status: c.status as Prisma.CrimeAssessmentCreateManyInput["status"], rationale: c.rationale, updatedById: person(c.updatedBy) } });
      citations.push(...cite(c.citations, { crimeAssessmentId: ca.id }));
    }
  }

  for (const a of backup.assessments as (Any & Backup["assessments"][number])[]) {
    const id = idFor(a.id);
    await tx.assessment.create({
      data: {
        id, organisationId, situationId: idFor(a.situationId), assessedOn: date(a.assessedOn)!, status: a.status as "DRAFT" | "PUBLISHED", summary: a.summary as string, overallScore: a.overallScore as number | null,
        scores: (a.scores ? mapDrivers(a.scores, indicatorId) : undefined) as Prisma.InputJsonValue | undefined, createdById: person(a.createdBy), publishedById: a.publishedBy ? person(a.publishedBy) : null, publishedAt: date(a.publishedAt),
        createdAt: date(a.createdAt) ?? new Date(), deletedAt: date(a.deletedAt),
      },
    });
    for (const r of a.ratings as (Any & Backup["assessments"][number]["ratings"][number])[]) {
      const rating = await tx.indicatorRating.create({
        data: { assessmentId: id, indicatorId: indicatorId(r.indicator), level: r.level as "NONE", trend: (r.trend ?? null) as "RISING" | null, confidence: (r.confidence ?? null) as "LOW" | null, evidence: r.evidence as string },
      });
      citations.push(...cite(r.citations, { indicatorRatingId: rating.id }));
    }
  }
  for (const r of backup.responses as (Any & Backup["responses"][number])[]) {
    const id = idFor(r.id);
    await tx.response.create({
      data: {
        id, organisationId, situationId: idFor(r.situationId), pillar: r.pillar as "I", type: r.type as "STATEMENT", actorType: r.actorType as "OTHER_STATE", actorName: r.actorName as string, title: r.title as string,
        description: r.description as string, startDate: date(r.startDate)!, endDate: date(r.endDate), reference: r.reference as string | null, status: r.status as "ADOPTED", effect: r.effect as "NONE",
        effectNotes: r.effectNotes as string, createdById: person(r.createdBy), createdAt: date(r.createdAt) ?? new Date(), deletedAt: date(r.deletedAt),
      },
    });
    citations.push(...cite(r.citations, { responseId: id }));
  }

  const events = backup.events as (Any & Backup["events"][number])[];
  await chunked(events, async (rows) => {
    await tx.event.createMany({
      data: rows.map((e) => ({
        id: idFor(e.id), organisationId, situationId: mapped(e.situationId), externalId: e.externalId as string | null, eventDate: date(e.eventDate)!, timePrecision: e.timePrecision as number | null,
        disorderType: e.disorderType as string | null, eventType: e.eventType as string, subEventType: e.subEventType as string | null, actor1: e.actor1 as string | null, assocActor1: e.assocActor1 as string | null,
        actor2: e.actor2 as string | null, assocActor2: e.assocActor2 as string | null, interaction: e.interaction as string | null, civilianTargeting: Boolean(e.civilianTargeting), countryIso3: e.countryIso3 as string | null,
        admin1: e.admin1 as string | null, admin2: e.admin2 as string | null, admin3: e.admin3 as string | null, location: e.location as string | null, latitude: e.latitude as string | null, longitude: e.longitude as string | null,
        geoPrecision: e.geoPrecision as number | null, sourceText: e.sourceText as string | null, sourceScale: e.sourceScale as string | null, notes: e.notes as string, fatalities: e.fatalities as number, tags: e.tags as string | null,
        crimes: e.crimes as Prisma.EventCreateManyInput["crimes"], createdById: person(e.createdBy), createdAt: date(e.createdAt) ?? new Date(), deletedAt: date(e.deletedAt),
      })),
    });
    const links = rows.flatMap((e) => e.indicators.map((k) => ({ eventId: idFor(e.id), indicatorId: indicatorId(k) })));
    if (links.length) await tx.eventIndicator.createMany({ data: links });
    for (const e of rows) citations.push(...cite(e.citations, { eventId: idFor(e.id) }));
  });
  await chunked(citations, (rows) => tx.citation.createMany({ data: rows }));
  return { situations: backup.situations.length, sources: backup.sources.length, assessments: backup.assessments.length, responses: backup.responses.length, events: backup.events.length, indicators: backup.indicators.length };
}

async function chunked<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>, size = 1000) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}
