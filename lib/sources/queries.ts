import "server-only";
import { db } from "@/lib/db";
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
    organisationId,
    deletedAt: null,
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
  const [rows, total] = await Promise.all([
    db.source.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: pageSkip(page),
      take: PAGE_SIZE,
      include: { _count: { select: { citations: true } }, createdBy: { select: { name: true } } },
    }),
    db.source.count({ where }),
  ]);
  return { rows, total, page, pageCount: pageCount(total) };
}

export function getSource(organisationId: string, id: string) {
  return db.source.findFirst({
    where: { id, organisationId, deletedAt: null },
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
      indicatorRating: { select: { indicator: { select: { code: true } }, assessment: { select: { assessedOn: true, situation: { select: { id: true, title: true } } } } } },
      response: { select: { title: true, situation: { select: { id: true, title: true } } } },
      event: { select: { eventDate: true, eventType: true, location: true, situation: { select: { id: true, title: true } } } },
    },
  });
  return citations.map((c) => {
    if (c.crimeAssessment) return { kind: "Crime assessment", what: c.crimeAssessment.crime, situation: c.crimeAssessment.situation, locator: c.locator };
    if (c.indicatorRating)
      return { kind: "Indicator rating", what: `Indicator ${c.indicatorRating.indicator.code}, round of ${isoDate(c.indicatorRating.assessment.assessedOn)}`, situation: c.indicatorRating.assessment.situation, locator: c.locator };
    if (c.response) return { kind: "Response", what: c.response.title, situation: c.response.situation, locator: c.locator };
    if (c.event)
      return { kind: "Event", what: `${isoDate(c.event.eventDate)} ${c.event.eventType}${c.event.location ? `, ${c.event.location}` : ""}`, situation: c.event.situation, locator: c.locator };
    return { kind: "Situation", what: c.situation?.title ?? "", situation: c.situation, locator: c.locator };
  });
}
