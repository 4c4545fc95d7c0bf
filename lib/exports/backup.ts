// The organisation's whole dataset as JSON (a documented, versioned format), streamed; its restore
// is lib/exports/restore-backup.ts (read as a stream by lib/exports/backup-reader.ts, every record
// checked by lib/exports/backup-records.ts). Ids in the file only link its records together.
// People are referred to by e-mail: on restore, each maps to the member with that e-mail (authors
// of records otherwise to the administrator restoring; alerts' readers and followers are kept only
// for members). Attached files themselves are not in the backup (their names and SHA-256 are).
// Format (version 2; version 1 lacked imports, alerts, watches, importMappings and auditLog):
// { format: "atrocity-early-warning-backup", version: 2, exportedAt,
//   organisation: { id, name, assessmentIntervalDays, sensitivityMarking, requireTwoFactor },
//   indicators: [own indicators, key "own:<code>"], sources: [...],
//   situations: [... crimes: [... citations], citations, externalRatings], imports: [EventImport],
//   assessments: [... ratings: [{ indicator (key), ..., citations }]], responses: [... citations],
//   events: [... indicators (keys), citations], alerts: [... receipts: [{ user (e-mail), ... }]],
//   watches: [{ user, situationId, createdAt }], importMappings: [{ id, name, mapping, updatedAt }],
//   auditLog: [{ at, user, action, entityType, entityId, before, after, meta, restored }] }
// Every column of every record but the organisation's own key and stored files' keys; dates as
// ISO strings, deleted records included; a citation is { id, sourceId, locator, createdBy, createdAt }.
// The parts come in this order: a record's references always come before it, so a restore can
// write each record as it reads it.
import type { Db } from "@/lib/db-client";
import { indicatorCatalogueWhere } from "@/lib/access/indicators";

