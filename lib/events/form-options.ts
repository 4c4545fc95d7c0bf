import "server-only";
import { indicatorCatalogueWhere } from "@/lib/access/indicators";
import { db } from "@/lib/db";
import { listCountries } from "@/lib/situations/queries";
import { EVENT_TYPES } from "./schemas";

/** What the event form offers: the organisation's live situations, countries, indicators and the event types it has used beyond ACLED's. */
export async function eventFormOptions(organisationId: string) {
  const [situations, countries, indicators, otherTypes] = await Promise.all([
    db.situation.findMany({ where: { organisationId, archivedAt: null }, select: { id: true, title: true, countryIso3: true }, orderBy: { title: "asc" } }),
    listCountries(),
    indicatorOptions(organisationId),
    otherEventTypes(organisationId),
  ]);
  return { situations, countries, indicators, otherTypes };
}

/**
 * Event types of the organisation's events other than ACLED's six (typed in the form or imported),
 * in alphabetical order, at most `limit`. Read as a skip scan of the index on (organisation, type,
 * date): one index probe per type, however many events there are.
 */
export async function otherEventTypes(organisationId: string, limit = 100): Promise<string[]> {
  const rows = await db.$queryRaw<{ type: string }[]>`
    WITH RECURSIVE types AS (
      (SELECT "eventType" AS type FROM "Event" WHERE "organisationId" = ${organisationId} ORDER BY "eventType" LIMIT 1)
      UNION ALL
      SELECT (SELECT "eventType" FROM "Event" WHERE "organisationId" = ${organisationId} AND "eventType" > types.type ORDER BY "eventType" LIMIT 1)
      FROM types WHERE types.type IS NOT NULL
    )
    SELECT type FROM types
    WHERE type IS NOT NULL AND type <> ALL(${[...EVENT_TYPES]}::text[])
      AND EXISTS (SELECT 1 FROM "Event" e WHERE e."organisationId" = ${organisationId} AND e."eventType" = types.type AND e."deletedAt" IS NULL)
    LIMIT ${limit}`;
  return rows.map((r) => r.type);
}

export function indicatorOptions(organisationId: string) {
  return db.indicator.findMany({
    where: { retiredAt: null, ...indicatorCatalogueWhere({ organisationId }) },
    orderBy: [{ riskFactorNumber: "asc" }, { position: "asc" }],
    select: { id: true, code: true, text: true },
  });
}
