// Every record of a backup is checked before it is stored: by the same zod schema its form uses
// (situation, source, response, event, round, own indicator, organisation settings), applied to
// the record as that form would hold it, and by a schema of what a backup adds (ids, authors,
// creation and deletion times, file details, versions). A record that fails names itself and its
// field ("The backup's source 12 (“UN report”) cannot be restored: url: Enter a web address...").
//
// Creation and change times (createdAt, updatedAt, the audit log's `at`...) keep the record's
// history: a restore brings back the dates the records were made, which is the point of a backup,
// so a date in the past is kept. They must be real instants in ISO form (as the backup writes
// them), from 1945 on, and not in the future (ten minutes' grace for the clocks of two servers):
// a record cannot have been made after the backup that holds it.
import { z } from "zod";
import { organisationSettingsSchema } from "@/lib/admin/schemas";
import { createIndicatorSchema, saveRoundSchema } from "@/lib/indicators/schemas";
import { eventInputSchema } from "@/lib/events/schemas";
import { responseInputSchema } from "@/lib/responses/schemas";
import { situationInputSchema } from "@/lib/situations/schemas";
import { sourceInputSchema } from "@/lib/sources/schemas";
import { externalRatingInputSchema, toExternalRatingInput } from "@/lib/external-ratings/schemas";
import { minScoreCoverageInputSchema } from "@/lib/indicators/schemas";
import { signalSensitivitySchema } from "@/lib/signals/schemas";
import { AlertRule, AlertSeverity, AssessmentStatus, ImportStatus } from "@/lib/generated/prisma/enums";

/** A record the restore refuses: the message names the record and its field. */
export class BackupRecordError extends Error {}

const GRACE_MS = 10 * 60_000;
const EARLIEST = "1945-01-01T00:00:00.000Z";

/** An instant as the backup writes it (2026-03-31T12:00:00.000Z), from 1945 on and not in the future. */
const instant = z.string().superRefine((v, ctx) => {
  const t = Date.parse(v);
  if (Number.isNaN(t) || !/^\d{4}-\d{2}-\d{2}T/.test(v) || new Date(t).toISOString() !== v) ctx.addIssue({ code: "custom", message: "Use a date and time as the backup writes them, such as 2026-03-31T12:00:00.000Z." });
  else if (v < EARLIEST) ctx.addIssue({ code: "custom", message: "This date is before 1945." });
  else if (t > Date.now() + GRACE_MS) ctx.addIssue({ code: "custom", message: "This date is in the future." });
});
const oldId = z.string().regex(/^[\w:.-]{1,100}$/, "This is not a record id.");
/** A person, by e-mail (null when the backup did not know them). */
const person = z.string().max(320).nullable();
const json = z.unknown();
const count = z.number().int().min(0).max(2_147_483_647);

/** A stored file's name: what an upload keeps (lib: no path separators, no NUL, at most 255 characters). */
export const storedFileName = z
  .string()
  .min(1, "The file name is empty.")
  .max(255, "The file name is too long (at most 255 characters).")
  .refine((v) => !/[\\/\0]/.test(v), "A file name cannot hold / or \\ or a NUL character.")
  .refine((v) => v !== "." && v !== "..", "A file name cannot be . or ..");

const citation = z.object({ id: oldId.optional(), sourceId: oldId, locator: z.string().max(1000, "The locator is too long (at most 1,000 characters)."), createdBy: person.optional(), createdAt: instant.optional() });
export type BackupCitation = z.infer<typeof citation>;

/** "2025-03-14T00:00:00.000Z" (a stored day) as the form's "2025-03-14"; anything else as it is, for the form's rule to refuse. */
const day = (v: unknown) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/.test(v) ? v.slice(0, 10) : (v ?? ""));
const orEmpty = (v: unknown) => v ?? "";

// ---------------------------------------------------------------- what a backup adds to each form

const orgFile = z.object({
  id: oldId.optional(),
  name: z.string().optional(),
  assessmentIntervalDays: z.number(),
  sensitivityMarking: z.string(),
  requireTwoFactor: z.boolean(),
  // Settings added later (absent from older backups: the defaults stay), checked by their forms' rules.
  minScoreCoverage: minScoreCoverageInputSchema.shape.minCoverage.optional(),
  signalSensitivity: signalSensitivitySchema.optional(),
});

