import type { RiskCategory } from "@/lib/generated/prisma/enums";
import { isoDate } from "@/lib/format";
import { SYSTEM_SHORT_LABELS, type ExternalSystem } from "@/lib/external-ratings/schemas";
import { briefExternalRatingLine, type ExternalRatingView } from "@/lib/external-ratings/present";

/** The printable brief's external ratings: the same lines as the PDF's. */
export function BriefExternalRatings({ ratings, ours }: { ratings: (ExternalRatingView & { id: string })[]; ours: RiskCategory }) {
  if (!ratings.length) return null;
  return (
    <>
      <h3>External ratings</h3>
      <ul>
        {ratings.map((r) => (
          <li key={r.id}>{briefExternalRatingLine(SYSTEM_SHORT_LABELS[r.system as ExternalSystem] ?? r.system, r, isoDate(r.ratedOn), ours)}</li>
        ))}
      </ul>
    </>
  );
}
