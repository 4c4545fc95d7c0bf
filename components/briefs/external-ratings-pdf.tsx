// The brief's external ratings (PDF): one line per body, its latest rating and date, and whether it
// differs from our category; kept small, under the category badge.
import { Text, View } from "@react-pdf/renderer";
import type { RiskCategory } from "@/lib/generated/prisma/enums";
import { isoDate } from "@/lib/format";
import { SYSTEM_SHORT_LABELS, type ExternalSystem } from "@/lib/external-ratings/schemas";
import { briefExternalRatingLine, type ExternalRatingView } from "@/lib/external-ratings/present";

export function ExternalRatingsPdf({ ratings, ours }: { ratings: (ExternalRatingView & { id: string })[]; ours: RiskCategory }) {
  if (!ratings.length) return null;
  return (
    <View style={{ marginBottom: 6 }}>
      <Text style={{ fontWeight: "bold", marginBottom: 2 }}>External ratings</Text>
      {ratings.map((r) => (
        <Text key={r.id} style={{ fontSize: 9 }}>
          {briefExternalRatingLine(SYSTEM_SHORT_LABELS[r.system as ExternalSystem] ?? r.system, r, isoDate(r.ratedOn), ours)}
        </Text>
      ))}
    </View>
  );
}
