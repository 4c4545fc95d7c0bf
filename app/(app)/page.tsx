import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/require-user";
import { countByRiskCategory, listVisibleSituations } from "@/lib/situations/queries";
import { RISK_CATEGORY_LABELS, RISK_CATEGORY_ORDER } from "@/lib/labels";
import { NotBuiltYet } from "@/components/ui/not-built-yet";
import { RiskBadge } from "@/components/ui/risk-badge";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser();
  const [counts, recent] = await Promise.all([countByRiskCategory(user.active), listVisibleSituations(user.active, 8)]);
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
                  {s.updatedAt.toISOString().slice(0, 10)} by {s.updatedBy.name}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <NotBuiltYet>
        The world risk map, escalation alerts, response gaps, stale assessments and the risk-factor heatmap will appear
        here in a coming release.
      </NotBuiltYet>
    </>
  );
}
