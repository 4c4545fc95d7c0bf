import "server-only";
// What each partner API list reads: the records the token's organisation may see, by lib/access's
// definitions and the list pages' own filter conditions, a page at a time. Lists other than events
// are ordered by id (stable, and a cursor that is just the last id); events in the event list's
// order (newest first, or oldest), by its own keyset cursor.
import type { z } from "zod";
import type { Db } from "@/lib/db";
import { readDb } from "@/lib/db-replica";
import type { CurrentMembership } from "@/lib/access/session";
import { situationListedWhere } from "@/lib/access/situations";
import { roundVisibleWhere } from "@/lib/access/rounds";
import { situationListWhere } from "@/lib/situations/queries";
import { responseListWhere } from "@/lib/responses/queries";
import { searchWhere } from "@/lib/sources/queries";
import { eventPageIds } from "@/lib/events/queries";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isoDate } from "@/lib/format";
import {
  API_LIMIT_DEFAULT,
  type assessmentsQuerySchema,
  type crimeAssessmentSchema,
  type eventSchema,
  type eventsQuerySchema,
  type responseSchema,
  type responsesQuerySchema,
  type roundSchema,
  type roundsQuerySchema,
  type situationSchema,
  type situationsQuerySchema,
  type sourceSchema,
  type sourcesQuerySchema,
} from "./schemas";

type Page<T> = { data: T[]; next: string | null };
type Q<S extends z.ZodType> = z.output<S>;

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);
const dayOrNull = (d: Date | null) => (d ? isoDate(d) : null);

/** Reads `limit + 1` rows after the cursor (by id) to know whether there is a next page. */
async function byId<R extends { id: string }, T>(q: { after?: string; limit?: number }, read: (db: Db, after: Prisma.StringFilter | undefined, take: number) => Promise<R[]>, map: (r: R) => T): Promise<Page<T>> {
  const limit = q.limit ?? API_LIMIT_DEFAULT;
  const rows = await read(await readDb(), q.after ? { gt: q.after } : undefined, limit + 1);
  const page = rows.slice(0, limit);
  return { data: page.map(map), next: rows.length > limit ? page[page.length - 1].id : null };
}

export function listSituationsApi(membership: CurrentMembership, q: Q<typeof situationsQuerySchema>): Promise<Page<z.input<typeof situationSchema>>> {
  return byId(
    q,
    async (db, after, take) =>
      db.situation.findMany({
        where: { AND: [await situationListWhere(membership, q), after ? { id: after } : {}] },
        orderBy: { id: "asc" },
        take,
        include: { country: { select: { iso3: true, name: true, region: true } }, organisation: { select: { id: true, name: true } }, crimes: { select: { crime: true, status: true } } },
      }),
    (s) => ({
      id: s.id,
      title: s.title,
      scope: s.scope,
      country: s.country,
      organisation: s.organisation,
      riskCategory: s.riskCategory,
      visibility: s.visibility,
      summary: s.summary,
      background: s.background,
      recommendedAction: s.recommendedAction,
      populationsAtRisk: s.populationsAtRisk,
      perpetrators: s.perpetrators,
      notes: s.notes,
      monitoringSince: dayOrNull(s.monitoringSince),
      lastAssessedAt: isoOrNull(s.lastAssessedAt),
      updatedAt: iso(s.updatedAt),
      archivedAt: isoOrNull(s.archivedAt),
      crimes: s.crimes,
    }),
  );
}

/** The crimes assessed in the situations the organisation's lists show. */
export function listCrimeAssessmentsApi(membership: CurrentMembership, q: Q<typeof assessmentsQuerySchema>): Promise<Page<z.input<typeof crimeAssessmentSchema>>> {
  const and: Prisma.CrimeAssessmentWhereInput[] = [{ situation: situationListedWhere(membership) }];
  if (q.situation) and.push({ situationId: q.situation });
  if (q.crime) and.push({ crime: q.crime });
  if (q.status) and.push({ status: q.status });
  return byId(
    q,
    (db, after, take) => db.crimeAssessment.findMany({ where: { AND: [...and, after ? { id: after } : {}] }, orderBy: { id: "asc" }, take }),
    (c) => ({ id: c.id, situationId: c.situationId, crime: c.crime, status: c.status, rationale: c.rationale, updatedAt: iso(c.updatedAt) }),
  );
}