export const BACKUP_FORMAT = "atrocity-early-warning-backup";
export const BACKUP_VERSION = 2;
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
  const org = await db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { id: true, name: true, assessmentIntervalDays: true, sensitivityMarking: true, requireTwoFactor: true, minScoreCoverage: true, signalSensitivity: true } });
  const emails = new Map((await db.user.findMany({ select: { id: true, email: true } })).map((u) => [u.id, u.email]));
  const who = (id: string | null | undefined) => (id ? (emails.get(id) ?? null) : null);
  const key = (k: string) => portableKey(k, organisationId);
  const j = (v: unknown) => JSON.stringify(v);
  const cited = (cs: { id: string; sourceId: string; locator: string; createdById: string; createdAt: Date }[]) =>
    cs.map((c) => ({ id: c.id, sourceId: c.sourceId, locator: c.locator, createdBy: who(c.createdById), createdAt: iso(c.createdAt) }));
  const citations = { select: { id: true, sourceId: true, locator: true, createdById: true, createdAt: true }, orderBy: { id: "asc" as const } };

  /** One top-level list, read a page at a time (by id) and written a page at a time: never a whole table in memory. */
  async function* list<T extends { id: string | bigint }>(name: string, read: (after: T["id"] | undefined, take: number) => Promise<T[]>, write: (row: T) => unknown, take = 1000) {
    yield `,${j(name)}:[`;
    let after: T["id"] | undefined;
    let first = true;
    for (;;) {
      const rows = await read(after, take);
      if (rows.length) yield (first ? "" : ",") + rows.map((r) => j(write(r))).join(",");
      first = false;
      if (rows.length < take) break;
      after = rows[rows.length - 1].id;
    }
    yield "]";
  }
  const page = (after: string | undefined): { id?: { gt: string } } => (after === undefined ? {} : { id: { gt: after } });

  yield `{"format":${j(BACKUP_FORMAT)},"version":${BACKUP_VERSION},"exportedAt":${j(new Date().toISOString())},"organisation":${j(org)}`;

  yield* list(
    "indicators",
    (after: string | undefined, take: number) => db.indicator.findMany({ where: { organisationId, ...page(after) }, orderBy: { id: "asc" }, take }),
    (i) => ({ id: i.id, key: key(i.key), code: i.code, riskFactor: i.riskFactorNumber, position: i.position, text: i.text, retiredAt: iso(i.retiredAt), version: i.version, createdAt: iso(i.createdAt), updatedAt: iso(i.updatedAt) }),
  );

  yield* list(
    "sources",
    (after: string | undefined, take: number) => db.source.findMany({ where: { organisationId, ...page(after) }, orderBy: { id: "asc" }, take }),
    (s) => ({
      id: s.id, title: s.title, publisher: s.publisher, author: s.author, url: s.url, unSymbol: s.unSymbol, publishedOn: iso(s.publishedOn), accessedOn: iso(s.accessedOn),
      reliability: s.reliability, credibility: s.credibility, notes: s.notes, fileName: s.fileName, fileSize: s.fileSize, fileType: s.fileType, fileSha256: s.fileSha256,
      version: s.version, createdBy: who(s.createdById), createdAt: iso(s.createdAt), updatedAt: iso(s.updatedAt), deletedAt: iso(s.deletedAt),
    }),
  );

  yield* list(
    "situations",
    (after: string | undefined, take: number) =>
      db.situation.findMany({
        where: { organisationId, ...page(after) },
        orderBy: { id: "asc" },
        take,
        include: { crimes: { orderBy: { crime: "asc" }, include: { citations } }, citations, externalRatings: { orderBy: { id: "asc" } } },
      }),
    (s) => ({
      id: s.id, countryIso3: s.countryIso3, scope: s.scope, title: s.title, summary: s.summary, background: s.background, recommendedAction: s.recommendedAction, notes: s.notes,
      riskCategory: s.riskCategory, riskCategorySince: iso(s.riskCategorySince), populationsAtRisk: s.populationsAtRisk, perpetrators: s.perpetrators, visibility: s.visibility,
      monitoringSince: iso(s.monitoringSince), lastAssessedAt: iso(s.lastAssessedAt), isDemo: s.isDemo, version: s.version, createdBy: who(s.createdById), updatedBy: who(s.updatedById),
      createdAt: iso(s.createdAt), updatedAt: iso(s.updatedAt), archivedAt: iso(s.archivedAt),
      crimes: s.crimes.map((c) => ({ id: c.id, crime: c.crime, status: c.status, rationale: c.rationale, updatedBy: who(c.updatedById), createdAt: iso(c.createdAt), updatedAt: iso(c.updatedAt), citations: cited(c.citations) })),
      // Citations of the situation itself (not of one of its crimes, rounds, responses or events).
      citations: cited(s.citations),
      externalRatings: s.externalRatings.map((r) => ({
        id: r.id, system: r.system, value: r.value, score: r.score, ratedOn: iso(r.ratedOn), url: r.url, rank: r.rank, rankOf: r.rankOf, year: r.year, stage: r.stage, note: r.note,
        organisationId: r.organisationId, createdBy: who(r.createdById), createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt), deletedAt: iso(r.deletedAt),
      })),
    }),
    200,
  );

  yield* list(
    "imports",
    (after: string | undefined, take: number) => db.eventImport.findMany({ where: { organisationId, ...page(after) }, orderBy: { id: "asc" }, take }),
    (i) => ({
      id: i.id, situationId: i.situationId, fileName: i.fileName, sha256: i.sha256, fileSize: i.fileSize, delimiter: i.delimiter, headers: i.headers, status: i.status,
      totalRows: i.totalRows, processedRows: i.processedRows, createdCount: i.createdCount, updatedCount: i.updatedCount, unchangedCount: i.unchangedCount, skippedCount: i.skippedCount,
      withoutSituationCount: i.withoutSituationCount, problems: i.problems, mapping: i.mapping, createdBy: who(i.createdById), createdAt: iso(i.createdAt), finishedAt: iso(i.finishedAt),
    }),
  );

  const keyById = new Map((await db.indicator.findMany({ where: indicatorCatalogueWhere({ organisationId }), select: { id: true, key: true } })).map((i) => [i.id, key(i.key)]));
  yield* list(
    "assessments",
    (after: string | undefined, take: number) =>
      db.assessment.findMany({
        where: { organisationId, ...page(after) },
        orderBy: { id: "asc" },
        take,
        include: { ratings: { orderBy: { id: "asc" }, include: { citations } }, suggestions: { orderBy: { id: "asc" } } },
      }),
    (a) => ({
      id: a.id, situationId: a.situationId, assessedOn: iso(a.assessedOn), status: a.status, summary: a.summary, overallScore: a.overallScore, scores: mapDrivers(a.scores, (id) => keyById.get(id) ?? id),
      methodVersion: a.methodVersion, version: a.version, createdBy: who(a.createdById), publishedBy: who(a.publishedById), publishedAt: iso(a.publishedAt), createdAt: iso(a.createdAt), updatedAt: iso(a.updatedAt), deletedAt: iso(a.deletedAt),
      ratings: a.ratings.map((r) => ({ id: r.id, indicator: keyById.get(r.indicatorId) ?? r.indicatorId, level: r.level, trend: r.trend, confidence: r.confidence, evidence: r.evidence, updatedAt: iso(r.updatedAt), citations: cited(r.citations) })),
      // The ratings the event log suggested and what the analysts decided (issue #28).
      suggestions: a.suggestions.map((g) => ({
        id: g.id, indicator: keyById.get(g.indicatorId) ?? g.indicatorId, fromLevel: g.fromLevel, suggestedLevel: g.suggestedLevel, evidence: g.evidence, decision: g.decision, reason: g.reason,
        decidedBy: who(g.decidedById), decidedAt: iso(g.decidedAt), createdAt: iso(g.createdAt),
      })),
    }),
    100,
  );

  yield* list(
    "responses",
    (after: string | undefined, take: number) => db.response.findMany({ where: { organisationId, ...page(after) }, orderBy: { id: "asc" }, take, include: { citations } }),
    (r) => ({
      id: r.id, situationId: r.situationId, pillar: r.pillar, type: r.type, actorType: r.actorType, actorName: r.actorName, title: r.title, description: r.description,
      startDate: iso(r.startDate), endDate: iso(r.endDate), reference: r.reference, status: r.status, effect: r.effect, effectNotes: r.effectNotes,
      version: r.version, createdBy: who(r.createdById), createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt), deletedAt: iso(r.deletedAt), citations: cited(r.citations),
    }),
  );

  // Events: an event without a crime list (NULL: how the import stores them) stays null, an empty list [] (the form's) stays [].
  let noCrimes = new Set<string>();
  yield* list(
    "events",
    async (after: string | undefined, take: number) => {
      const rows = await db.event.findMany({
        where: { organisationId, ...page(after) },
        orderBy: { id: "asc" },
        take,
        include: { indicators: { select: { indicatorId: true }, orderBy: { indicatorId: "asc" } }, citations },
      });
      const ids = rows.map((e) => e.id);
      noCrimes = new Set(ids.length ? (await db.$queryRaw<{ id: string }[]>`SELECT id FROM "Event" WHERE id = ANY(${ids}) AND crimes IS NULL`).map((r) => r.id) : []);
      return rows;
    },
    (e) => ({
      id: e.id, situationId: e.situationId, externalId: e.externalId, eventDate: iso(e.eventDate), timePrecision: e.timePrecision, disorderType: e.disorderType, eventType: e.eventType,
      subEventType: e.subEventType, actor1: e.actor1, assocActor1: e.assocActor1, actor2: e.actor2, assocActor2: e.assocActor2, interaction: e.interaction,
      civilianTargeting: e.civilianTargeting, countryIso3: e.countryIso3, admin1: e.admin1, admin2: e.admin2, admin3: e.admin3, location: e.location,
      latitude: e.latitude?.toString() ?? null, longitude: e.longitude?.toString() ?? null, geoPrecision: e.geoPrecision, sourceText: e.sourceText, sourceScale: e.sourceScale,
      notes: e.notes, fatalities: e.fatalities, tags: e.tags, crimes: noCrimes.has(e.id) ? null : e.crimes, importId: e.importId, version: e.version,
      createdBy: who(e.createdById), createdAt: iso(e.createdAt), updatedAt: iso(e.updatedAt), deletedAt: iso(e.deletedAt),
      indicators: e.indicators.map((i) => keyById.get(i.indicatorId) ?? i.indicatorId), citations: cited(e.citations),
    }),
    BATCH,
  );

  yield* list(
    "alerts",
    (after: string | undefined, take: number) => db.alert.findMany({ where: { organisationId, ...page(after) }, orderBy: { id: "asc" }, take, include: { receipts: { orderBy: { userId: "asc" } } } }),
    (a) => ({
      id: a.id, situationId: a.situationId, rule: a.rule, severity: a.severity, title: a.title, detail: a.detail, dedupeKey: a.dedupeKey, createdAt: iso(a.createdAt), raisedBy: who(a.raisedById),
      receipts: a.receipts.flatMap((r) => (who(r.userId) ? [{ user: who(r.userId), readAt: iso(r.readAt), emailedAt: iso(r.emailedAt) }] : [])),
    }),
  );

  // Who follows which situation, by e-mail (restored for the members the organisation has then).
  const watches = await db.watch.findMany({ where: { situation: { organisationId } }, orderBy: [{ situationId: "asc" }, { userId: "asc" }] });
  yield `,"watches":${j(watches.flatMap((w) => (who(w.userId) ? [{ user: who(w.userId), situationId: w.situationId, createdAt: iso(w.createdAt) }] : [])))}`;
  const mappings = await db.importMapping.findMany({ where: { organisationId }, orderBy: { name: "asc" } });
  yield `,"importMappings":${j(mappings.map((m) => ({ id: m.id, name: m.name, mapping: m.mapping, updatedAt: iso(m.updatedAt) })))}`;

  // The audit log, oldest first: the organisation's chain of custody. An entry restored from an
  // earlier backup keeps the author's e-mail that backup named.
  yield* list(
    "auditLog",
    (after: bigint | undefined, take: number) => db.auditEntry.findMany({ where: { organisationId, ...(after === undefined ? {} : { id: { gt: after } }) }, orderBy: { id: "asc" }, take }),
    (a) => ({
      at: iso(a.at), user: who(a.userId) ?? ((a.restored as { user?: string | null } | null)?.user ?? null), action: a.action, entityType: a.entityType, entityId: a.entityId,
      before: a.before, after: a.after, meta: a.meta, restored: a.restored,
    }),
    BATCH,
  );
  yield "}";
}
