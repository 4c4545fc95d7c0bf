import type { Metadata } from "next";
import { canOpenCitedSources } from "@/lib/access/sources";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/require-user";
import { canChangeSituation } from "@/lib/access/situations";
import { getSituationHeader } from "@/lib/situations/queries";
import { comparedScores, getRound, getRoundLevels, indicatorsFor, minScoreCoverage, roundChoices, roundScores, scoringInput } from "@/lib/indicators/rounds";
import { METHOD_VERSION } from "@/lib/indicators/score";
import { can } from "@/lib/access/can";
import { RescoreRound } from "@/components/indicators/rescore-round";
import { compareRounds, previousPublished } from "@/lib/indicators/compare";
import { isoDate, todayIso } from "@/lib/format";
import { riskFactors } from "@/lib/indicators/risk-factors";
import { RoundForm, type FormRating } from "@/components/indicators/round-form";
import { RoundView, type RoundViewProps } from "@/components/indicators/round-view";
import { sentIndicator, shownScores } from "@/components/indicators/round-view-data";
import { RiskBadge } from "@/components/ui/risk-badge";
import { roundEvidence } from "@/lib/evidence/queries";
import { EvidencePanel } from "@/components/evidence/evidence-panel";

export const metadata: Metadata = { title: "Assessment round" };

export default async function RoundPage({ params, searchParams }: { params: Promise<{ id: string; rid: string }>; searchParams: Promise<{ compare?: string }> }) {
  const [{ id, rid }, { compare }] = await Promise.all([params, searchParams]);
  const user = await requireUser();
  // The round and the situation's rounds are read alongside the situation, but shown only if the situation is visible to the caller.
  const [s, round, rounds] = await Promise.all([getSituationHeader(user.active, id), getRound(id, rid), roundChoices(id)]);
  if (!s || !round) notFound();
  // The round to compare with: the one asked for, else the previous published round.
  const againstId = compare && compare !== round.id ? compare : previousPublished(rounds, round)?.id;
  const [indicators, factors, against, minCoverage] = await Promise.all([indicatorsFor(s.organisationId), riskFactors(), againstId ? getRoundLevels(s.id, againstId) : null, minScoreCoverage(s.organisationId)]);
  const canEdit = round.status === "DRAFT" && !s.archivedAt && canChangeSituation(user.active, s);
  // A draft shows what the event log says since the last published round, beside the ratings (issue #28).
  const evidence = round.status === "DRAFT" ? await roundEvidence(user.active, s.id, round) : null;
  const evidencePanel = evidence && (
    <EvidencePanel situationId={s.id} roundId={round.id} evidence={evidence} indicators={indicators.filter((i) => !i.retiredAt).map((i) => ({ id: i.id, code: i.code, text: i.text }))} canDecide={canEdit} />
  );

  const header = (
    <>
      <p>
        <Link href={`/situations/${s.id}?tab=indicators`}>← {s.title}: indicators</Link>
      </p>
      <div className="header-line">
        <h1 style={{ margin: 0 }}>Assessment round of {isoDate(round.assessedOn)}</h1>
        <RiskBadge category={s.riskCategory} />
        <span className="badge neutral">{round.status === "PUBLISHED" ? "Published" : "Draft"}</span>
      </div>
      <p className="muted">
        {s.title} · started by {round.createdBy.name}
        {round.publishedAt && ` · published ${isoDate(round.publishedAt)} by ${round.publishedBy?.name ?? "—"}; published rounds do not change, corrections make a new round`}
      </p>
    </>
  );

  if (canEdit) {
    const ratings: Record<string, FormRating> = Object.fromEntries(
      round.ratings.map((r) => [r.indicatorId, { level: r.level, trend: r.trend ?? "", confidence: r.confidence ?? "", evidence: r.evidence, sourceIds: r.citations.map((c) => c.source.id) }]),
    );
    const sources = [...new Map(round.ratings.flatMap((r) => r.citations.map((c) => [c.source.id, c.source] as const))).values()];
    return (
      <>
        {header}
        {evidencePanel}
        <RoundForm
          situationId={s.id}
          round={{ id: round.id, version: round.version, assessedOn: isoDate(round.assessedOn), summary: round.summary }}
          factors={factors}
          indicators={indicators.map((i) => ({ id: i.id, code: i.code, text: i.text, factor: i.riskFactorNumber, retired: i.retiredAt !== null, own: i.organisationId !== null }))}
          ratings={ratings}
          previous={against ? { date: isoDate(against.assessedOn), levels: Object.fromEntries(against.ratings.map((r) => [r.indicatorId, r.level])) } : null}
          sources={sources}
          today={todayIso()}
          minCoverage={minCoverage}
        />
      </>
    );
  }

  // Read-only view: the round's scores and what changed since the round compared with (the rating form works its scores out as the analyst types).
  const scores = roundScores(round, indicators, minCoverage);
  const comparison = against
    ? compareRounds(scoringInput(indicators).map((i) => ({ id: i.id, code: i.code, factor: i.factor })), { ratings: against.ratings, scores: comparedScores(against, indicators, minCoverage) }, { ratings: round.ratings, scores })
    : null;
  const linkSources = canOpenCitedSources(user.active, s);
  const byIndicator = new Map(round.ratings.map((r) => [r.indicatorId, r]));
  // The markup is made by RoundView from this data (see there why not here).
  const view: RoundViewProps = {
    factors: factors.map((f) => ({ number: f.number, title: f.title })),
    indicators: indicators.map((i) => sentIndicator(i, byIndicator.get(i.id))),
    scores: shownScores(scores),
    comparison,
    against: against ? { id: against.id, date: isoDate(against.assessedOn) } : null,
    others: rounds.filter((r) => r.id !== round.id && r.status === "PUBLISHED").map((r) => ({ id: r.id, date: isoDate(r.assessedOn) })),
    linkSources,
  };
  return (
    <>
      {header}
      {round.status === "DRAFT" && <p className="notice">This round is a draft: its scores will be fixed when it is published.</p>}
      {evidencePanel}
      {round.summary && <p style={{ whiteSpace: "pre-wrap" }}>{round.summary}</p>}
      <RoundView {...view} />
      {round.status === "PUBLISHED" && can.administer(user.active) && can.changeRound(user.active, round) && (
        <RescoreRound id={round.id} version={round.version} method={round.methodVersion} current={METHOD_VERSION} />
      )}
    </>
  );
}
