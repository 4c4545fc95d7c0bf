import type { CurrentMembership } from "@/lib/auth/current-user";
import { divergingExternalRatings } from "@/lib/external-ratings/queries";
import { divergenceSentence } from "@/lib/external-ratings/present";
import { isoDate } from "@/lib/format";
import { RiskBadge } from "@/components/ui/risk-badge";

/** The dashboard's panel: situations where another body's latest rating differs from our category. */
export async function ExternalDivergencePanel({ membership, limit = 10 }: { membership: CurrentMembership; limit?: number }) {
  const rows = await divergingExternalRatings(membership);
  return (
    <section className="panel" aria-labelledby="external-heading">
      <h2 id="external-heading" style={{ marginTop: 0 }}>
        Other bodies see it differently ({rows.length})
      </h2>
      <p className="muted">Situations where the latest rating of the Early Warning Project, the R2P Monitor or Genocide Watch differs from our category.</p>
      {rows.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul>
          {rows.slice(0, limit).map(({ situation, ratings }) => (
            <li key={situation.id}>
              <a href={`/situations/${situation.id}#external-ratings`}>{situation.title}</a> <RiskBadge category={situation.riskCategory} />
              <ul>
                {ratings.map((r) => (
                  <li key={r.id}>
                    {divergenceSentence(r, situation.riskCategory)} <span className="muted">(dated {isoDate(r.ratedOn)})</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {rows.length > limit && <p className="muted">{`The first ${limit} of ${rows.length} are listed; each situation's page shows its ratings.`}</p>}
    </section>
  );
}
