import type { RiskCategory } from "@/lib/generated/prisma/enums";
import type { CurrentMembership } from "@/lib/auth/current-user";
import { can } from "@/lib/access/can";
import { externalRatingsForSituation } from "@/lib/external-ratings/queries";
import { ExternalRatingsSection } from "@/components/external-ratings/external-ratings-section";

/** The overview's "External ratings": what the member may see, and what they may change or record. */
export async function ExternalRatings({ situation, membership, canRecord }: { situation: { id: string; riskCategory: RiskCategory }; membership: CurrentMembership; canRecord: boolean }) {
  const ratings = await externalRatingsForSituation(membership, situation.id);
  return (
    <ExternalRatingsSection
      situationId={situation.id}
      ours={situation.riskCategory}
      ratings={ratings.map((r) => ({ ...r, canChange: can.changeExternalRating(membership, r) }))}
      canRecord={canRecord}
    />
  );
}
