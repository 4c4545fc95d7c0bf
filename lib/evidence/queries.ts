import "server-only";
// Evidence since the last round (issue #28): for each indicator of a round, the situation's events
// linked to it since the last published round (dated after that round), the sources those events
// cite, that round's rating, the rating the evidence suggests (./schemas.ts) and what the analyst
// decided about it. One query for the events of every indicator, through EventIndicator's keys.
import { db } from "@/lib/db";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentMembership } from "@/lib/access/session";
import { situationVisibleSql } from "@/lib/access/situations";
import { isoDate } from "@/lib/format";
import { suggestedLevel, type Level } from "./schemas";

type Client = typeof db | Tx;

export interface LinkedEvent {
  id: string;
  date: string;
  type: string;
  location: string | null;
  fatalities: number | null;
}

export interface IndicatorEvidence {
  indicatorId: string;
  /** Linked events since the last published round. */
  events: number;
  /** People killed in them, where known; `unknownKilled` events did not say. */
  killed: number;
  unknownKilled: number;
  /** The latest three. */
  recent: LinkedEvent[];
  /** Distinct sources those events cite. */
  sources: number;
  /** The last published round's rating (null: it did not rate the indicator). */
  published: Level | null;
  suggested: Level | null;
  decision: { decision: "ACCEPTED" | "DECLINED"; reason: string; decidedBy: string; decidedAt: Date; suggestedLevel: string } | null;
}

export interface RoundEvidence {
  /** The last published round before this one, whose date the evidence is counted from (null: none yet). */
  since: { id: string; assessedOn: string } | null;
  indicators: Record<string, IndicatorEvidence>;
}

/** The situation's last published round dated no later than `round` (not `round` itself). */
export async function lastPublishedBefore(client: Client, situationId: string, round: { id: string; assessedOn: Date }) {
  return client.assessment.findFirst({
    where: { situationId, status: "PUBLISHED", deletedAt: null, id: { not: round.id }, assessedOn: { lte: round.assessedOn } },
    orderBy: [{ assessedOn: "desc" }, { publishedAt: "desc" }],
    select: { id: true, assessedOn: true },
  });
}

/** The evidence of every indicator of `round` with linked events or a decision; the situation must be visible to `membership`. */
export async function roundEvidence(membership: Pick<CurrentMembership, "organisationId">, situationId: string, round: { id: string; assessedOn: Date }, client: Client = db, only?: string): Promise<RoundEvidence> {
  const since = await lastPublishedBefore(client, situationId, round);
  const sinceDate = since ? isoDate(since.assessedOn) : null;
  const indicatorFilter = only ? Prisma.sql`AND x."indicatorId" = ${only}` : Prisma.empty;
  const [rows, published, decisions] = await Promise.all([
    client.$queryRaw<{ indicatorId: string; events: number; killed: number; unknown: number; sources: number; recent: string }[]>`
      WITH ev AS (
        SELECT x."indicatorId", e.id, e."eventDate", e."eventType", e.location, e.fatalities
        FROM "Situation" s
        JOIN "Event" e ON e."situationId" = s.id AND e."deletedAt" IS NULL
        JOIN "EventIndicator" x ON x."eventId" = e.id
        WHERE s.id = ${situationId} AND ${situationVisibleSql(membership, "s")}
          AND (${sinceDate}::date IS NULL OR e."eventDate" > ${sinceDate}::date) ${indicatorFilter}
      )
      SELECT ev."indicatorId", count(*)::int AS events, coalesce(sum(ev.fatalities), 0)::int AS killed,
        (count(*) FILTER (WHERE ev.fatalities IS NULL))::int AS unknown,
        (SELECT count(DISTINCT c."sourceId") FROM "Citation" c JOIN ev e3 ON e3.id = c."eventId" WHERE e3."indicatorId" = ev."indicatorId")::int AS sources,
        (SELECT json_agg(json_build_array(r.id, r."eventDate", r."eventType", r.location, r.fatalities))::text
           FROM (SELECT * FROM ev e2 WHERE e2."indicatorId" = ev."indicatorId" ORDER BY e2."eventDate" DESC, e2.id DESC LIMIT 3) r) AS recent
      FROM ev GROUP BY ev."indicatorId"`,
    since ? client.indicatorRating.findMany({ where: { assessmentId: since.id }, select: { indicatorId: true, level: true } }) : [],
    client.ratingSuggestion.findMany({ where: { assessmentId: round.id, decision: { not: null } } }),
  ]);
  const publishedLevel = new Map(published.map((r) => [r.indicatorId, r.level as Level]));
  const deciders = decisions.length ? await client.user.findMany({ where: { id: { in: decisions.map((d) => d.decidedById!).filter(Boolean) } }, select: { id: true, name: true } }) : [];
  const names = new Map(deciders.map((u) => [u.id, u.name]));
  const indicators: Record<string, IndicatorEvidence> = {};
  const entry = (indicatorId: string): IndicatorEvidence =>
    (indicators[indicatorId] ??= { indicatorId, events: 0, killed: 0, unknownKilled: 0, recent: [], sources: 0, published: publishedLevel.get(indicatorId) ?? null, suggested: null, decision: null });
  for (const r of rows) {
    const e = entry(r.indicatorId);
    e.events = r.events;
    e.killed = r.killed;
    e.unknownKilled = r.unknown;
    e.sources = r.sources;
    e.recent = (JSON.parse(r.recent ?? "[]") as [string, string, string, string | null, number | null][]).map(([id, date, type, location, fatalities]) => ({ id, date: date.slice(0, 10), type, location, fatalities }));
    e.suggested = suggestedLevel(e.published, e.events);
  }
  for (const d of decisions) {
    if (only && d.indicatorId !== only) continue;
    entry(d.indicatorId).decision = { decision: d.decision as "ACCEPTED" | "DECLINED", reason: d.reason, decidedBy: names.get(d.decidedById ?? "") ?? "—", decidedAt: d.decidedAt!, suggestedLevel: d.suggestedLevel };
  }
  return { since: since && { id: since.id, assessedOn: isoDate(since.assessedOn) }, indicators };
}
