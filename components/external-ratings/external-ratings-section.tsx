import Link from "next/link";
import type { RiskCategory } from "@/lib/generated/prisma/enums";
import { RISK_CATEGORY_LABELS } from "@/lib/labels";
import { isoDate } from "@/lib/format";
import { SYSTEM_SHORT_LABELS, type ExternalSystem } from "@/lib/external-ratings/schemas";
import { describeExternalRating, divergenceSentence, diverges, externalHref, latestBySystem, type ExternalRatingView } from "@/lib/external-ratings/present";

/** The flag's mark (inline, with logical properties: app/globals.css is shared). */
const DIVERGENCE = { borderInlineStart: "4px solid var(--risk-imminent-risk)", paddingInlineStart: "0.5rem", marginBlock: "0.25rem" } as const;

type Rating = ExternalRatingView & { id: string; url: string | null; note: string; createdAt: Date; canChange: boolean };

/**
 * Other bodies' latest ratings of the situation beside our own risk category, each with its source
 * and date, flagged in plain words where it differs from ours (lib/external-ratings/present.ts
 * says when); all recorded ratings below, with an edit link for those the member may change.
 */
export function ExternalRatingsSection({ situationId, ours, ratings, canRecord }: { situationId: string; ours: RiskCategory; ratings: Rating[]; canRecord: boolean }) {
  const latest = latestBySystem(ratings);
  return (
    <section aria-labelledby="external-ratings" className="panel">
      <h2 id="external-ratings">External ratings</h2>
      <p className="muted">
        Our category: <strong>{RISK_CATEGORY_LABELS[ours]}</strong>. Other bodies&apos; latest ratings of this situation, as published. A rating is flagged when it
        differs from ours: an R2P Monitor category other than ours; or, for the Early Warning Project (its 30 highest-ranked countries) and Genocide Watch (Warning or
        Emergency), a high rating where our category is neither Current crisis nor Imminent risk, or the reverse.
      </p>
      {latest.length === 0 ? (
        <p>No external ratings recorded yet.</p>
      ) : (
        <table>
          <caption>The latest rating from each body</caption>
          <thead>
            <tr>
              <th scope="col">Published by</th>
              <th scope="col">Rating</th>
              <th scope="col">Dated</th>
              <th scope="col">Compared with ours</th>
            </tr>
          </thead>
          <tbody>
            {latest.map((r) => {
              const href = externalHref(r.url);
              return (
                <tr key={r.id}>
                  <th scope="row">{SYSTEM_SHORT_LABELS[r.system as ExternalSystem] ?? r.system}</th>
                  <td>
                    {href ? <a href={href} rel="noopener noreferrer" target="_blank">{describeExternalRating(r)}</a> : describeExternalRating(r)}
                  </td>
                  <td>{isoDate(r.ratedOn)}</td>
                  <td>{diverges(r, ours) ? <p style={DIVERGENCE}>Differs: {divergenceSentence(r, ours)}</p> : "Agrees with ours"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {canRecord && (
        <p>
          <Link className="button secondary-button" href={`/situations/${situationId}/external-ratings/new`}>
            Record an external rating
          </Link>{" "}
          <Link href="/external-ratings/import">Import external ratings from a CSV file</Link>
        </p>
      )}
      {ratings.length > 0 && (
        <details>
          <summary>{ratings.length === 1 ? "The one recorded rating" : `All ${ratings.length} recorded ratings, newest first`}</summary>
          <ul>
            {ratings.map((r) => (
              <li key={r.id}>
                {isoDate(r.ratedOn)}, {SYSTEM_SHORT_LABELS[r.system as ExternalSystem] ?? r.system}: {describeExternalRating(r)}
                {r.note ? ` (${r.note})` : ""}
                {r.canChange && (
                  <>
                    {" "}
                    <Link href={`/situations/${situationId}/external-ratings/${r.id}`} aria-label={`Edit the ${SYSTEM_SHORT_LABELS[r.system as ExternalSystem] ?? r.system} rating of ${isoDate(r.ratedOn)}`}>
                      Edit
                    </Link>
                  </>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
