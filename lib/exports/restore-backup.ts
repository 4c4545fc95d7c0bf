import "server-only";
// Restores a backup, read as a stream (lib/exports/backup-reader.ts), into an empty organisation,
// in the caller's transaction: every record is checked (lib/exports/backup-records.ts) and written
// in batches as it arrives, citations with their claims, so memory holds one batch, never the file.
// A refused record, a malformed or cut file, or a database refusal throws, and the caller's
// transaction rolls everything back.
//
// Ids: a record's id in the file only links the file's records together. The restored id is
// derived from the organisation and the file's id (restoredId: a SHA-256 in UUID form), so a
// reference is mapped without keeping a table of every id in memory (a backup may hold millions
// of events), and two restores of one file into two organisations never collide.
import { createHash, randomUUID } from "node:crypto";
import { prepareValue } from "pg/lib/utils";
import type { Tx } from "@/lib/db-client";
import { Prisma } from "@/lib/generated/prisma/client";
import { BACKUP_FORMAT } from "@/lib/exports/backup";
import { BackupFileError, type BackupEntry } from "@/lib/exports/backup-reader";
import {
  BackupRecordError,
  checkAlert,
  checkAssessment,
  checkAudit,
  checkEvent,
  checkImport,
  checkIndicator,
  checkMapping,
  checkOrganisation,
  checkResponse,
  checkSituation,
  checkSource,
  checkWatch,
  type AlertRecord,
  type AuditRecord,
  type BackupCitation,
  type EventRecord,
  type ImportRecord,
  type MappingRecord,
  type ResponseRecord,
  type SourceRecord,
  type WatchRecord,
} from "@/lib/exports/backup-records";

/** Versions this restore reads: 1 (no history, alerts, watches or mappings) and 2. */
export const READABLE_VERSIONS = [1, 2];

/** The top-level parts of a backup, in the order the file holds them (a record's references come before it). */
const PARTS = ["format", "version", "exportedAt", "organisation", "indicators", "sources", "situations", "imports", "assessments", "responses", "events", "alerts", "watches", "importMappings", "auditLog"] as const;
type Part = (typeof PARTS)[number];
const ARRAYS = new Set<Part>(["indicators", "sources", "situations", "imports", "assessments", "responses", "events", "alerts", "watches", "importMappings", "auditLog"]);

/** Record types whose ids the restore maps (an audit entry's entityId, ids inside its details). */
const MAPPED_ENTITIES = new Set(["Situation", "Source", "Assessment", "Response", "Event", "EventImport", "Indicator", "Alert", "ExternalRating"]);

/**
 * Records per statement. Small on purpose: Prisma keeps the arguments of its last 100 debug calls
 * (@prisma/debug's history for error reports), the parameters of recent statements among them, so
 * what stays in memory is about 100 batches' worth, however large the file: 1,000 events per
 * statement kept some 50 MB alive, 250 about a quarter of that.
 */
export const BATCH = 250;

