import type { RiskCategory } from "@/lib/generated/prisma/enums";
import { RISK_CATEGORY_LABELS } from "@/lib/labels";

export function RiskBadge({ category }: { category: RiskCategory }) {
  return <span className={`badge ${category}`}>{RISK_CATEGORY_LABELS[category]}</span>;
}
