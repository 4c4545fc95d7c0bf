import "server-only";
import { db } from "@/lib/db";
import type { CurrentMembership } from "@/lib/auth/current-user";
import type { Crime, CrimeStatus, RiskCategory } from "@/lib/generated/prisma/enums";
import { roundScoreSummaries } from "@/lib/indicators/rounds";
import { visibleSituationsWhere } from "@/lib/situations/queries";
import { RISK_CATEGORY_ORDER } from "@/lib/labels";
import { Prisma } from "@/lib/generated/prisma/client";
import { findEscalations, type CategoryChange, type RoundFacts } from "./escalations";

/**
 * The latest two published rounds of every situation the member may see, with their SEVERE
 * indicators: one windowed query (scores as numbers only), one for the SEVERE ratings.
 */
async function latestRounds(situationIds: string[]) {
  const rows = await roundScoreSummaries({ situationIds, latest: 2 });
  // Through the partial index of SEVERE ratings (IndicatorRating_severe_idx).
  const severe = rows.length
    ? await db.$queryRaw<{ assessmentId: string; indicatorId: string; code: string }[]>`
        SELECT r."assessmentId", r."indicatorId", i.code FROM "IndicatorRating" r JOIN "Indicator" i ON i.id = r."indicatorId"
        WHERE r."assessmentId" IN (${Prisma.join(rows.map((r) => r.id))}) AND r.level = 'SEVERE'`
    : [];
  const byRound = new Map<string, typeof severe>();
  for (const s of severe) byRound.set(s.assessmentId, [...(byRound.get(s.assessmentId) ?? []), s]);
  const bySituation = new Map<string, RoundFacts[]>();
  // Newest first within each situation (the summaries come oldest first).
  for (const r of [...rows].sort((a, b) => a.situationId.localeCompare(b.situationId) || b.assessedOn.getTime() - a.assessedOn.getTime())) {
    const sev = byRound.get(r.id) ?? [];
    const facts: RoundFacts = { id: r.id, assessedOn: r.assessedOn, scores: r.scores, severeIds: sev.map((s) => s.indicatorId), severeCodes: Object.fromEntries(sev.map((s) => [s.indicatorId, s.code])) };
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
  const [changes, situations] = await Promise.all([
    categoryChanges(membership, since),
    db.situation.findMany({
      where: visibleSituationsWhere(membership),
      select: { id: true, title: true, riskCategory: true, countryIso3: true, country: { select: { name: true } }, crimes: { select: { crime: true, status: true } } },
      orderBy: { title: "asc" },
    }),
  ]);
  const rounds = await latestRounds(situations.map((s) => s.id));
  const escalations = findEscalations(rounds, changes, since);
  const crimeStatus: Record<Crime, Partial<Record<CrimeStatus, number>>> = { GENOCIDE: {}, WAR_CRIMES: {}, CRIMES_AGAINST_HUMANITY: {}, ETHNIC_CLEANSING: {}, INCITEMENT: {} };
  for (const s of situations) for (const c of s.crimes) crimeStatus[c.crime][c.status] = (crimeStatus[c.crime][c.status] ?? 0) + 1;
  const riskCounts = Object.fromEntries(RISK_CATEGORY_ORDER.map((c) => [c, 0])) as Record<RiskCategory, number>;
  for (const s of situations) riskCounts[s.riskCategory]++;
  const latest = new Map([...rounds].map(([sid, rs]) => [sid, rs[0]]));
  return { since, situations, riskCounts, escalations, crimeStatus, latest };
}
