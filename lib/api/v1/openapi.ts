// The partner API's OpenAPI 3.1 document, generated from the zod schemas the routes parse their
// queries with and answer by (./schemas.ts): /api/v1/openapi.json serves it.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { API_SCOPE_LABELS, type ApiScope } from "@/lib/api-tokens/schemas";
import { API_RATE_LIMIT_PER_MINUTE } from "./limits";
import {
  assessmentsQuerySchema,
  crimeAssessmentSchema,
  errorSchema,
  eventSchema,
  eventsCsvQuerySchema,
  eventsQuerySchema,
  pageOf,
  responseSchema,
  responsesQuerySchema,
  roundSchema,
  roundsQuerySchema,
  situationSchema,
  situationsQuerySchema,
  sourceSchema,
  sourcesQuerySchema,
} from "./schemas";

const LISTS: { scope: ApiScope; query: z.ZodObject; row: z.ZodType; about: string }[] = [
  { scope: "situations", query: situationsQuerySchema, row: situationSchema, about: "The situations the organisation's lists show: its own and those shared with the coalition, none archived (archived=1: its own archived ones)." },
  { scope: "assessments", query: assessmentsQuerySchema, row: crimeAssessmentSchema, about: "Each crime's assessment (status and rationale) in those situations." },
  { scope: "rounds", query: roundsQuerySchema, row: roundSchema, about: "Published assessment rounds (never drafts) with their scores and indicator ratings." },
  { scope: "responses", query: responsesQuerySchema, row: responseSchema, about: "Responses (pillar, type, acting body, dates, status, effect) in the situations the lists show." },
  { scope: "events", query: eventsQuerySchema, row: eventSchema, about: "The event log: the organisation's own events and those of situations shared with the coalition, newest first (sort=oldest: oldest first)." },
  { scope: "sources", query: sourcesQuerySchema, row: sourceSchema, about: "The organisation's own sources library (never shared with others)." },
];

/**
 * A list's query as the document states it: the list pages' filters leave out a value they cannot
 * read (`.catch(undefined)`, which the generator does not know); the document states the values
 * they read, and the description says the rest are left out.
 */
function documented(query: z.ZodObject): z.ZodObject {
  return z.object(Object.fromEntries(Object.entries(query.shape).map(([key, field]) => [key, field instanceof z.ZodCatch ? field.unwrap() : field])));
}

const refusal = (description: string) => ({ description, content: { "application/json": { schema: errorSchema } } });

function build() {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent("securitySchemes", "token", { type: "http", scheme: "bearer", description: "An API token issued on the Admin page." });
  const common = {
    400: { description: "A filter, cursor or limit could not be read.", content: { "application/json": { schema: errorSchema } } },
    401: refusal("No token, or one that is unknown, revoked, expired, of a suspended organisation, or whose issuer no longer administers it."),
    403: refusal("The token's scopes do not include this record type."),
    429: {
      ...refusal(`More than ${API_RATE_LIMIT_PER_MINUTE} requests in this minute by this token.`),
      headers: { "Retry-After": { description: "Seconds until the next minute.", schema: { type: "integer" as const } } },
    },
  };
  for (const list of LISTS) {
    registry.registerPath({
      method: "get",
      path: `/api/v1/${list.scope}`,
      operationId: `list_${list.scope}`,
      summary: API_SCOPE_LABELS[list.scope],
      description: `${list.about} Needs the token scope "${list.scope}". A filter whose value cannot be read is left out, as on the list pages. Pages of at most 200 (limit, 50 by default): pass the answer's next as after for the next page; next is null on the last.`,
      security: [{ [bearer.name]: [] }],
      request: { query: documented(list.query) },
      responses: { 200: { description: "One page.", content: { "application/json": { schema: pageOf(list.row) } } }, ...common },
    });
  }
  registry.registerPath({
    method: "get",
    path: "/api/v1/events.csv",
    operationId: "events_csv",
    summary: "Events as CSV with an HXL hashtag row",
    description: "Every matching event (the event list's filters, no pages) as the events CSV export writes it, its second row HXL hashtags. Needs the token scope \"events\".",
    security: [{ [bearer.name]: [] }],
    request: { query: documented(eventsCsvQuerySchema) },
    responses: { 200: { description: "The CSV file.", content: { "text/csv": { schema: { type: "string" } } } }, ...common },
  });
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Atrocity Early Warning partner API",
      version: "1",
      description: `Read-only. Every request is made with an API token (Authorization: Bearer <token>) issued by an administrator, is written to the organisation's audit log, and counts towards ${API_RATE_LIMIT_PER_MINUTE} requests a minute per token.`,
    },
  });
}

let document: ReturnType<typeof build> | undefined;
/** The document, built once per process. */
export function openApiDocument() {
  return (document ??= build());
}
