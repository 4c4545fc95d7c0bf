import "server-only";
import type { Db } from "@/lib/db";
import { readDb } from "@/lib/db-replica";
import type { CurrentMembership } from "@/lib/auth/current-user";
import type { Crime, CrimeStatus, RiskCategory } from "@/lib/generated/prisma/enums";
import { PUBLISHED_ROUND, summaryScores, type ScoreSummaryJson } from "@/lib/indicators/rounds";
import { visibleSituationsSql } from "@/lib/situations/queries";
import { RISK_CATEGORY_ORDER } from "@/lib/labels";
import { Prisma } from "@/lib/generated/prisma/client";
import { LRUCache } from "lru-cache";
import type { RoundScores } from "@/lib/indicators/score";
import { findEscalations, type CategoryChange, type RoundFacts } from "./escalations";

/** The SEVERE indicators of the given rounds (through the partial index of SEVERE ratings). */
async function addSevere(db: Db, rounds: RoundFacts[]) {
  if (!rounds.length) return;
  const byId = new Map(rounds.map((r) => [r.id, r]));
  const severe = await db.$queryRaw<{ assessmentId: string; indicatorId: string; code: string }[]>`
    SELECT r."assessmentId", r."indicatorId", i.code FROM "IndicatorRating" r JOIN "Indicator" i ON i.id = r."indicatorId"
    WHERE r."assessmentId" IN (${Prisma.join(rounds.map((r) => r.id))}) AND r.level = 'SEVERE'`;
  for (const s of severe) {
    const round = byId.get(s.assessmentId)!;
    round.severeIds.push(s.indicatorId);
    round.severeCodes[s.indicatorId] = s.code;
  }
}

async function categoryChanges(db: Db, membership: CurrentMembership, since: Date): Promise<CategoryChange[]> {
  const rows = await db.$queryRaw<{ situationId: string; at: Date; before: RiskCategory; after: RiskCategory }[]>`
    SELECT e."entityId" AS "situationId", e.at, e.before->>'riskCategory' AS before, e.after->>'riskCategory' AS after
    FROM "AuditEntry" e JOIN "Situation" s ON s.id = e."entityId"
    WHERE e.action = 'situation.update' AND e."entityType" = 'Situation' AND e.at >= ${since}
      AND e.after ? 'riskCategory' AND e.before ? 'riskCategory'
      AND ${visibleSituationsSql(membership, "s")}`;
  return rows;
}

/**
 * Score summaries of published rounds by round id. A published round's scores change only when an
 * administrator re-scores it, which raises its version, so each version is read and converted once
 * per server process rather than for each of the ~400 rounds on every dashboard (kept by id and
 * version: by id alone, a re-scored round showed its old figures until the process restarted); the
 * cache holds the most recently used.
 */
const summaries = new LRUCache<string, RoundScores>({ max: 20_000 });
const summaryKey = (id: string, version: number) => `${id}@${version}`;

async function summariesOf(db: Db, rounds: { id: string; version: number }[]): Promise<Map<string, RoundScores>> {
  const out = new Map<string, RoundScores>();
  const missing: string[] = [];
  for (const { id, version } of rounds) {
    const hit = summaries.get(summaryKey(id, version));
    if (hit) out.set(id, hit);
    else missing.push(id);
  }
  if (missing.length) {
    // As text, parsed here: Prisma's handling of JSON values in raw results costs several times more.
    const rows = await db.$queryRaw<{ id: string; version: number; summary: string }[]>`
      SELECT id, version, "scoreSummary"::text AS summary FROM "Assessment" WHERE id IN (${Prisma.join(missing)}) AND ${PUBLISHED_ROUND}`;
    for (const r of rows) {
      const scores = summaryScores(JSON.parse(r.summary) as ScoreSummaryJson);
      summaries.set(summaryKey(r.id, r.version), scores);
      out.set(r.id, scores);
    }
  }
  return out;
}

/**
 * Every situation the member may see, in one query: its country's name, its crime assessments
 * ("CRIME:STATUS,...") and its latest two published rounds (id, date and version, newest first; one short
 * walk down the partial index of published rounds per situation), with their scores (summariesOf).
 */
