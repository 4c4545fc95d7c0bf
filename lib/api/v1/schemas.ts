// The partner API's queries and answers as zod schemas: the routes parse their queries with them,
// and the OpenAPI document (./openapi.ts) is generated from them, so the document cannot drift
// from what the routes read and write. The filters are the list pages' own (lib/*/schemas.ts);
// instead of the pages' `page`, every list takes a cursor: `after` (the `next` of the previous
// answer) and `limit`. The answers' `.meta({ id })` names them in the document (zod 4's own
// metadata, which the generator reads: no change to zod's types needed).
import { z } from "zod";
import { Confidence, Crime, CrimeStatus, RatingLevel, RiskCategory, SourceReliability, Trend, Visibility } from "@/lib/generated/prisma/enums";
import { situationListQuerySchema } from "@/lib/situations/schemas";
import { eventListQuerySchema } from "@/lib/events/schemas";
import { ACTOR_TYPES, PILLARS, RESPONSE_EFFECTS, RESPONSE_STATUSES, RESPONSE_TYPES, responseListQuerySchema } from "@/lib/responses/schemas";

export const API_LIMIT_DEFAULT = 50;
export const API_LIMIT_MAX = 200;

/** Unlike the pages' filters, a wrong cursor or limit is refused (400), never read as "from the start". */
const limit = z.coerce
  .number({ message: `limit must be a whole number from 1 to ${API_LIMIT_MAX}.` })
  .int(`limit must be a whole number from 1 to ${API_LIMIT_MAX}.`)
  .min(1, `limit must be a whole number from 1 to ${API_LIMIT_MAX}.`)
  .max(API_LIMIT_MAX, `limit must be a whole number from 1 to ${API_LIMIT_MAX}.`)
  .optional();
const idCursor = {
  after: z.string().regex(/^[\w-]{1,40}$/, "after must be the next value of the previous page.").optional(),
  limit,
};

export const situationsQuerySchema = situationListQuerySchema.omit({ page: true, sort: true }).extend(idCursor);
export const assessmentsQuerySchema = z.object({
  situation: eventListQuerySchema.shape.situation,
  crime: situationListQuerySchema.shape.crime,
  status: z.enum(CrimeStatus).optional().catch(undefined),
  ...idCursor,
});
export const roundsQuerySchema = z.object({
  situation: responseListQuerySchema.shape.situation,
  /** The round's assessment date, from and to (yyyy-mm-dd). */
  from: responseListQuerySchema.shape.from,
  to: responseListQuerySchema.shape.to,
  ...idCursor,
});
export const responsesQuerySchema = responseListQuerySchema.omit({ page: true }).extend(idCursor);
export const eventsQuerySchema = eventListQuerySchema.extend({
  after: z.string().regex(/^\d{4}-\d{2}-\d{2}_[\w-]{1,40}$/, "after must be the next value of the previous page.").optional(),
  limit,
});
/** The events CSV: the list's filters, every matching event (no cursor). */
export const eventsCsvQuerySchema = eventListQuerySchema.omit({ after: true });
export const sourcesQuerySchema = z.object({ q: situationListQuerySchema.shape.q, ...idCursor });

const date = z.iso.date();
const dateTime = z.iso.datetime();
const organisation = z.object({ id: z.string(), name: z.string() });

export const situationSchema = z.object({
  id: z.string(),
  title: z.string(),
  scope: z.string().nullable(),
  country: z.object({ iso3: z.string(), name: z.string(), region: z.string() }),
  organisation,
  riskCategory: z.enum(RiskCategory),
  visibility: z.enum(Visibility),
  summary: z.string(),
  background: z.string(),
  recommendedAction: z.string(),
  populationsAtRisk: z.string(),
  perpetrators: z.string(),
  notes: z.string(),
  monitoringSince: date.nullable(),
  lastAssessedAt: dateTime.nullable(),
  updatedAt: dateTime,
  archivedAt: dateTime.nullable(),
  crimes: z.array(z.object({ crime: z.enum(Crime), status: z.enum(CrimeStatus) })),
}).meta({ id: "Situation" });

export const crimeAssessmentSchema = z.object({
  id: z.string(),
  situationId: z.string(),
  crime: z.enum(Crime),
  status: z.enum(CrimeStatus),
  rationale: z.string(),
  updatedAt: dateTime,
}).meta({ id: "CrimeAssessment" });

export const roundSchema = z.object({
  id: z.string(),
  situationId: z.string(),
  organisationId: z.string(),
  assessedOn: date,
  publishedAt: dateTime.nullable(),
  summary: z.string(),
  overallScore: z.number().nullable(),
  /** The published scores as stored: per crime and per risk factor, with what drives them (see the README's "How scores work"). */
  scores: z.unknown(),
  scoreSummary: z.unknown(),
  methodVersion: z.number().int(),
  ratings: z.array(
    z.object({
      indicator: z.string(),
      level: z.enum(RatingLevel),
      trend: z.enum(Trend).nullable(),
      confidence: z.enum(Confidence).nullable(),
    }),
  ),
}).meta({ id: "Round" });

export const responseSchema = z.object({
  id: z.string(),
  situationId: z.string(),
  organisationId: z.string(),
  pillar: z.enum(PILLARS),
  type: z.enum(RESPONSE_TYPES),
  actorType: z.enum(ACTOR_TYPES),
  actorName: z.string(),
  title: z.string(),
  description: z.string(),
  startDate: date,
  endDate: date.nullable(),
  reference: z.string().nullable(),
  status: z.enum(RESPONSE_STATUSES),
  effect: z.enum(RESPONSE_EFFECTS),
  effectNotes: z.string(),
  updatedAt: dateTime,
}).meta({ id: "Response" });

export const eventSchema = z.object({
  id: z.string(),
  situationId: z.string().nullable(),
  organisationId: z.string(),
  externalId: z.string().nullable(),
  eventDate: date,
  eventType: z.string(),
  subEventType: z.string().nullable(),
  disorderType: z.string().nullable(),
  actor1: z.string().nullable(),
  assocActor1: z.string().nullable(),
  actor2: z.string().nullable(),
  assocActor2: z.string().nullable(),
  interaction: z.string().nullable(),
  civilianTargeting: z.boolean(),
  countryIso3: z.string().nullable(),
  admin1: z.string().nullable(),
  admin2: z.string().nullable(),
  admin3: z.string().nullable(),
  location: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  fatalities: z.number().int().nullable(),
  notes: z.string(),
  sourceText: z.string().nullable(),
  crimes: z.array(z.enum(Crime)),
  indicators: z.array(z.string()),
  updatedAt: dateTime,
}).meta({ id: "Event" });

export const sourceSchema = z.object({
  id: z.string(),
  title: z.string(),
  publisher: z.string(),
  author: z.string(),
  url: z.string().nullable(),
  unSymbol: z.string().nullable(),
  publishedOn: date.nullable(),
  accessedOn: date.nullable(),
  reliability: z.enum(SourceReliability),
  credibility: z.number().int(),
  notes: z.string(),
  fileName: z.string().nullable(),
  fileSha256: z.string().nullable(),
  updatedAt: dateTime,
}).meta({ id: "Source" });

/** A page of a list: its rows, and the `after` of the next page (null on the last). */
export const pageOf = <T extends z.ZodType>(row: T) => z.object({ data: z.array(row), next: z.string().nullable() });

export const errorSchema = z.object({ ok: z.literal(false), message: z.string() }).meta({ id: "Error" });