const indicatorFile = z.object({
  id: oldId.optional(),
  key: z.string().regex(/^own:\d{1,2}\.\d{1,4}$/, "An own indicator's key is own:<factor>.<number>, such as own:8.15."),
  code: z.string().regex(/^\d{1,2}\.\d{1,4}$/, "An indicator's code is <factor>.<number>, such as 8.15."),
  riskFactor: z.number().int().min(1).max(14),
  position: z.number().int().min(1).max(9999),
  text: z.string(),
  retiredAt: instant.nullable(),
  version: z.number().int().min(1).optional(),
  createdAt: instant.optional(),
  updatedAt: instant.optional(),
});

const sourceFile = z.object({
  id: oldId,
  title: z.string(),
  publisher: z.string(),
  author: z.string(),
  url: z.string().nullable(),
  unSymbol: z.string().nullable(),
  publishedOn: z.string().nullable(),
  accessedOn: z.string().nullable(),
  reliability: z.string(),
  credibility: z.number(),
  notes: z.string(),
  fileName: storedFileName.nullable(),
  fileSize: count.nullable(),
  fileType: z.string().max(200).nullable(),
  fileSha256: z.string().regex(/^[0-9a-f]{64}$/, "A file's SHA-256 is 64 hexadecimal digits.").nullable(),
  version: z.number().int().min(1).optional(),
  createdBy: person,
  createdAt: instant,
  updatedAt: instant.optional(),
  deletedAt: instant.nullable(),
});

const crimeFile = z.object({ id: oldId.optional(), crime: z.string(), status: z.string(), rationale: z.string(), updatedBy: person, createdAt: instant.optional(), updatedAt: instant.optional(), citations: z.array(citation) });
// An external rating: what its form holds is checked by the form's schema (checkSituation); the
// fields after `url` came with lib/external-ratings, so a backup written before them has none.
const externalRatingFile = z.object({
  id: oldId.optional(),
  system: z.string().min(1).max(200),
  value: z.string().max(200),
  score: z.number().nullable(),
  ratedOn: z.string(),
  url: z.string().max(2000).nullable(),
  rank: z.number().int().nullable().optional(),
  rankOf: z.number().int().nullable().optional(),
  year: z.number().int().nullable().optional(),
  stage: z.number().int().nullable().optional(),
  note: z.string().optional(),
  /** The organisation that recorded it (this backup's, or null when no one's). */
  organisationId: oldId.nullable().optional(),
  createdBy: person.optional(),
  createdAt: instant,
  updatedAt: instant.optional(),
  deletedAt: instant.nullable().optional(),
});

const situationFile = z.object({
  id: oldId,
  countryIso3: z.string(),
  scope: z.string().nullable(),
  title: z.string(),
  summary: z.string(),
  background: z.string(),
  recommendedAction: z.string(),
  notes: z.string(),
  riskCategory: z.string(),
  riskCategorySince: instant,
  populationsAtRisk: z.string(),
  perpetrators: z.string(),
  visibility: z.string(),
  monitoringSince: z.string().nullable(),
  lastAssessedAt: instant.nullable(),
  isDemo: z.boolean(),
  version: z.number().int().min(1).optional(),
  createdBy: person,
  updatedBy: person,
  createdAt: instant,
  updatedAt: instant.optional(),
  archivedAt: instant.nullable(),
  crimes: z.array(crimeFile),
  citations: z.array(citation).optional(),
  externalRatings: z.array(externalRatingFile).optional(),
});

const importFile = z.object({
  id: oldId,
  situationId: oldId.nullable(),
  fileName: storedFileName,
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "A file's SHA-256 is 64 hexadecimal digits."),
  fileSize: count,
  delimiter: z.string().max(4),
  headers: z.array(z.string().max(1000)).max(20000),
  status: z.enum(Object.values(ImportStatus) as [keyof typeof ImportStatus]),
  totalRows: count,
  processedRows: count,
  createdCount: count,
  updatedCount: count,
  unchangedCount: count,
  skippedCount: count,
  withoutSituationCount: count,
  problems: json,
  mapping: json,
  createdBy: person,
  createdAt: instant,
  finishedAt: instant.nullable(),
});