/** Published rounds (never drafts) of the situations the organisation may see, with their scores and ratings. */
export function listRoundsApi(membership: CurrentMembership, q: Q<typeof roundsQuerySchema>): Promise<Page<z.input<typeof roundSchema>>> {
  const and: Prisma.AssessmentWhereInput[] = [roundVisibleWhere(membership), { status: "PUBLISHED" }];
  if (q.situation) and.push({ situationId: q.situation });
  if (q.from) and.push({ assessedOn: { gte: new Date(q.from) } });
  if (q.to) and.push({ assessedOn: { lte: new Date(q.to) } });
  return byId(
    q,
    (db, after, take) =>
      db.assessment.findMany({
        where: { AND: [...and, after ? { id: after } : {}] },
        orderBy: { id: "asc" },
        take,
        include: { ratings: { select: { level: true, trend: true, confidence: true, indicator: { select: { code: true } } }, orderBy: { indicator: { key: "asc" } } } },
      }),
    (r) => ({
      id: r.id,
      situationId: r.situationId,
      organisationId: r.organisationId,
      assessedOn: isoDate(r.assessedOn),
      publishedAt: isoOrNull(r.publishedAt),
      summary: r.summary,
      overallScore: r.overallScore,
      scores: r.scores,
      scoreSummary: r.scoreSummary,
      methodVersion: r.methodVersion,
      ratings: r.ratings.map((x) => ({ indicator: x.indicator.code, level: x.level, trend: x.trend, confidence: x.confidence })),
    }),
  );
}

export function listResponsesApi(membership: CurrentMembership, q: Q<typeof responsesQuerySchema>): Promise<Page<z.input<typeof responseSchema>>> {
  return byId(
    q,
    (db, after, take) => db.response.findMany({ where: { AND: [responseListWhere(membership, q), after ? { id: after } : {}] }, orderBy: { id: "asc" }, take }),
    (r) => ({
      id: r.id,
      situationId: r.situationId,
      organisationId: r.organisationId,
      pillar: r.pillar,
      type: r.type,
      actorType: r.actorType,
      actorName: r.actorName,
      title: r.title,
      description: r.description,
      startDate: isoDate(r.startDate),
      endDate: dayOrNull(r.endDate),
      reference: r.reference,
      status: r.status,
      effect: r.effect,
      effectNotes: r.effectNotes,
      updatedAt: iso(r.updatedAt),
    }),
  );
}

/** The organisation's own sources library (never shared). */
export function listSourcesApi(membership: CurrentMembership, q: Q<typeof sourcesQuerySchema>): Promise<Page<z.input<typeof sourceSchema>>> {
  return byId(
    q,
    (db, after, take) => db.source.findMany({ where: { AND: [searchWhere(membership.organisationId, q.q), after ? { id: after } : {}] }, orderBy: { id: "asc" }, take }),
    (s) => ({
      id: s.id,
      title: s.title,
      publisher: s.publisher,
      author: s.author,
      url: s.url,
      unSymbol: s.unSymbol,
      publishedOn: dayOrNull(s.publishedOn),
      accessedOn: dayOrNull(s.accessedOn),
      reliability: s.reliability,
      credibility: s.credibility,
      notes: s.notes,
      fileName: s.fileName,
      fileSha256: s.fileSha256,
      updatedAt: iso(s.updatedAt),
    }),
  );
}

/** Events as the event list reads them (its two index-ordered parts, lib/access/events.ts), a page at a time. */
export async function listEventsApi(membership: CurrentMembership, q: Q<typeof eventsQuerySchema>): Promise<Page<z.input<typeof eventSchema>>> {
  const limit = q.limit ?? API_LIMIT_DEFAULT;
  const db = await readDb();
  const ids = await eventPageIds(membership, q, limit + 1, db);
  const page = ids.slice(0, limit);
  const rows = await db.event.findMany({ where: { id: { in: page.map((e) => e.id) } }, include: { indicators: { select: { indicator: { select: { code: true } } }, orderBy: { indicator: { key: "asc" } } } } });
  const byKey = new Map(rows.map((r) => [r.id, r]));
  const last = page.at(-1);
  return {
    data: page.map(({ id }) => {
      const e = byKey.get(id)!;
      return {
        id: e.id,
        situationId: e.situationId,
        organisationId: e.organisationId,
        externalId: e.externalId,
        eventDate: isoDate(e.eventDate),
        eventType: e.eventType,
        subEventType: e.subEventType,
        disorderType: e.disorderType,
        actor1: e.actor1,
        assocActor1: e.assocActor1,
        actor2: e.actor2,
        assocActor2: e.assocActor2,
        interaction: e.interaction,
        civilianTargeting: e.civilianTargeting,
        countryIso3: e.countryIso3,
        admin1: e.admin1,
        admin2: e.admin2,
        admin3: e.admin3,
        location: e.location,
        latitude: e.latitude === null ? null : Number(e.latitude),
        longitude: e.longitude === null ? null : Number(e.longitude),
        fatalities: e.fatalities,
        notes: e.notes,
        sourceText: e.sourceText,
        crimes: e.crimes,
        indicators: e.indicators.map((i) => i.indicator.code),
        updatedAt: iso(e.updatedAt),
      };
    }),
    next: ids.length > limit && last ? `${isoDate(last.eventDate)}_${last.id}` : null,
  };
}
