import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/require-user";
import { recentlyUpdatedSituations } from "@/lib/situations/queries";
import { RISK_CATEGORY_LABELS, RISK_CATEGORY_ORDER } from "@/lib/labels";
import { CRIME_LABELS, CRIME_ORDER, CRIME_STATUS_LABELS } from "@/lib/labels";
import { dashboardOverview } from "@/lib/dashboard/overview";
import { WorldMap } from "@/components/dashboard/world-map";
import { riskMapCountries } from "@/lib/dashboard/map-countries";
import { FACTOR_SHORT_NAMES, scoreText } from "@/lib/indicators/score-text";
import { HeatmapRows } from "@/components/dashboard/heatmap-rows";
import { mapShapeKeys } from "@/lib/dashboard/map-shapes";
import { db } from "@/lib/db";
import { RiskBadge, riskBadge } from "@/components/ui/risk-badge";
import { findResponseGaps } from "@/lib/responses/gaps";
import { findStaleAssessments, recentActivity } from "@/lib/dashboard/queries";
import { isoDate } from "@/lib/format";
import { html } from "@/lib/markup";
import { riskFactors } from "@/lib/indicators/risk-factors";
import { SignalsThisWeekPanel } from "@/components/signals/signals-panel";
import { ExternalDivergencePanel } from "@/components/external-ratings/divergence-panel";

export const metadata: Metadata = { title: "Dashboard" };

const GAP_DAYS = 180;

const STATUSES = ["RISK", "ALLEGED", "DOCUMENTED", "PAST"] as const;

/** A round's overall score for ordering: one not enough assessed after every scored one. */
const sortScore = (o: { score: number; lowConfidence?: boolean }) => (o.lowConfidence ? -1 : o.score);

