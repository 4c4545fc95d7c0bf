import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requireUser } from "@/lib/auth/require-user";
import { listVisibleSituations } from "@/lib/situations/queries";
import { CRIME_LABELS, CRIME_ORDER, CRIME_STATUS_LABELS, RISK_CATEGORY_LABELS, RISK_CATEGORY_ORDER } from "@/lib/labels";
import { NotBuiltYet } from "@/components/ui/not-built-yet";
import { RiskBadge } from "@/components/ui/risk-badge";

export const metadata: Metadata = { title: "Situations" };

const filterSchema = z.object({ risk: z.enum(RISK_CATEGORY_ORDER).optional().catch(undefined) });

export default async function SituationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const filter = filterSchema.parse(await searchParams);
  const situations = await listVisibleSituations(user.active, 200, filter);
  return (
    <>
      <h1>Situations</h1>
      <form method="get" className="panel" style={{ display: "flex", gap: "1rem", alignItems: "end", flexWrap: "wrap" }}>
        <div>
          <label htmlFor="risk">Risk category</label>
          <select id="risk" name="risk" className="inline" defaultValue={filter.risk ?? ""}>
            <option value="">All</option>
            {RISK_CATEGORY_ORDER.map((c) => (
              <option key={c} value={c}>
                {RISK_CATEGORY_LABELS[c]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Filter</button>
        {filter.risk && <Link href="/situations">Clear filter</Link>}
      </form>
      <table>
        <caption>
          {situations.length} situation{situations.length === 1 ? "" : "s"}
          {filter.risk ? ` in “${RISK_CATEGORY_LABELS[filter.risk]}”` : ""}
        </caption>
        <thead>
          <tr>
            <th scope="col">Situation</th>
            <th scope="col">Risk category</th>
            <th scope="col">Crimes at risk or ongoing</th>
            <th scope="col">Organisation</th>
            <th scope="col">Last update</th>
          </tr>
        </thead>
        <tbody>
          {situations.map((s) => {
            const crimes = CRIME_ORDER.map((c) => s.crimes.find((x) => x.crime === c)).filter(
              (x): x is NonNullable<typeof x> => !!x && x.status !== "NOT_ASSESSED",
            );
            return (
              <tr key={s.id}>
                <td>
                  <strong>{s.title}</strong>
                  <div className="muted">
                    {s.country.name}
                    {s.scope ? ` · ${s.scope}` : ""}
                    {s.isDemo ? " · demo data" : ""}
                  </div>
                </td>
                <td>
                  <RiskBadge category={s.riskCategory} />
                </td>
                <td>
                  {crimes.length === 0
                    ? <span className="muted">None recorded</span>
                    : crimes.map((c) => (
                        <span key={c.crime} className="tag">
                          {CRIME_LABELS[c.crime]}: {CRIME_STATUS_LABELS[c.status]}
                        </span>
                      ))}
                </td>
                <td>
                  {s.organisation.name}
                  {s.organisationId !== user.active.organisationId && <div className="muted">Shared with the coalition</div>}
                </td>
                <td>
                  {s.updatedAt.toISOString().slice(0, 10)}
                  <div className="muted">by {s.updatedBy.name}</div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <NotBuiltYet>
        Recording and editing situations, their crime assessments and their history, with search and more filters, is
        coming next.
      </NotBuiltYet>
    </>
  );
}
