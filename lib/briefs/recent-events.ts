import "server-only";
// A brief's recent events (issue #29): the situation's events of a period (the last 90 days by
// default): how many, people killed (where known; events without a figure are counted apart),
// attacks on civilians, the most affected places and a count per week; and what changed since the
// organisation's last brief of the situation.
import { db } from "@/lib/db";
import { isoDate } from "@/lib/format";

export const RECENT_DAYS = 90;

export interface RecentEvents {
  from: string;
  to: string;
  events: number;
  killed: number;
  unknownKilled: number;
  civilianAttacks: number;
  places: { place: string; events: number; killed: number }[];
  weeks: { week: string; events: number; killed: number }[];
}

export interface SinceLastBrief {
  at: Date;
  by: string;
  newEvents: number;
  newResponses: number;
  newRounds: number;
}

export async function recentEvents(situationId: string, to = new Date(), days = RECENT_DAYS): Promise<RecentEvents> {
  const toDay = isoDate(to);
  const fromDay = isoDate(new Date(to.getTime() - (days - 1) * 86400_000));
  const [totals, places, weeks] = await Promise.all([
    db.$queryRaw<{ events: number; killed: number; unknown: number; civilian: number }[]>`
      SELECT count(*)::int AS events, coalesce(sum(fatalities), 0)::int AS killed, (count(*) FILTER (WHERE fatalities IS NULL))::int AS unknown,
        (count(*) FILTER (WHERE "civilianTargeting" OR "eventType" = 'Violence against civilians'))::int AS civilian
      FROM "Event" WHERE "situationId" = ${situationId} AND "deletedAt" IS NULL AND "eventDate" BETWEEN ${fromDay}::date AND ${toDay}::date`,
    db.$queryRaw<{ place: string; events: number; killed: number }[]>`
      SELECT coalesce(nullif(admin1, ''), nullif(location, ''), 'Place not given') AS place, count(*)::int AS events, coalesce(sum(fatalities), 0)::int AS killed
      FROM "Event" WHERE "situationId" = ${situationId} AND "deletedAt" IS NULL AND "eventDate" BETWEEN ${fromDay}::date AND ${toDay}::date
      GROUP BY 1 ORDER BY 2 DESC, 3 DESC, 1 LIMIT 5`,
    db.$queryRaw<{ week: string; events: number; killed: number }[]>`
      SELECT to_char(date_trunc('week', "eventDate"), 'YYYY-MM-DD') AS week, count(*)::int AS events, coalesce(sum(fatalities), 0)::int AS killed
      FROM "Event" WHERE "situationId" = ${situationId} AND "deletedAt" IS NULL AND "eventDate" BETWEEN ${fromDay}::date AND ${toDay}::date
      GROUP BY 1 ORDER BY 1`,
  ]);
  const t = totals[0] ?? { events: 0, killed: 0, unknown: 0, civilian: 0 };
  return { from: fromDay, to: toDay, events: t.events, killed: t.killed, unknownKilled: t.unknown, civilianAttacks: t.civilian, places, weeks };
}

/** What changed since the organisation's last brief of this situation (from the audit log), or null when there was none. */
export async function sinceLastBrief(organisationId: string, situationId: string): Promise<SinceLastBrief | null> {
  const last = await db.auditEntry.findFirst({
    where: { organisationId, entityType: "Situation", entityId: situationId, action: "export.brief" },
    orderBy: { at: "desc" },
    select: { at: true, user: { select: { name: true } } },
  });
  if (!last) return null;
  const [newEvents, newResponses, newRounds] = await Promise.all([
    db.event.count({ where: { situationId, deletedAt: null, createdAt: { gt: last.at } } }),
    db.response.count({ where: { situationId, deletedAt: null, createdAt: { gt: last.at } } }),
    db.assessment.count({ where: { situationId, deletedAt: null, status: "PUBLISHED", publishedAt: { gt: last.at } } }),
  ]);
  return { at: last.at, by: last.user?.name ?? "someone", newEvents, newResponses, newRounds };
}