const ratingFile = z.object({
  id: oldId.optional(),
  indicator: z.string().max(40),
  level: z.string(),
  trend: z.string().nullable(),
  confidence: z.string().nullable(),
  evidence: z.string(),
  updatedAt: instant.optional(),
  citations: z.array(citation),
});
const LEVEL = z.enum(["NONE", "PRESENT", "SIGNIFICANT", "SEVERE"]);
const suggestionFile = z.object({
  id: oldId.optional(),
  indicator: z.string().max(40),
  fromLevel: LEVEL.nullable(),
  suggestedLevel: LEVEL,
  evidence: json,
  decision: z.enum(["ACCEPTED", "DECLINED"]).nullable(),
  reason: z.string().max(2000),
  decidedBy: person,
  decidedAt: instant.nullable(),
  createdAt: instant,
});
const assessmentFile = z.object({
  id: oldId,
  situationId: oldId,
  assessedOn: z.string(),
  status: z.enum(Object.values(AssessmentStatus) as [keyof typeof AssessmentStatus]),
  summary: z.string(),
  overallScore: z.number().nullable(),
  scores: json,
  /** The scoring method its published scores were computed with (absent from backups made before methods were versioned: 1). */
  methodVersion: z.number().int().min(1).max(1000).optional(),
  version: z.number().int().min(1).optional(),
  createdBy: person,
  publishedBy: person,
  publishedAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant.optional(),
  deletedAt: instant.nullable(),
  ratings: z.array(ratingFile).max(1000),
  /** Suggested ratings and the analysts' decisions (absent from backups made before them). */
  suggestions: z.array(suggestionFile).max(1000).optional(),
});

const responseFile = z.object({
  id: oldId,
  situationId: oldId,
  pillar: z.string(),
  type: z.string(),
  actorType: z.string(),
  actorName: z.string(),
  title: z.string(),
  description: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  reference: z.string().nullable(),
  status: z.string(),
  effect: z.string(),
  effectNotes: z.string(),
  version: z.number().int().min(1).optional(),
  createdBy: person,
  createdAt: instant,
  updatedAt: instant.optional(),
  deletedAt: instant.nullable(),
  citations: z.array(citation),
});

const optText = (max: number) => z.string().max(max, `At most ${max.toLocaleString("en")} characters.`).nullable();
const eventFile = z.object({
  id: oldId,
  situationId: oldId.nullable(),
  externalId: optText(100),
  eventDate: z.string(),
  timePrecision: z.number().int().min(0).max(100).nullable(),
  disorderType: optText(100),
  eventType: z.string(),
  subEventType: z.string().nullable(),
  actor1: z.string().nullable(),
  assocActor1: optText(1000),
  actor2: z.string().nullable(),
  assocActor2: optText(1000),
  interaction: optText(100),
  civilianTargeting: z.boolean(),
  countryIso3: z.string().nullable(),
  admin1: z.string().nullable(),
  admin2: z.string().nullable(),
  admin3: z.string().nullable(),
  location: z.string().nullable(),
  latitude: z.string().nullable(),
  longitude: z.string().nullable(),
  geoPrecision: z.number().int().min(0).max(100).nullable(),
  sourceText: optText(2000),
  sourceScale: optText(200),
  notes: z.string(),
  // null: not known (not the same as 0).
  fatalities: z.number().nullable(),
  tags: optText(1000),
  crimes: z.array(z.string()).nullable(),
  importId: oldId.nullable().optional(),
  version: z.number().int().min(1).optional(),
  createdBy: person,
  createdAt: instant,
  updatedAt: instant.optional(),
  deletedAt: instant.nullable(),
  indicators: z.array(z.string()),
  citations: z.array(citation),
});

const alertFile = z.object({
  id: oldId,
  situationId: oldId,
  rule: z.enum(Object.values(AlertRule) as [keyof typeof AlertRule]),
  severity: z.enum(Object.values(AlertSeverity) as [keyof typeof AlertSeverity]),
  title: z.string().min(1).max(500),
  detail: json,
  dedupeKey: z.string().min(1).max(500),
  createdAt: instant,
  raisedBy: person,
  receipts: z.array(z.object({ user: z.string().max(320), readAt: instant.nullable(), emailedAt: instant.nullable() })),
});

const watchFile = z.object({ user: z.string().max(320), situationId: oldId, createdAt: instant });
const mappingFile = z.object({ id: oldId.optional(), name: z.string().min(1).max(200), mapping: json, updatedAt: instant });
const auditFile = z.object({
  at: instant,
  user: person,
  action: z.string().min(1).max(200),
  entityType: z.string().min(1).max(200),
  entityId: z.string().max(200).nullable(),
  before: json,
  after: json,
  meta: json,
});

