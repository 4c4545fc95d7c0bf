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
 * The latest two published rounds of every situation the member may see (scores as numbers only,
 * one windowed query), with their SEVERE indicators for the situations whose latest round falls in
 * the window (only those can escalate; read through the partial index of SEVERE ratings).
 */
async function latestRounds(situationIds: string[], since: Date) {
  const rows = await roundScoreSummaries({ situationIds, latest: 2 });
  const bySituation = new Map<string, RoundFacts[]>();
  // Newest first within each situation (the summaries come oldest first, grouped by situation).
  for (let i = rows.length - 1; i >= 0; i--) {
    const r = rows[i];
    const list = bySituation.get(r.situationId) ?? [];
    list.push({ id: r.id, assessedOn: r.assessedOn, scores: r.scores, severeIds: [], severeCodes: {} });
    bySituation.set(r.situationId, list);
  }
  const recent = [...bySituation.values()].filter((rs) => rs[0].assessedOn >= since).flat();
  if (recent.length) {
    const byId = new Map(recent.map((r) => [r.id, r]));
    const severe = await db.$queryRaw<{ assessmentId: string; indicatorId: string; code: string }[]>`
      SELECT r."assessmentId", r."indicatorId", i.code FROM "IndicatorRating" r JOIN "Indicator" i ON i.id = r."indicatorId"
      WHERE r."assessmentId" IN (${Prisma.join(recent.map((r) => r.id))}) AND r.level = 'SEVERE'`;
    for (const s of severe) {
      const round = byId.get(s.assessmentId)!;
      round.severeIds.push(s.indicatorId);
      round.severeCodes[s.indicatorId] = s.code;
    }
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
  const [changes, visible] = await Promise.all([
    categoryChanges(membership, since),
    db.situation.findMany({ where: visibleSituationsWhere(membership), select: { id: true, title: true, riskCategory: true, countryIso3: true }, orderBy: { title: "asc" } }),
  ]);
  // Countries' names and the crime assessments as plain rows, one query each (cheaper than nested relations for hundreds of situations).
  const ids = visible.map((s) => s.id);
  const [crimeRows, countryRows] = await Promise.all([
    db.$queryRaw<{ situationId: string; crime: Crime; status: CrimeStatus }[]>`SELECT "situationId", crime::text AS crime, status::text AS status FROM "CrimeAssessment" WHERE "situationId" = ANY(${ids}::text[])`,
    db.$queryRaw<{ iso3: string; name: string }[]>`SELECT iso3, name FROM "Country" WHERE iso3 = ANY(${[...new Set(visible.map((s) => s.countryIso3))]}::text[])`,
  ]);
  const countryName = new Map(countryRows.map((c) => [c.iso3, c.name]));
  const crimesOf = new Map<string, { crime: Crime; status: CrimeStatus }[]>();
  for (const c of crimeRows) {
    const list = crimesOf.get(c.situationId) ?? [];
    list.push({ crime: c.crime, status: c.status });
    crimesOf.set(c.situationId, list);
  }
  const situations = visible.map((s) => ({ ...s, country: { name: countryName.get(s.countryIso3) ?? s.countryIso3 }, crimes: crimesOf.get(s.id) ?? [] }));
  const rounds = await latestRounds(situations.map((s) => s.id), since);
  const escalations = findEscalations(rounds, changes, since);
  const crimeStatus: Record<Crime, Partial<Record<CrimeStatus, number>>> = { GENOCIDE: {}, WAR_CRIMES: {}, CRIMES_AGAINST_HUMANITY: {}, ETHNIC_CLEANSING: {}, INCITEMENT: {} };
  for (const s of situations) for (const c of s.crimes) crimeStatus[c.crime][c.status] = (crimeStatus[c.crime][c.status] ?? 0) + 1;
  const riskCounts = Object.fromEntries(RISK_CATEGORY_ORDER.map((c) => [c, 0])) as Record<RiskCategory, number>;
  for (const s of situations) riskCounts[s.riskCategory]++;
  const latest = new Map([...rounds].map(([sid, rs]) => [sid, rs[0]]));
  return { since, situations, riskCounts, escalations, crimeStatus, latest };
}
