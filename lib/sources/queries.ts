import "server-only";
import { sourceVisibleWhere } from "@/lib/access/sources";
import { db } from "@/lib/db";
import { readDb } from "@/lib/db-replica";
import { PAGE_SIZE, pageCount, pageSkip } from "@/lib/paging";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isoDate } from "@/lib/format";

export interface SourceOption {
  id: string;
  title: string;
  publisher: string;
  reliability: string;
  credibility: number;
}

const optionSelect = { id: true, title: true, publisher: true, reliability: true, credibility: true } satisfies Prisma.SourceSelect;

export function searchWhere(organisationId: string, q?: string): Prisma.SourceWhereInput {
  return {
    ...sourceVisibleWhere({ organisationId }),
    ...(q
      ? {
          OR: [
            { title: { contains: q, mode: "insensitive" } },
            { publisher: { contains: q, mode: "insensitive" } },
            { unSymbol: { contains: q, mode: "insensitive" } },
            { url: { contains: q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
}

/** For the citation picker: the organisation's sources matching a search, best first. */
export function searchSources(organisationId: string, q: string, take = 10): Promise<SourceOption[]> {
  return db.source.findMany({ where: searchWhere(organisationId, q), orderBy: [{ updatedAt: "desc" }, { id: "desc" }], take, select: optionSelect });
}

export function sourceOptionsByIds(organisationId: string, ids: string[]): Promise<SourceOption[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.source.findMany({ where: { organisationId, id: { in: ids } }, select: optionSelect });
}

export async function listSources(organisationId: string, query: { q?: string; page?: number }) {
  const where = searchWhere(organisationId, query.q);
  const page = query.page ?? 1;
  const client = await readDb();
  const [rows, total] = await Promise.all([
    client.source.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: pageSkip(page),
      take: PAGE_SIZE,
      include: { _count: { select: { citations: true } }, createdBy: { select: { name: true } } },
    }),
    client.source.count({ where }),
  ]);
  return { rows, total, page, pageCount: pageCount(total) };
}

export function getSource(organisationId: string, id: string) {
  return db.source.findFirst({
    where: { id, ...sourceVisibleWhere({ organisationId }) },
    include: { createdBy: { select: { name: true } } },
  });
}

/** Everything that cites a source, described for people. */
export async function listCitingClaims(sourceId: string) {
  const citations = await db.citation.findMany({
    where: { sourceId },
    orderBy: { createdAt: "desc" },
    include: {
      situation: { select: { id: true, title: true } },
      crimeAssessment: { select: { crime: true, situation: { select: { id: true, title: true } } } },
      indicatorRating: { select: { indicator: { select: { code: true, text: true } }, assessment: { select: { assessedOn: true, situation: { select: { id: true, title: true } } } } } },
      response: { select: { title: true, situation: { select: { id: true, title: true } } } },
      event: { select: { eventDate: true, eventType: true, location: true, situation: { select: { id: true, title: true } } } },
    },
  });
  return citations.map((c) => {
    if (c.crimeAssessment) return { kind: "Crime assessment", what: c.crimeAssessment.crime, situation: c.crimeAssessment.situation, locator: c.locator };
    if (c.indicatorRating)
      return { kind: "Indicator rating", what: `Indicator ${c.indicatorRating.indicator.code} (${c.indicatorRating.indicator.text}), round of ${isoDate(c.indicatorRating.assessment.assessedOn)}`, situation: c.indicatorRating.assessment.situation, locator: c.locator };
    if (c.response) return { kind: "Response", what: c.response.title, situation: c.response.situation, locator: c.locator };
    if (c.event)
      return { kind: "Event", what: `${isoDate(c.event.eventDate)} ${c.event.eventType}${c.event.location ? `, ${c.event.location}` : ""}`, situation: c.event.situation, locator: c.locator };
    return { kind: "Situation", what: c.situation?.title ?? "", situation: c.situation, locator: c.locator };
  });
}

/** A source cited for a situation: how often, and by which kinds of claim. */
export interface SituationSource {
  id: string;
  title: string;
  publisher: string;
  unSymbol: string | null;
  publishedOn: Date | null;
  reliability: string;
  credibility: number;
  citations: number;
  kinds: string[];
}

/** At most this many sources listed on a situation's Sources tab (the most cited first). */
export const SITUATION_SOURCES_MAX = 200;

/**
 * The sources cited by a situation's claims: the situation itself, its crime assessments, its
 * rounds' indicator ratings, its responses and its events (deleted ones left out), most cited
 * first, with the total number of distinct sources. The caller checks that the situation is visible.
 */
export async function listSituationSources(situationId: string): Promise<{ rows: SituationSource[]; total: number }> {
  const rows = await db.$queryRaw<(SituationSource & { total: number })[]>`
    WITH c AS (
      SELECT c."sourceId", 'Situation' AS kind FROM "Citation" c WHERE c."situationId" = ${situationId}
      UNION ALL
      SELECT c."sourceId", 'Crime assessment' FROM "CrimeAssessment" a JOIN "Citation" c ON c."crimeAssessmentId" = a.id WHERE a."situationId" = ${situationId}
      UNION ALL
      SELECT c."sourceId", 'Indicator rating' FROM "Assessment" a JOIN "IndicatorRating" r ON r."assessmentId" = a.id JOIN "Citation" c ON c."indicatorRatingId" = r.id
        WHERE a."situationId" = ${situationId} AND a."deletedAt" IS NULL
      UNION ALL
      SELECT c."sourceId", 'Response' FROM "Response" r JOIN "Citation" c ON c."responseId" = r.id WHERE r."situationId" = ${situationId} AND r."deletedAt" IS NULL
      UNION ALL
      SELECT c."sourceId", 'Event' FROM "Event" e JOIN "Citation" c ON c."eventId" = e.id WHERE e."situationId" = ${situationId} AND e."deletedAt" IS NULL
    ), by_source AS (
      SELECT "sourceId", count(*)::int AS citations, array_agg(DISTINCT kind ORDER BY kind) AS kinds FROM c GROUP BY "sourceId"
    )
    SELECT s.id, s.title, s.publisher, s."unSymbol", s."publishedOn", s.reliability::text AS reliability, s.credibility, b.citations, b.kinds,
      count(*) OVER ()::int AS total
    FROM by_source b JOIN "Source" s ON s.id = b."sourceId" AND s."deletedAt" IS NULL
    ORDER BY b.citations DESC, s.title, s.id
    LIMIT ${SITUATION_SOURCES_MAX}`;
  const total = rows[0]?.total ?? 0;
  for (const r of rows) delete (r as Partial<typeof r>).total;
  return { rows, total };
}