export function restoredId(organisationId: string, oldId: string): string {
  const h = createHash("sha256").update(`${organisationId}\n${oldId}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export type RestoreCounts = {
  indicators: number;
  sources: number;
  situations: number;
  imports: number;
  assessments: number;
  ratings: number;
  responses: number;
  events: number;
  citations: number;
  alerts: number;
  watches: number;
  importMappings: number;
  auditEntries: number;
};

const date = (v: string | null | undefined) => (v ? new Date(v) : null);
const json = (v: unknown) => (v === null || v === undefined ? undefined : (v as Prisma.InputJsonValue));

/** Stored scores name their driving indicators; in the file by key, here by id. */
function mapDrivers(scores: unknown, map: (key: string) => string): unknown {
  if (Array.isArray(scores)) return scores.map((x) => mapDrivers(x, map));
  if (scores && typeof scores === "object") {
    return Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, k === "indicatorId" && typeof v === "string" ? map(v) : mapDrivers(v, map)]));
  }
  return scores;
}

type Cell = string | number | boolean | null;

/**
 * Writes rows with one statement: each column travels as one array parameter (made by
 * node-postgres' own serialiser) and is unnested by PostgreSQL, as the event import does. Measured
 * on 40,000 events: Prisma's createMany of the same batches took 65 s and its memory grew by some
 * 270 MB; this takes a fraction of both. `columns` are [column, SQL type of the array's elements,
 * expression turning the unnested value into the column's, with $ for the value].
 */
async function insertRows(tx: Tx, table: string, columns: [string, string, string?][], rows: Cell[][]) {
  if (!rows.length) return;
  const arrays = columns.map((_, i) => prepareValue(rows.map((r) => r[i])) as string);
  const names = columns.map(([c]) => `"${c}"`).join(", ");
  const select = columns.map(([, , expr], i) => (expr ?? "$").replaceAll("$", `u.c${i}`)).join(", ");
  const alias = columns.map((_, i) => `c${i}`).join(", ");
  await tx.$executeRaw`INSERT INTO ${Prisma.raw(`"${table}" (${names})`)} SELECT ${Prisma.raw(select)} FROM unnest(${Prisma.join(arrays.map((a, i) => Prisma.sql`${a}::${Prisma.raw(columns[i][1])}[]`))}) AS ${Prisma.raw(`u(${alias})`)}`;
}

// Instants travel as the file's ISO text ("...Z"), read by PostgreSQL as UTC, as Prisma stores them.
const TS = "timestamp(3)";
const EVENT_COLUMNS: [string, string, string?][] = [
  ["id", "text"], ["organisationId", "text"], ["situationId", "text"], ["externalId", "text"], ["eventDate", "date"], ["timePrecision", "int"], ["disorderType", "text"], ["eventType", "text"],
  ["subEventType", "text"], ["actor1", "text"], ["assocActor1", "text"], ["actor2", "text"], ["assocActor2", "text"], ["interaction", "text"], ["civilianTargeting", "boolean"], ["countryIso3", "text"],
  ["admin1", "text"], ["admin2", "text"], ["admin3", "text"], ["location", "text"], ["latitude", "numeric"], ["longitude", "numeric"], ["geoPrecision", "int"], ["sourceText", "text"], ["sourceScale", "text"],
  ["notes", "text"], ["fatalities", "int"], ["tags", "text"], ["crimes", "text", `$::"Crime"[]`], ["importId", "text"], ["version", "int"], ["createdById", "text"], ["createdAt", TS], ["updatedAt", TS, "COALESCE($, now())"], ["deletedAt", TS],
];
const CITATION_COLUMNS: [string, string, string?][] = [
  ["id", "text"], ["sourceId", "text"], ["situationId", "text"], ["crimeAssessmentId", "text"], ["indicatorRatingId", "text"], ["responseId", "text"], ["eventId", "text"], ["locator", "text"], ["createdById", "text"], ["createdAt", TS, "COALESCE($, now())"],
];
const AUDIT_COLUMNS: [string, string, string?][] = [
  ["at", TS], ["userId", "text"], ["organisationId", "text"], ["action", "text"], ["entityType", "text"], ["entityId", "text"], ["before", "text", "$::jsonb"], ["after", "text", "$::jsonb"], ["meta", "text", "$::jsonb"], ["restored", "text", "$::jsonb"],
];
/** A JSON value as text for a jsonb column; null stays SQL NULL (as Prisma writes a missing Json?). */
const jsonText = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

export class BackupRestore {
  readonly counts: RestoreCounts = { indicators: 0, sources: 0, situations: 0, imports: 0, assessments: 0, ratings: 0, responses: 0, events: 0, citations: 0, alerts: 0, watches: 0, importMappings: 0, auditEntries: 0 };
  exportedAt: string | null = null;
  private last = -1;
  private format = false;
  private version: number | null = null;
  private oldOrganisationId: string | null = null;
  private organisationSeen = false;
  private members = new Map<string, string>();
  private keyToId = new Map<string, string>();
  /** The file's ids of everything but events, ratings and citations (those may be millions; external ratings are few, and kept): ids inside audit details and alerts are mapped when they are one of these. */
  private known = new Set<string>();
  private batch: unknown[] = [];
  private readonly restoredAt = new Date().toISOString();

  constructor(
    private readonly tx: Tx,
    private readonly organisationId: string,
    private readonly restoringUserId: string,
  ) {}

  private id = (old: string) => restoredId(this.organisationId, old);
  private person = (email: string | null | undefined) => (email && this.members.get(email)) || this.restoringUserId;
  private member = (email: string | null | undefined) => (email ? (this.members.get(email) ?? null) : null);

  async start() {
    const members = await this.tx.user.findMany({ where: { memberships: { some: { organisationId: this.organisationId } } }, select: { id: true, email: true } });
    this.members = new Map(members.map((m) => [m.email, m.id]));
    const framework = await this.tx.indicator.findMany({ where: { organisationId: null }, select: { id: true, key: true } });
    this.keyToId = new Map(framework.map((i) => [i.key, i.id]));
  }

  private indicatorId(key: string) {
    const id = this.keyToId.get(key);
    if (!id) throw new BackupRecordError(`The backup refers to an indicator (${key.slice(0, 60)}) this installation does not have.`);
    return id;
  }

  private enter(key: string) {
    const at = PARTS.indexOf(key as Part);
    if (at < 0) throw new BackupFileError(`This backup holds a part this version of the application does not know (“${key.slice(0, 60)}”).`);
    if (at <= this.last) throw new BackupFileError(`This backup's parts are out of order: its “${key}” come after its “${PARTS[this.last]}”.`);
    if (at > 1 && (!this.format || this.version === null)) throw new BackupFileError("This is not a backup of this application.");
    if (at > 3 && !this.organisationSeen) throw new BackupFileError("This backup has no organisation settings before its records.");
    this.last = at;
    return PARTS[at];
  }

  async take(e: BackupEntry) {
    if (e.kind === "value") {
      const part = this.enter(e.key);
      if (ARRAYS.has(part)) throw new BackupFileError(`This backup's “${part}” is not a list.`);
      if (part === "format") {
        if (e.value !== BACKUP_FORMAT) throw new BackupFileError("This is not a backup of this application.");
        this.format = true;
      } else if (part === "version") {
        if (typeof e.value !== "number" || !READABLE_VERSIONS.includes(e.value)) throw new BackupFileError(`This backup's format version is not one this version of the application reads (${READABLE_VERSIONS.join(" or ")}).`);
        this.version = e.value;
      } else if (part === "exportedAt") {
        this.exportedAt = typeof e.value === "string" ? e.value.slice(0, 40) : null;
      } else if (part === "organisation") {
        const o = checkOrganisation(e.value);
        this.organisationSeen = true;
        this.oldOrganisationId = o.id ?? null;
        await this.tx.organisation.update({ where: { id: this.organisationId }, data: {
            assessmentIntervalDays: o.assessmentIntervalDays,
            sensitivityMarking: o.sensitivityMarking.trim(),
            requireTwoFactor: o.requireTwoFactor,
            ...(o.minScoreCoverage !== undefined ? { minScoreCoverage: o.minScoreCoverage } : {}),
            ...(o.signalSensitivity !== undefined ? { signalSensitivity: o.signalSensitivity } : {}),
          },
        });
      }
      return;
    }
    if (e.kind === "start") {
      const part = this.enter(e.key);
      if (!ARRAYS.has(part)) throw new BackupFileError(`This backup's “${part}” is a list where a single value belongs.`);
      this.batch = [];
      return;
    }
    const part = e.key as Part;
    if (e.kind === "end") return this.flush(part);
    this.batch.push(this.check(part, e.value, e.index));
    // Situations and rounds carry their crimes and ratings: written a few at a time.
    if (this.batch.length >= (part === "situations" || part === "assessments" ? 50 : BATCH)) await this.flush(part);
  }

  finish() {
    if (!this.format || this.version === null) throw new BackupFileError("This is not a backup of this application.");
    return this.counts;
  }

  private check(part: Part, value: unknown, index: number): unknown {
    switch (part) {
      case "indicators": return checkIndicator(value, index);
      case "sources": return checkSource(value, index);
      case "situations": return checkSituation(value, index);
      case "imports": return checkImport(value, index);
      case "assessments": return checkAssessment(value, index);
      case "responses": return checkResponse(value, index);
      case "events": return checkEvent(value, index);
      case "alerts": return checkAlert(value, index);
      case "watches": return checkWatch(value, index);
      case "importMappings": return checkMapping(value, index);
      case "auditLog": return checkAudit(value, index);
      default: throw new BackupFileError(`This backup's “${part}” is not a list.`);
    }
  }

  private async flush(part: Part) {
    const rows = this.batch;
    this.batch = [];
    if (!rows.length) return;
    const tx = this.tx;
    const orgId = this.organisationId;
    switch (part) {
      case "indicators":
        for (const i of rows as ReturnType<typeof checkIndicator>[]) {
          const id = this.id(i.id ?? i.key);
          await tx.indicator.create({ data: { id, key: `${orgId}:${i.code}`, code: i.code, riskFactorNumber: i.riskFactor, position: i.position, text: i.text.trim(), retiredAt: date(i.retiredAt), organisationId: orgId, version: i.version, createdAt: date(i.createdAt) ?? undefined, updatedAt: date(i.updatedAt) ?? undefined } });
          this.keyToId.set(i.key, id);
          if (i.id) this.known.add(i.id);
          this.counts.indicators++;
        }
        return;
      case "sources":
        await tx.source.createMany({ data: (rows as SourceRecord[]).map((s) => {
          this.known.add(s.id);
          return {
            id: this.id(s.id), organisationId: orgId, title: s.title, publisher: s.publisher, author: s.author, url: s.url, unSymbol: s.unSymbol, publishedOn: date(s.publishedOn), accessedOn: date(s.accessedOn),
            reliability: s.reliability, credibility: s.credibility, notes: s.notes, fileName: s.fileName, fileSize: s.fileSize, fileType: s.fileType, fileSha256: s.fileSha256,
            version: s.version, createdById: this.person(s.createdBy), createdAt: date(s.createdAt)!, updatedAt: date(s.updatedAt) ?? undefined, deletedAt: date(s.deletedAt),
          };
        }) });
        this.counts.sources += rows.length;
        return;
      case "situations": {
        const citations: Cell[][] = [];
        for (const s of rows as ReturnType<typeof checkSituation>[]) {
          const id = this.id(s.id);
          this.known.add(s.id);
          await tx.situation.create({
            data: {
              id, organisationId: orgId, countryIso3: s.countryIso3, scope: s.scope, title: s.title, summary: s.summary, background: s.background, recommendedAction: s.recommendedAction, notes: s.notes,
              riskCategory: s.riskCategory, riskCategorySince: date(s.riskCategorySince)!, populationsAtRisk: s.populationsAtRisk, perpetrators: s.perpetrators, visibility: s.visibility,
              monitoringSince: date(s.monitoringSince), lastAssessedAt: date(s.lastAssessedAt), isDemo: s.isDemo, version: s.version, createdById: this.person(s.createdBy), updatedById: this.person(s.updatedBy),
              createdAt: date(s.createdAt)!, updatedAt: date(s.updatedAt) ?? undefined, archivedAt: date(s.archivedAt),
            },
          });
          const crimes = s.crimes.map((c) => ({ id: this.id(c.id ?? `${s.id}:crime:${c.crime}`), situationId: id, crime: c.crime, status: c.status, rationale: c.rationale, updatedById: this.person(c.updatedBy), createdAt: date(c.createdAt) ?? undefined, updatedAt: date(c.updatedAt) ?? undefined }));
          await tx.crimeAssessment.createMany({ data: crimes });
          s.crimes.forEach((c, j) => citations.push(...this.cite(c.citations, { crimeAssessmentId: crimes[j].id })));
          citations.push(...this.cite(s.citations ?? [], { situationId: id }));
          const ratings = s.externalRatings ?? [];
          for (const r of ratings) if (r.id) this.known.add(r.id); // the audit log's entries name them
          if (ratings.length) {
            // Recorded by the organisation whose backup it is: restored as recorded by this one.
            await tx.externalRating.createMany({
              data: ratings.map((r, j) => ({
                id: this.id(r.id ?? `${s.id}:rating:${j}`), situationId: id, system: r.system, value: r.value, score: r.score, ratedOn: new Date(r.ratedOn), url: r.url,
                rank: r.rank ?? null, rankOf: r.rankOf ?? null, year: r.year ?? null, stage: r.stage ?? null, note: r.note ?? "", organisationId: r.organisationId ? orgId : null,
                createdById: r.createdBy ? this.person(r.createdBy) : null, createdAt: date(r.createdAt)!, updatedAt: date(r.updatedAt ?? null) ?? undefined, deletedAt: date(r.deletedAt ?? null),
              })),
            });
          }
        }
        await this.writeCitations(citations);
        this.counts.situations += rows.length;
        return;
      }
      case "imports":
        await tx.eventImport.createMany({ data: (rows as ImportRecord[]).map((i) => {
          this.known.add(i.id);
          return {
            id: this.id(i.id), organisationId: orgId, situationId: i.situationId ? this.id(i.situationId) : null, fileName: i.fileName, sha256: i.sha256, fileSize: i.fileSize, delimiter: i.delimiter, headers: i.headers,
            status: i.status, totalRows: i.totalRows, processedRows: i.processedRows, createdCount: i.createdCount, updatedCount: i.updatedCount, unchangedCount: i.unchangedCount, skippedCount: i.skippedCount,
            withoutSituationCount: i.withoutSituationCount, problems: json(i.problems), mapping: json(i.mapping), createdById: this.person(i.createdBy), createdAt: date(i.createdAt)!, finishedAt: date(i.finishedAt),
          };
        }) });
        this.counts.imports += rows.length;
        return;
      case "assessments": {
        const citations: Cell[][] = [];
        for (const a of rows as ReturnType<typeof checkAssessment>[]) {
          const id = this.id(a.id);
          this.known.add(a.id);
          await tx.assessment.create({
            data: {
              id, organisationId: orgId, situationId: this.id(a.situationId), assessedOn: date(a.assessedOn)!, status: a.status, summary: a.summary, overallScore: a.overallScore,
              scores: json(a.scores ? mapDrivers(a.scores, (k) => this.indicatorId(k)) : null), methodVersion: a.methodVersion ?? 1, version: a.version, createdById: this.person(a.createdBy), publishedById: a.publishedBy ? this.person(a.publishedBy) : null,
              publishedAt: date(a.publishedAt), createdAt: date(a.createdAt)!, updatedAt: date(a.updatedAt) ?? undefined, deletedAt: date(a.deletedAt),
            },
          });
          const ratings = a.ratings.map((r) => ({
            id: this.id(r.id ?? `${a.id}:${r.indicator}`), assessmentId: id, indicatorId: this.indicatorId(r.indicator), level: r.level,
            trend: (r.trend || null) as Prisma.IndicatorRatingCreateManyInput["trend"], confidence: (r.confidence || null) as Prisma.IndicatorRatingCreateManyInput["confidence"], evidence: r.evidence, updatedAt: date(r.updatedAt) ?? undefined,
          }));
          if (ratings.length) await tx.indicatorRating.createMany({ data: ratings });
          const suggestions = (a.suggestions ?? []).map((g) => ({
            id: this.id(g.id ?? `${a.id}:suggestion:${g.indicator}`), assessmentId: id, indicatorId: this.indicatorId(g.indicator), fromLevel: g.fromLevel, suggestedLevel: g.suggestedLevel,
            evidence: json(this.suggestionEvidence(g.evidence)), decision: g.decision, reason: g.reason, decidedById: g.decidedBy ? this.person(g.decidedBy) : null, decidedAt: date(g.decidedAt), createdAt: date(g.createdAt)!,
          }));
          if (suggestions.length) await tx.ratingSuggestion.createMany({ data: suggestions });
          a.ratings.forEach((r, j) => citations.push(...this.cite(r.citations, { indicatorRatingId: ratings[j].id })));
          this.counts.ratings += ratings.length;
        }
        await this.writeCitations(citations);
        this.counts.assessments += rows.length;
        return;
      }
      case "responses": {
        const list = rows as ResponseRecord[];
        await tx.response.createMany({ data: list.map((r) => {
          this.known.add(r.id);
          return {
            id: this.id(r.id), organisationId: orgId, situationId: this.id(r.situationId), pillar: r.pillar, type: r.type, actorType: r.actorType, actorName: r.actorName, title: r.title, description: r.description,
            startDate: date(r.startDate)!, endDate: date(r.endDate), reference: r.reference, status: r.status, effect: r.effect, effectNotes: r.effectNotes,
            version: r.version, createdById: this.person(r.createdBy), createdAt: date(r.createdAt)!, updatedAt: date(r.updatedAt) ?? undefined, deletedAt: date(r.deletedAt),
          };
        }) });
        await this.writeCitations(list.flatMap((r) => this.cite(r.citations, { responseId: this.id(r.id) })));
        this.counts.responses += list.length;
        return;
      }
      case "events": {
        const list = rows as EventRecord[];
        await insertRows(tx, "Event", EVENT_COLUMNS, list.map((e) => [
          this.id(e.id), orgId, e.situationId ? this.id(e.situationId) : null, e.externalId, e.eventDate, e.timePrecision, e.disorderType, e.eventType, e.subEventType, e.actor1, e.assocActor1, e.actor2, e.assocActor2,
          e.interaction, e.civilianTargeting, e.countryIso3, e.admin1, e.admin2, e.admin3, e.location, e.latitude, e.longitude, e.geoPrecision, e.sourceText, e.sourceScale, e.notes, e.fatalities, e.tags,
          // null (no list: how imported events are stored) stays null; [] stays an empty list.
          e.crimes === null ? null : `{${e.crimes.join(",")}}`,
          e.importId ? this.id(e.importId) : null, e.version ?? 1, this.person(e.createdBy), e.createdAt, e.updatedAt ?? null, e.deletedAt,
        ]));
        const links = list.flatMap((e) => [...new Set(e.indicators)].map((k): Cell[] => [this.id(e.id), this.indicatorId(k)]));
        await insertRows(tx, "EventIndicator", [["eventId", "text"], ["indicatorId", "text"]], links);
        await this.writeCitations(list.flatMap((e) => this.cite(e.citations, { eventId: this.id(e.id) })));
        this.counts.events += list.length;
        return;
      }
      case "alerts": {
        const list = rows as AlertRecord[];
        await tx.alert.createMany({ data: list.map((a) => ({
          id: this.id(a.id), organisationId: orgId, situationId: this.id(a.situationId), rule: a.rule, severity: a.severity, title: a.title, detail: json(this.mapIds(a.detail)),
          dedupeKey: a.dedupeKey.split(":").map((p) => (this.known.has(p) ? this.id(p) : p)).join(":"), createdAt: date(a.createdAt)!, raisedById: this.member(a.raisedBy),
        })) });
        const receipts = list.flatMap((a) => a.receipts.flatMap((r) => {
          const userId = this.member(r.user);
          return userId ? [{ alertId: this.id(a.id), userId, readAt: date(r.readAt), emailedAt: date(r.emailedAt) }] : [];
        }));
        if (receipts.length) await tx.alertReceipt.createMany({ data: receipts, skipDuplicates: true });
        this.counts.alerts += list.length;
        return;
      }
      case "watches": {
        const data = (rows as WatchRecord[]).flatMap((w) => {
          const userId = this.member(w.user);
          return userId ? [{ userId, situationId: this.id(w.situationId), createdAt: date(w.createdAt)! }] : [];
        });
        if (data.length) this.counts.watches += (await tx.watch.createMany({ data, skipDuplicates: true })).count;
        return;
      }
      case "importMappings":
        this.counts.importMappings += (await tx.importMapping.createMany({ data: (rows as MappingRecord[]).map((m) => ({ ...(m.id ? { id: this.id(m.id) } : {}), organisationId: orgId, name: m.name, mapping: json(m.mapping) ?? {}, updatedAt: date(m.updatedAt)! })) })).count;
        return;
      case "auditLog":
        // History from the backup: kept as it was (who, when, what), marked as restored. The log's
        // trigger refuses updates and deletes only, so these inserts are allowed.
        await insertRows(tx, "AuditEntry", AUDIT_COLUMNS, (rows as AuditRecord[]).map((a) => [
          a.at, this.member(a.user), orgId, a.action, a.entityType, this.mapEntity(a.entityType, a.entityId),
          jsonText(this.mapIds(a.before)), jsonText(this.mapIds(a.after)), jsonText(this.mapIds(a.meta)), JSON.stringify({ at: this.restoredAt, exportedAt: this.exportedAt, user: a.user }),
        ]));
        this.counts.auditEntries += rows.length;
        return;
    }
  }

  /** A suggestion's evidence names the events behind it: by their ids in this organisation. */
  private suggestionEvidence(evidence: unknown): unknown {
    if (!evidence || typeof evidence !== "object" || Array.isArray(evidence)) return evidence;
    const e = evidence as { recentEventIds?: unknown };
    if (!Array.isArray(e.recentEventIds)) return evidence;
    return { ...e, recentEventIds: e.recentEventIds.map((id) => (typeof id === "string" ? this.id(id) : id)) };
  }

  private cite(cs: BackupCitation[], claim: Partial<Record<"situationId" | "crimeAssessmentId" | "indicatorRatingId" | "responseId" | "eventId", string>>): Cell[][] {
    return cs.map((c) => [
      c.id ? this.id(c.id) : randomUUID(), this.id(c.sourceId), claim.situationId ?? null, claim.crimeAssessmentId ?? null, claim.indicatorRatingId ?? null, claim.responseId ?? null, claim.eventId ?? null,
      c.locator, this.person(c.createdBy), c.createdAt ?? null,
    ]);
  }

  private async writeCitations(rows: Cell[][]) {
    for (let i = 0; i < rows.length; i += BATCH) await insertRows(this.tx, "Citation", CITATION_COLUMNS, rows.slice(i, i + BATCH));
    this.counts.citations += rows.length;
  }

  private mapEntity(type: string, id: string | null) {
    if (!id) return id;
    if (this.oldOrganisationId && id === this.oldOrganisationId) return this.organisationId;
    return MAPPED_ENTITIES.has(type) && (type === "Event" || this.known.has(id)) ? this.id(id) : id;
  }

  /** Ids of restored records inside an entry's details (a situation's id in its meta...) become the restored ids. */
  private mapIds(v: unknown, depth = 0): unknown {
    if (typeof v === "string") return this.oldOrganisationId && v === this.oldOrganisationId ? this.organisationId : this.known.has(v) ? this.id(v) : v;
    if (depth > 20 || v === null || typeof v !== "object") return v;
    if (Array.isArray(v)) return v.map((x) => this.mapIds(x, depth + 1));
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, this.mapIds(x, depth + 1)]));
  }
}

/** Reads the entries of a backup and restores them; the counts of what was restored. */
export async function restoreBackup(tx: Tx, entries: AsyncIterable<BackupEntry>, organisationId: string, restoringUserId: string) {
  const restore = new BackupRestore(tx, organisationId, restoringUserId);
  await restore.start();
  for await (const e of entries) await restore.take(e);
  return { counts: restore.finish(), exportedAt: restore.exportedAt };
}
