import "server-only";
// Everything a country brief says, gathered once for the PDF and the printable page.
import { db } from "@/lib/db";
import { CRIME_ORDER } from "@/lib/labels";
import type { CurrentMembership } from "@/lib/auth/current-user";
import { getSituation } from "@/lib/situations/queries";
import { responsesForSituation } from "@/lib/responses/queries";
import { indicatorsFor, latestPublishedRounds, roundScoreSummaries } from "@/lib/indicators/rounds";
import { compareRounds } from "@/lib/indicators/compare";
import { riskFactors } from "@/lib/indicators/risk-factors";
import { externalRatingsForSituation } from "@/lib/external-ratings/queries";
import { latestBySystem } from "@/lib/external-ratings/present";
import { briefClaims } from "./claims";
import { recentEvents, sinceLastBrief } from "./recent-events";
import { briefSignals } from "@/lib/signals/queries";
import { periodDays } from "./bulletin";

/**
 * `period`: the days of the recent events (the last 90 days when not given), as the coalition
 * bulletin chooses them. The bulletin prints neither the event log's signals nor what changed since
 * the last brief, so with a period they are not read (the signals cost 0.4-0.9 s a situation at
 * the benchmark's 1,000,000 events, README; a bulletin reads many situations).
 */
export async function briefData(membership: CurrentMembership, situationId: string, period?: { from: string; to: string }) {
  const s = await getSituation(membership, situationId);
  if (!s) return null;
  const external = externalRatingsForSituation(membership, s.id);
  // The latest two rounds in full (with the indicators driving each score), read beside the rest as numbers for the trend.
  const [rounds, [latest = null, previous = null], responses, indicators, factors, org] = await Promise.all([
    roundScoreSummaries(s.id),
    latestPublishedRounds(s.id, 2),
    responsesForSituation(s.id),
    indicatorsFor(s.organisationId),
    riskFactors(),
    db.organisation.findUniqueOrThrow({ where: { id: membership.organisationId }, select: { name: true, sensitivityMarking: true } }),
  ]);
  const published = rounds;
  let change = null;
  if (latest && previous) {
    const ratings = await db.indicatorRating.findMany({ where: { assessmentId: { in: [latest.id, previous.id] } }, select: { assessmentId: true, indicatorId: true, level: true } });
    change = compareRounds(
      indicators.map((i) => ({ id: i.id, code: i.code, factor: i.riskFactorNumber })),
      { ratings: ratings.filter((r) => r.assessmentId === previous.id), scores: previous.scores },
      { ratings: ratings.filter((r) => r.assessmentId === latest.id), scores: latest.scores },
    );
  }
  const latestRatings = latest
    ? await db.indicatorRating.findMany({
        where: { assessmentId: latest.id },
        select: { citations: { select: { source: { select: { id: true, title: true, publisher: true, reliability: true, credibility: true, url: true, unSymbol: true, publishedOn: true } } } } },
      })
    : [];
  // Sources behind the brief's claims: crime statuses, responses and the latest round's ratings.
  const sourceMap = new Map<string, { id: string; title: string; publisher: string; reliability: string; credibility: number; url?: string | null; unSymbol?: string | null }>();
  for (const c of s.crimes) for (const { source } of c.citations) if (!source.deletedAt) sourceMap.set(source.id, source);
  for (const r of responses) for (const { source } of r.citations) sourceMap.set(source.id, source);
  for (const r of latestRatings) for (const { source } of r.citations) sourceMap.set(source.id, source);
  // Cited claims (numbered sources), the recent events and what changed since the last brief (issue #29).
  const [claims, recent, sinceLast, signals] = await Promise.all([
    briefClaims(
      CRIME_ORDER.map((crime) => s.crimes.find((c) => c.crime === crime)).filter((c) => c !== undefined).map((c) => ({ crime: c.crime, status: c.status, rationale: c.rationale, sourceIds: c.citations.map(({ source }) => source.id) })),
      latest?.id ?? null,
      responses.map((r) => ({ id: r.id, sourceIds: r.citations.map(({ source }) => source.id) })),
    ),
    period ? recentEvents(s.id, new Date(`${period.to}T00:00:00Z`), periodDays(period)) : recentEvents(s.id),
    period ? null : sinceLastBrief(membership.organisationId, s.id),
    period ? null : briefSignals(membership, s.id),
  ]);
  return {
    claims,
    recent,
    sinceLast,
    /** The event log's signals of the last 90 days (lib/signals), worded by lib/signals/brief.ts. */
    signals,
    situation: s,
    organisation: org,
    marking: briefMarking(org.sensitivityMarking, s),
    rounds: published,
    latest,
    previous,
    change,
    responses,
    factors,
    indicatorText: Object.fromEntries(indicators.map((i) => [i.id, i.text])),
    /** The latest rating of each other body (Early Warning Project, R2P Monitor, Genocide Watch). */
    externalRatings: latestBySystem(await external),
    sources: [...sourceMap.values()].sort((a, b) => a.reliability.localeCompare(b.reliability) || a.credibility - b.credibility || a.title.localeCompare(b.title)),
  };
}
export type BriefData = NonNullable<Awaited<ReturnType<typeof briefData>>>;

/**
 * The marking printed on a brief: the organisation's sensitivity marking, then who the situation is
 * shared with, from its own visibility (an organisation-only situation's brief must not read as
 * fit for the coalition, whatever the organisation's usual marking says).
 */
export function briefMarking(marking: string, s: { visibility: "ORGANISATION" | "COALITION"; organisation: { name: string } }) {
  return `${marking} · ${s.visibility === "COALITION" ? SHARED : `${s.organisation.name} only: ${NOT_SHARED}`}`;
}

/** The overview's first page lists every situation: it says whether any of them is not shared with the coalition. */
export function overviewMarking(marking: string, briefs: { situation: { visibility: "ORGANISATION" | "COALITION" } }[]) {
  const own = briefs.filter((b) => b.situation.visibility === "ORGANISATION").length;
  return `${marking} · ${own ? `includes ${own} situation${own === 1 ? "" : "s"} ${NOT_SHARED}` : SHARED}`;
}

const SHARED = "shared with coalition members";
const NOT_SHARED = "not shared with the coalition";
