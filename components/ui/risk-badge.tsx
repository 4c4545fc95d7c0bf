import type { RiskCategory } from "@/lib/generated/prisma/enums";
import { RISK_CATEGORY_LABELS } from "@/lib/labels";
import { html, type Markup } from "@/lib/markup";

export function RiskBadge({ category }: { category: RiskCategory }) {
  return <span className={`badge ${category}`}>{RISK_CATEGORY_LABELS[category]}</span>;
}

/** The same badge as markup, for rows written as one string (lib/markup.ts). */
export function riskBadge(category: RiskCategory): Markup {
  return html`<span class="badge ${category}">${RISK_CATEGORY_LABELS[category]}</span>`;
}