export type OrganisationRecord = z.infer<typeof orgFile>;
export type IndicatorRecord = z.infer<typeof indicatorFile>;
export type SourceRecord = Omit<z.infer<typeof sourceFile>, "reliability"> & { reliability: z.infer<typeof sourceInputSchema>["reliability"] };
export type SituationRecord = Omit<z.infer<typeof situationFile>, "crimes" | "riskCategory" | "visibility"> & { riskCategory: z.infer<typeof situationInputSchema>["riskCategory"]; visibility: z.infer<typeof situationInputSchema>["visibility"]; crimes: (Omit<z.infer<typeof crimeFile>, "crime" | "status"> & Pick<z.infer<typeof situationInputSchema>["crimes"][number], "crime" | "status">)[] };
export type ImportRecord = z.infer<typeof importFile>;
export type AssessmentRecord = Omit<z.infer<typeof assessmentFile>, "ratings"> & { ratings: (Omit<z.infer<typeof ratingFile>, "level"> & { level: z.infer<typeof saveRoundSchema>["ratings"][number]["level"] })[] };
export type ResponseRecord = Omit<z.infer<typeof responseFile>, "pillar" | "type" | "actorType" | "status" | "effect"> & Pick<z.infer<typeof responseInputSchema>, "pillar" | "type" | "actorType" | "status" | "effect">;
export type EventRecord = Omit<z.infer<typeof eventFile>, "crimes"> & { crimes: z.infer<typeof eventInputSchema>["crimes"] | null };
export type AlertRecord = z.infer<typeof alertFile>;
export type WatchRecord = z.infer<typeof watchFile>;
export type MappingRecord = z.infer<typeof mappingFile>;
export type AuditRecord = z.infer<typeof auditFile>;

// ---------------------------------------------------------------- checking

function describe(issue: z.core.$ZodIssue) {
  return `${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}`;
}

const quoted = (v: unknown) => (typeof v === "string" && v.trim() ? ` (“${v.trim().slice(0, 80)}”)` : "");

/** Parses `value` with the backup's schema, then the form's schema on the form's view of it; throws a message naming the record. */
function check<T>(what: string, value: unknown, file: z.ZodType, form?: { schema: z.ZodType; view: (v: T) => unknown }): T {
  const r = file.safeParse(value);
  if (!r.success) throw new BackupRecordError(`The backup's ${what} cannot be restored: ${describe(r.error.issues[0])}`);
  if (form) {
    const f = form.schema.safeParse(form.view(r.data as T));
    if (!f.success) throw new BackupRecordError(`The backup's ${what} cannot be restored: ${describe(f.error.issues[0])}`);
  }
  return r.data as T;
}

const nth = (kind: string, index: number, label: unknown) => `${kind} ${(index + 1).toLocaleString("en")}${quoted(label)}`;
const titleOf = (v: unknown) => (v && typeof v === "object" && "title" in v ? (v as { title: unknown }).title : undefined);

export const checkOrganisation = (v: unknown) =>
  check<OrganisationRecord>("organisation's settings", v, orgFile, { schema: organisationSettingsSchema, view: (o) => ({ assessmentIntervalDays: o.assessmentIntervalDays, sensitivityMarking: o.sensitivityMarking, requireTwoFactor: o.requireTwoFactor }) });

export const checkIndicator = (v: unknown, i: number) =>
  check<IndicatorRecord>(nth("own indicator", i, (v as { code?: unknown })?.code), v, indicatorFile, { schema: createIndicatorSchema, view: (x) => ({ factor: x.riskFactor, text: x.text }) });

export const checkSource = (v: unknown, i: number) =>
  check<SourceRecord>(nth("source", i, titleOf(v)), v, sourceFile, {
    schema: sourceInputSchema,
    view: (s) => ({ title: s.title, publisher: s.publisher, author: s.author, url: orEmpty(s.url), unSymbol: orEmpty(s.unSymbol), publishedOn: day(s.publishedOn), accessedOn: day(s.accessedOn), reliability: s.reliability, credibility: s.credibility, notes: s.notes }),
  });