async function visibleWithRounds(db: Db, membership: CurrentMembership) {
  const rows = await db.$queryRaw<{ id: string; title: string; riskCategory: RiskCategory; countryIso3: string; countryName: string; crimes: string | null; rounds: string | null }[]>`
    WITH v AS (SELECT s.id, s.title, s."riskCategory", s."countryIso3" FROM "Situation" s WHERE ${visibleSituationsSql(membership, "s")}),
      -- The crime assessments of all of them in one grouped pass (cheaper than a lookup per situation).
      cr AS (SELECT "situationId", string_agg(crime::text || ':' || status::text, ',') AS crimes FROM "CrimeAssessment" WHERE "situationId" IN (SELECT id FROM v) GROUP BY 1)
    SELECT s.id, s.title, s."riskCategory"::text AS "riskCategory", s."countryIso3", coalesce(c.name, s."countryIso3") AS "countryName", cr.crimes,
      (SELECT json_agg(json_build_array(r.id, r."assessedOn", r.version) ORDER BY r."assessedOn" DESC, r."publishedAt" DESC)::text
         FROM (SELECT id, "assessedOn", "publishedAt", version FROM "Assessment"
               WHERE "situationId" = s.id AND ${PUBLISHED_ROUND}
               ORDER BY "assessedOn" DESC, "publishedAt" DESC LIMIT 2) r) AS rounds
    FROM v s LEFT JOIN "Country" c ON c.iso3 = s."countryIso3" LEFT JOIN cr ON cr."situationId" = s.id
    ORDER BY s.title`;
  const latest = rows.map((r) => (r.rounds ? (JSON.parse(r.rounds) as [string, string, number][]) : []));
  const scores = await summariesOf(db, latest.flat().map(([id, , version]) => ({ id, version })));
  return rows.map((r, i) => ({
    situation: {
      id: r.id,
      title: r.title,
      riskCategory: r.riskCategory,
      countryIso3: r.countryIso3,
      country: { name: r.countryName },
      crimes: (r.crimes ? r.crimes.split(",") : []).map((x) => {
        const [crime, status] = x.split(":");
        return { crime: crime as Crime, status: status as CrimeStatus };
      }),
    },
    rounds: latest[i]
      .filter(([id]) => scores.has(id))
      .map(([id, assessedOn]): RoundFacts => ({ id, assessedOn: new Date(assessedOn), scores: scores.get(id)!, severeIds: [], severeCodes: {} })),
  }));
}

export async function dashboardOverview(membership: CurrentMembership, windowDays: number, now = new Date()) {
  const since = new Date(now.getTime() - windowDays * 86400_000);
  // The whole dashboard from one server: the read replica when there is one (lib/db-replica.ts).
  const db = await readDb();
  const [changes, visible] = await Promise.all([categoryChanges(db, membership, since), visibleWithRounds(db, membership)]);
  const situations = visible.map((v) => v.situation);
  // Latest two rounds per situation, newest first; only a situation whose latest round is in the window can escalate.
  const rounds = new Map(visible.filter((v) => v.rounds.length).map((v) => [v.situation.id, v.rounds]));
  await addSevere(db, [...rounds.values()].filter((rs) => rs[0].assessedOn >= since).flat());
  const escalations = findEscalations(rounds, changes, since);
  const crimeStatus: Record<Crime, Partial<Record<CrimeStatus, number>>> = { GENOCIDE: {}, WAR_CRIMES: {}, CRIMES_AGAINST_HUMANITY: {}, ETHNIC_CLEANSING: {}, INCITEMENT: {} };
  for (const s of situations) for (const c of s.crimes) crimeStatus[c.crime][c.status] = (crimeStatus[c.crime][c.status] ?? 0) + 1;
  const riskCounts = Object.fromEntries(RISK_CATEGORY_ORDER.map((c) => [c, 0])) as Record<RiskCategory, number>;
  for (const s of situations) riskCounts[s.riskCategory]++;
  const latest = new Map([...rounds].map(([sid, rs]) => [sid, rs[0]]));
  return { since, situations, riskCounts, escalations, crimeStatus, latest };
}
