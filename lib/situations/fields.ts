// How a situation's fields read for people (forms, conflict view, history).
import { CRIME_STATUS_LABELS, RISK_CATEGORY_LABELS, VISIBILITY_LABELS } from "@/lib/labels";
import type { CrimeStatus, RiskCategory, Visibility } from "@/lib/generated/prisma/enums";

export const SITUATION_FIELD_LABELS = {
  title: "Title",
  countryIso3: "Country",
  scope: "Sub-national scope",
  riskCategory: "Risk category",
  visibility: "Who may see it",
  monitoringSince: "Monitored since",
  summary: "Summary",
  background: "Background",
  populationsAtRisk: "Populations at risk",
  perpetrators: "Perpetrators",
  recommendedAction: "Recommended action",
  notes: "Notes",
  crimes: "Crimes",
  archived: "Archived",
} as const;

/** A field value as a short readable text. */
export function describeValue(field: string, value: unknown): string {
  if (value === undefined || value === null || value === "") return "(empty)";
  if (field === "riskCategory") return RISK_CATEGORY_LABELS[value as RiskCategory] ?? String(value);
  if (field === "visibility") return VISIBILITY_LABELS[value as Visibility] ?? String(value);
  if (field === "archived") return value ? "Yes" : "No";
  if (field === "crime") {
    const c = value as { status: CrimeStatus; rationale: string; sourceIds?: string[] };
    const n = c.sourceIds?.length ?? 0;
    return `${CRIME_STATUS_LABELS[c.status]}${c.rationale ? `: ${c.rationale}` : ""}${n ? ` (cites ${n} source${n === 1 ? "" : "s"})` : ""}`;
  }
  return String(value);
}