export const checkSituation = (v: unknown, i: number) => {
  const s = check<SituationRecord>(nth("situation", i, titleOf(v)), v, situationFile, {
    schema: situationInputSchema,
    view: (s) => ({
      countryIso3: s.countryIso3, scope: orEmpty(s.scope), title: s.title, summary: s.summary, background: s.background, recommendedAction: s.recommendedAction, notes: s.notes,
      riskCategory: s.riskCategory, populationsAtRisk: s.populationsAtRisk, perpetrators: s.perpetrators, visibility: s.visibility, monitoringSince: day(s.monitoringSince),
      crimes: s.crimes.map((c) => ({ crime: c.crime, status: c.status, rationale: c.rationale, sourceIds: c.citations.map((x) => x.sourceId) })),
    }),
  });
  for (const [j, r] of (s.externalRatings ?? []).entries()) {
    if (!/^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/.test(r.ratedOn)) throw new BackupRecordError(`The backup's ${nth("situation", i, s.title)} cannot be restored: externalRatings.${j}.ratedOn: Use a date like 2026-03-31.`);
    // The form's own schema, on the rating as its form would hold it.
    const view = toExternalRatingInput({ ...r, rank: r.rank ?? null, rankOf: r.rankOf ?? null, year: r.year ?? null, stage: r.stage ?? null, note: r.note ?? "", ratedOn: new Date(r.ratedOn) });
    const f = externalRatingInputSchema.safeParse(view);
    if (!f.success) throw new BackupRecordError(`The backup's ${nth("situation", i, s.title)} cannot be restored: externalRatings.${j}.${describe(f.error.issues[0])}`);
  }
  return s;
};

export const checkImport = (v: unknown, i: number) => check<ImportRecord>(nth("import", i, (v as { fileName?: unknown })?.fileName), v, importFile);

export const checkAssessment = (v: unknown, i: number) =>
  check<AssessmentRecord>(nth("assessment round", i, (v as { assessedOn?: unknown })?.assessedOn), v, assessmentFile, {
    schema: saveRoundSchema,
    view: (a) => ({
      id: a.id.slice(0, 40), version: a.version ?? 1, assessedOn: day(a.assessedOn), summary: a.summary,
      ratings: a.ratings.map((r) => ({ indicatorId: r.indicator, level: r.level, trend: orEmpty(r.trend), confidence: orEmpty(r.confidence), evidence: r.evidence, sourceIds: r.citations.map((c) => c.sourceId) })),
    }),
  });

export const checkResponse = (v: unknown, i: number) =>
  check<ResponseRecord>(nth("response", i, titleOf(v)), v, responseFile, {
    schema: responseInputSchema,
    view: (r) => ({
      pillar: r.pillar, type: r.type, actorType: r.actorType, actorName: r.actorName, title: r.title, description: r.description, startDate: day(r.startDate), endDate: day(r.endDate),
      reference: orEmpty(r.reference), status: r.status, effect: r.effect, effectNotes: r.effectNotes, sourceIds: r.citations.map((c) => c.sourceId),
    }),
  });

export const checkEvent = (v: unknown, i: number) =>
  check<EventRecord>(nth("event", i, (v as { externalId?: unknown })?.externalId), v, eventFile, {
    schema: eventInputSchema,
    view: (e) => ({
      situationId: e.situationId ? e.situationId.slice(0, 40) : "", eventDate: day(e.eventDate), eventType: e.eventType, subEventType: orEmpty(e.subEventType), actor1: orEmpty(e.actor1), actor2: orEmpty(e.actor2),
      fatalities: e.fatalities, civilianTargeting: e.civilianTargeting, countryIso3: orEmpty(e.countryIso3), admin1: orEmpty(e.admin1), admin2: orEmpty(e.admin2), admin3: orEmpty(e.admin3),
      location: orEmpty(e.location), latitude: orEmpty(e.latitude), longitude: orEmpty(e.longitude), notes: e.notes, crimes: e.crimes ?? [], indicatorIds: e.indicators, sourceIds: e.citations.map((c) => c.sourceId),
    }),
  });

export const checkAlert = (v: unknown, i: number) => check<AlertRecord>(nth("alert", i, titleOf(v)), v, alertFile);
export const checkWatch = (v: unknown, i: number) => check<WatchRecord>(nth("followed situation", i, undefined), v, watchFile);
export const checkMapping = (v: unknown, i: number) => check<MappingRecord>(nth("saved column mapping", i, (v as { name?: unknown })?.name), v, mappingFile);
export const checkAudit = (v: unknown, i: number) => check<AuditRecord>(nth("audit log entry", i, (v as { action?: unknown })?.action), v, auditFile);
