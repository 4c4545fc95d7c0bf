import "server-only";
import { db } from "@/lib/db";
import type { CurrentMembership } from "@/lib/auth/current-user";
import type { Crime, CrimeStatus, RiskCategory } from "@/lib/generated/prisma/enums";
import type { RoundScores } from "@/lib/indicators/score";
import { findEscalations, type CategoryChange, type RoundFacts } from "./escalations";

/**
 * The latest two published rounds of every situation the member may see, with their SEVERE
 * indicators: one windowed query over the (situationId, status, assessedOn) index, one for ratings.
 */
async function latestRounds(membership: CurrentMembership) {
  const rows = await db.$queryRaw<{ id: string; situationId: string; assessedOn: Date; scores: RoundScores; rn: bigint }[]>`
    SELECT id, "situationId", "assessedOn", scores, rn FROM (
      SELECT a.id, a."situationId", a."assessedOn", a.scores,
             ROW_NUMBER() OVER (PARTITION BY a."situationId" ORDER BY a."assessedOn" DESC, a."publishedAt" DESC) AS rn
      FROM "Assessment" a JOIN "Situation" s ON s.id = a."situationId"
      WHERE a.status = 'PUBLISHED' AND a."deletedAt" IS NULL AND a.scores IS NOT NULL
        AND s."archivedAt" IS NULL AND (s."organisationId" = ${membership.organisationId} OR s.visibility = 'COALITION')
    ) r WHERE rn <= 2`;
  const severe = await db.indicatorRating.findMany({
    where: { assessmentId: { in: rows.map((r) => r.id) }, level: "SEVERE" },
    select: { assessmentId: true, indicatorId: true, indicator: { select: { code: true } } },
  });
  const byRound = new Map<string, typeof severe>();
  for (const s of severe) byRound.set(s.assessmentId, [...(byRound.get(s.assessmentId) ?? []), s]);
  const bySituation = new Map<string, RoundFacts[]>();
  for (const r of rows.sort((a, b) => Number(a.rn - b.rn))) {
    const sev = byRound.get(r.id) ?? [];
    const facts: RoundFacts = { id: r.id, assessedOn: r.assessedOn, scores: r.scores, severeIds: sev.map((s) => s.indicatorId), severeCodes: Object.fromEntries(sev.map((s) => [s.indicatorId, s.indicator.code])) };
    bySituation.set(r.situationId, [...(bySituation.get(r.situationId) ?? []), facts]);
  }
  return bySituation;
}

async function categoryChanges(membership: CurrentMembership, since: Date): Promise<CategoryChange[]> {
  const rows = await db.$queryRaw<{ situationId: string; at: Date; before: RiskCategory; after: RiskCategory }[]>`
    SELECT e."entityId" AS "situationId", e.at, e.before->>'riskCategory' AS before, e.after->>'riskCategory' AS after
    FROM "AuditEntry" e JOIN "Situation" s ON s.id = e."entityId"
    WHERE e.action = 'situation.update' AND e."entityType" = 'Situation' AND e.at >= ${since}
      AND e.after ? 'riskCategory' AND e.before ? 'riskCategory'
      AND s."archivedAt" IS NULL AND (s."organisationId" = ${membership.organisationId} OR s.visibility = 'COALITION')`;
  return rows;
}

export async function dashboardOverview(membership: CurrentMembership, windowDays: number, now = new Date()) {
  const since = new Date(now.getTime() - windowDays * 86400_000);
  const [rounds, changes, situations] = await Promise.all([
    latestRounds(membership),
    categoryChanges(membership, since),
    db.situation.findMany({
      where: { archivedAt: null, OR: [{ organisationId: membership.organisationId }, { visibility: "COALITION" }] },
      select: { id: true, title: true, riskCategory: true, countryIso3: true, country: { select: { name: true } }, crimes: { select: { crime: true, status: true } } },
      orderBy: { title: "asc" },
    }),
  ]);
  const escalations = findEscalations(rounds, changes, since);
  const crimeStatus: Record<Crime, Partial<Record<CrimeStatus, number>>> = { GENOCIDE: {}, WAR_CRIMES: {}, CRIMES_AGAINST_HUMANITY: {}, ETHNIC_CLEANSING: {}, INCITEMENT: {} };
  for (const s of situations) for (const c of s.crimes) crimeStatus[c.crime][c.status] = (crimeStatus[c.crime][c.status] ?? 0) + 1;
  const latest = new Map([...rounds].map(([sid, rs]) => [sid, rs[0]]));
  return { since, situations, escalations, crimeStatus, latest };
}