/** Situations in the factor heatmap unless all are asked for: the highest-scoring first. */
const HEATMAP_ROWS = 25;
/** Response gaps listed unless all are asked for (they come most urgent first). */
const GAP_ROWS = 10;

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ window?: string; factors?: string; gaps?: string }> }) {
  const params = await searchParams;
  const windowDays = params.window === "90" ? 90 : 30;
  const allFactors = params.factors === "all";
  const allGaps = params.gaps === "all";
  /** This dashboard with one choice changed and the others kept. */
  const here = (change: { window?: string; factors?: string; gaps?: string }, hash = "") => {
    const kept = { window: windowDays === 90 ? "90" : undefined, factors: allFactors ? "all" : undefined, gaps: allGaps ? "all" : undefined, ...change };
    const q = new URLSearchParams(Object.entries(kept).filter((e): e is [string, string] => !!e[1])).toString();
    return `/${q ? `?${q}` : ""}${hash}`;
  };
  const user = await requireUser();
  const [recent, gaps, stale, activity, overview, factors, watches] = await Promise.all([
    recentlyUpdatedSituations(user.active, 5),
    findResponseGaps(user.active, GAP_DAYS),
    findStaleAssessments(user.active),
    recentActivity(user.active),
    dashboardOverview(user.active, windowDays),
    riskFactors(),
    db.watch.findMany({ where: { userId: user.id }, select: { situationId: true } }),
  ]);
  const counts = overview.riskCounts;
  const titles = new Map(overview.situations.map((s) => [s.id, s]));
  const watched = new Set(watches.map((w) => w.situationId));
  const mapCountries = riskMapCountries(overview.situations, overview.latest);
  const assessed = overview.situations
    .filter((s) => overview.latest.has(s.id))
    // Highest overall score first; a round not enough assessed sorts after every scored one (it is not "low").
    .sort((a, b) => sortScore(overview.latest.get(b.id)!.scores.overall) - sortScore(overview.latest.get(a.id)!.scores.overall) || a.title.localeCompare(b.title));
  const heatmap = allFactors ? assessed : assessed.slice(0, HEATMAP_ROWS);
  return (
    <>
      <h1>Dashboard</h1>
      <p className="muted">Situations you can see: your organisation&apos;s and those shared with the coalition.</p>
      <h2>Situations by risk category</h2>
      <div className="cards">
        {RISK_CATEGORY_ORDER.map((c) => (
          <a key={c} href={`/situations?risk=${c}`} className="card">
            <div className="num">{counts[c]}</div>
            <div>{RISK_CATEGORY_LABELS[c]}</div>
          </a>
        ))}
      </div>
      <h2>Risk map</h2>
      {/* Each country on the map is a link: a keyboard user can pass them all at once. */}
      <a className="skip-link" href="#escalations-heading">
        Skip the map&apos;s {mapCountries.length} country links
      </a>
      <WorldMap shapes={mapShapeKeys()} countries={mapCountries} />

      <section className="panel" aria-labelledby="escalations-heading" style={{ marginTop: "1rem" }}>
        <h2 id="escalations-heading" style={{ marginTop: 0 }}>
          Escalations in the last {windowDays} days ({overview.escalations.length})
        </h2>
        <p className="muted">
          A score rose or new severe indicators appeared since the previous published round, or the risk category was raised.{" "}
          {windowDays === 30 ? <a href={here({ window: "90" })}>Show the last 90 days</a> : <a href={here({ window: undefined })}>Show the last 30 days</a>}
        </p>
        {overview.escalations.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul
            dangerouslySetInnerHTML={{
              __html: html`${overview.escalations.map((e) => {
                const s = titles.get(e.situationId)!;
                return html`<li><a href="${e.roundId ? `/situations/${s.id}/rounds/${e.roundId}` : `/situations/${s.id}?tab=history`}">${s.title}</a> ${riskBadge(s.riskCategory)}<span class="muted">: ${e.reasons.join("; ")}</span></li>`;
              })}`.value,
            }}
          />
        )}
      </section>

      <SignalsThisWeekPanel membership={user.active} />

      <h2>The four crimes and incitement</h2>
      <table>
        <caption className="visually-hidden">Number of situations by crime and status</caption>
        <thead>
          <tr>
            <th scope="col">Crime</th>
            {STATUSES.map((st) => (
              <th scope="col" key={st}>
                {CRIME_STATUS_LABELS[st]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {CRIME_ORDER.map((c) => (
            <tr key={c}>
              <th scope="row">{CRIME_LABELS[c]}</th>
              {STATUSES.map((st) => {
                const n = overview.crimeStatus[c][st] ?? 0;
                return <td key={st}>{n ? <a href={`/situations?crime=${c}&status=${st}`} aria-label={`${n} situations: ${CRIME_LABELS[c]}, ${CRIME_STATUS_LABELS[st]}`}>{n}</a> : "0"}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>

      <h2 id="factors">Risk factors by situation</h2>
      {assessed.length === 0 ? (
        <p className="muted">No published assessment round yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="heatmap">
            <caption>
              Risk factor scores of {heatmap.length < assessed.length ? `the ${heatmap.length} highest-scoring situations` : "each situation"} in their latest published round (0–100; darker
              is higher; hatched grey: not enough assessed), highest overall score first. <a href="/help/scores">How scores work</a>
            </caption>
            <thead>
              <tr>
                <th scope="col">Situation</th>
                <th scope="col">Round</th>
                {factors.map((f) => (
                  <th scope="col" key={f.number} title={`${f.number}. ${f.title}`} className="factor-head">
                    <span aria-hidden="true">{FACTOR_SHORT_NAMES[f.number] ?? f.title}</span>
                    <span className="visually-hidden">
                      Risk factor {f.number}: {f.title}
                    </span>
                  </th>
                ))}
              </tr>
            </thead>
            <HeatmapRows
              rows={heatmap.map((s) => {
                const r = overview.latest.get(s.id)!;
                return {
                  id: s.id,
                  title: s.title,
                  date: isoDate(r.assessedOn),
                  scores: factors.map((f) => {
                    const c = r.scores.factors[f.number] ?? { score: 0 };
                    return c.lowConfidence ? { score: c.score, low: scoreText(c) } : { score: c.score };
                  }),
                };
              })}
            />
          </table>
        </div>
      )}
      {heatmap.length < assessed.length && (
        <p>
          <a href={here({ factors: "all" }, "#factors")}>Show all {assessed.length} assessed situations</a>
        </p>
      )}
      {assessed.length < overview.situations.length && (
        <p className="muted">{overview.situations.length - assessed.length} situations have no published round yet.</p>
      )}

      <h2>Recently updated</h2>
      {recent.length === 0 ? (
        <p>No situations yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Situation</th>
              <th scope="col">Risk category</th>
              <th scope="col">Last update</th>
            </tr>
          </thead>
          <tbody>
            {recent.map((s) => (
              <tr key={s.id}>
                <td>
                  <a href={`/situations/${s.id}`}>{s.title}</a> <span className="muted">({s.country.name})</span>
                </td>
                <td>
                  <RiskBadge category={s.riskCategory} />
                </td>
                <td>
                  {isoDate(s.updatedAt)} by {s.updatedBy.name}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="grid-2" style={{ gridTemplateColumns: "repeat(auto-fit, minmax(22rem, 1fr))", gap: "1rem", marginTop: "1.5rem" }}>
        <section className="panel" aria-labelledby="gaps-heading">
          <h2 id="gaps-heading" style={{ marginTop: 0 }}>
            Response gaps ({gaps.length})
          </h2>
          <p className="muted">Current crisis or imminent risk, and no pillar III response adopted or implemented in the last {GAP_DAYS} days.</p>
          {gaps.length === 0 ? (
            <p>None.</p>
          ) : (
            <ul
              dangerouslySetInnerHTML={{
                __html: html`${(allGaps ? gaps : gaps.slice(0, GAP_ROWS)).map((g) => html`<li><a href="/situations/${g.id}?tab=responses">${g.title}</a> ${riskBadge(g.riskCategory)}</li>`)}`.value,
              }}
            />
          )}
          {!allGaps && gaps.length > GAP_ROWS && <a href={here({ gaps: "all" }, "#gaps-heading")}>Show all {gaps.length} response gaps</a>}
        </section>
        <section className="panel" aria-labelledby="stale-heading">
          <h2 id="stale-heading" style={{ marginTop: 0 }}>
            Due for assessment ({stale.rows.length})
          </h2>
          <p className="muted">Your organisation&apos;s situations not assessed in the last {stale.intervalDays} days.</p>
          {stale.rows.length === 0 ? (
            <p>None.</p>
          ) : (
            <ul
              dangerouslySetInnerHTML={{
                __html: html`${stale.rows.map(
                  (s) => html`<li><a href="/situations/${s.id}">${s.title}</a> <span class="muted">${s.lastAssessedAt ? `last assessed ${isoDate(s.lastAssessedAt)}` : "never assessed"}</span></li>`,
                )}`.value,
              }}
            />
          )}
        </section>
        <section className="panel" aria-labelledby="watch-heading">
          <h2 id="watch-heading" style={{ marginTop: 0 }}>
            Situations you follow ({watched.size})
          </h2>
          {watched.size === 0 ? (
            <p className="muted">Follow a situation from its page to keep it here and choose to be alerted only about those.</p>
          ) : (
            <ul>
              {overview.situations
                .filter((s) => watched.has(s.id))
                .map((s) => (
                  <li key={s.id}>
                    <a href={`/situations/${s.id}`}>{s.title}</a> <RiskBadge category={s.riskCategory} />
                    {overview.latest.get(s.id) && <span className="muted"> score {scoreText(overview.latest.get(s.id)!.scores.overall)}</span>}
                  </li>
                ))}
            </ul>
          )}
        </section>
        <ExternalDivergencePanel membership={user.active} />
      </div>
      <h2>Recent activity</h2>
      {activity.length === 0 ? (
        <p>Nothing yet.</p>
      ) : (
        <ul className="panel" style={{ listStyle: "none" }}>
          {activity.map((a) => (
            <li key={a.id}>
              <span className="muted">{a.at.toISOString().slice(0, 16).replace("T", " ")}</span> {a.who} {a.what}{" "}
              {a.title ? <a href={a.href}>{a.title}</a> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
