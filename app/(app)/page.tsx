import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/require-user";
import { countByRiskCategory, listVisibleSituations } from "@/lib/situations/queries";
import { RISK_CATEGORY_LABELS, RISK_CATEGORY_ORDER } from "@/lib/labels";
import { NotBuiltYet } from "@/components/ui/not-built-yet";
import { RiskBadge } from "@/components/ui/risk-badge";
import { findResponseGaps } from "@/lib/responses/gaps";
import { findStaleAssessments, recentActivity } from "@/lib/dashboard/queries";
import { isoDate } from "@/lib/format";

export const metadata: Metadata = { title: "Dashboard" };

const GAP_DAYS = 180;

export default async function DashboardPage() {
  const user = await requireUser();
  const [counts, recent, gaps, stale, activity] = await Promise.all([
    countByRiskCategory(user.active),
    listVisibleSituations(user.active, 8),
    findResponseGaps(user.active, GAP_DAYS),
    findStaleAssessments(user.active),
    recentActivity(user.active),
  ]);
  return (
    <>
      <h1>Dashboard</h1>
      <p className="muted">Situations you can see: your organisation&apos;s and those shared with the coalition.</p>
      <h2>Situations by risk category</h2>
      <div className="cards">
        {RISK_CATEGORY_ORDER.map((c) => (
          <Link key={c} href={`/situations?risk=${c}`} className="card">
            <div className="num">{counts[c]}</div>
            <div>{RISK_CATEGORY_LABELS[c]}</div>
          </Link>
        ))}
      </div>
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
                  <Link href={`/situations/${s.id}`}>{s.title}</Link> <span className="muted">({s.country.name})</span>
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
            <ul>
              {gaps.map((g) => (
                <li key={g.id}>
                  <Link href={`/situations/${g.id}?tab=responses`}>{g.title}</Link> <RiskBadge category={g.riskCategory} />
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="panel" aria-labelledby="stale-heading">
          <h2 id="stale-heading" style={{ marginTop: 0 }}>
            Due for assessment ({stale.rows.length})
          </h2>
          <p className="muted">Your organisation&apos;s situations not assessed in the last {stale.intervalDays} days.</p>
          {stale.rows.length === 0 ? (
            <p>None.</p>
          ) : (
            <ul>
              {stale.rows.map((s) => (
                <li key={s.id}>
                  <Link href={`/situations/${s.id}`}>{s.title}</Link>{" "}
                  <span className="muted">{s.lastAssessedAt ? `last assessed ${isoDate(s.lastAssessedAt)}` : "never assessed"}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <h2>Recent activity</h2>
      {activity.length === 0 ? (
        <p>Nothing yet.</p>
      ) : (
        <ul className="panel" style={{ listStyle: "none" }}>
          {activity.map((a) => (
            <li key={a.id}>
              <span className="muted">{a.at.toISOString().slice(0, 16).replace("T", " ")}</span> {a.who} {a.what}{" "}
              {a.title ? <Link href={a.href}>{a.title}</Link> : null}
            </li>
          ))}
        </ul>
      )}
      <NotBuiltYet>The world risk map, escalation alerts and the risk-factor heatmap will appear here in a coming release.</NotBuiltYet>
    </>
  );
}
