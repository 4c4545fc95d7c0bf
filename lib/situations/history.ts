// Turns audit entries of a situation into readable changes and a risk-category timeline (pure).
import type { RiskCategory } from "@/lib/generated/prisma/enums";
import { CRIME_LABELS } from "@/lib/labels";
import { SITUATION_FIELD_LABELS, describeValue } from "./fields";

export interface HistoryEntryInput {
  at: Date;
  action: string;
  before: unknown;
  after: unknown;
}

export interface FieldChange {
  label: string;
  before: string;
  after: string;
}

const ACTIONS: Record<string, string> = {
  "situation.create": "Created",
  "situation.update": "Edited",
  "situation.archive": "Archived",
  "situation.restore": "Restored",
  "assessment.rescore": "Re-scored a published round",
};

export function actionLabel(action: string): string {
  return ACTIONS[action] ?? action;
}

function obj(v: unknown): Record<string, unknown> {
  return v && typeof v === "object" ? (v as Record<string, unknown>) : {};
}

/** The field-by-field changes an audit entry records, in form order. */
export function fieldChanges(entry: HistoryEntryInput): FieldChange[] {
  const before = obj(entry.before);
  const after = obj(entry.after);
  if (entry.action === "assessment.rescore") return rescoreChanges(before, after);
  const out: FieldChange[] = [];
  for (const key of Object.keys(SITUATION_FIELD_LABELS) as (keyof typeof SITUATION_FIELD_LABELS)[]) {
    if (!(key in after)) continue;
    if (key === "crimes") {
      const b = obj(before.crimes);
      for (const [crime, value] of Object.entries(obj(after.crimes))) {
        out.push({
          label: CRIME_LABELS[crime as keyof typeof CRIME_LABELS] ?? crime,
          before: b[crime] ? describeValue("crime", b[crime]) : "(none)",
          after: describeValue("crime", value),
        });
      }
      continue;
    }
    out.push({ label: SITUATION_FIELD_LABELS[key], before: key in before ? describeValue(key, before[key]) : "(none)", after: describeValue(key, after[key]) });
  }
  return out;
}

type Cov = { rated: number; total: number; coverage: number; lowConfidence: boolean } | null | undefined;

/** A stored score as the history reads it: the number, "Not enough assessed (coverage 9%)", or with method 1 "coverage not recorded". */
function storedScore(score: unknown, coverage: Cov): string {
  if (typeof score !== "number") return "(none)";
  if (!coverage) return `${score} (coverage not recorded)`;
  return coverage.lowConfidence ? `Not enough assessed (coverage ${coverage.coverage}%)` : `${score} (${coverage.rated} of ${coverage.total} indicators assessed)`;
}

/** A re-scored round: its method, overall score and crime scores before and after. */
function rescoreChanges(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const out: FieldChange[] = [
    { label: "Round", before: String(before.assessedOn ?? ""), after: String(after.assessedOn ?? "") },
    { label: "Scoring method", before: `Method ${String(before.methodVersion)}`, after: `Method ${String(after.methodVersion)}` },
    { label: "Overall score", before: storedScore(before.overallScore, before.overallCoverage as Cov), after: storedScore(after.overallScore, after.overallCoverage as Cov) },
  ];
  const b = obj(before.crimeScores);
  const bc = obj(before.crimeCoverage);
  const ac = obj(after.crimeCoverage);
  for (const [crime, score] of Object.entries(obj(after.crimeScores))) {
    out.push({ label: CRIME_LABELS[crime as keyof typeof CRIME_LABELS] ?? crime, before: storedScore(b[crime], bc[crime] as Cov), after: storedScore(score, ac[crime] as Cov) });
  }
  return out;
}

export interface RiskSegment {
  category: RiskCategory;
  from: Date;
  to: Date;
}

/** Risk-category periods from the oldest entry to `now`. Entries may come in any order. */
export function riskTimeline(entries: HistoryEntryInput[], now = new Date()): RiskSegment[] {
  const points = entries
    .filter((e) => typeof obj(e.after).riskCategory === "string")
    .map((e) => ({ at: e.at, category: obj(e.after).riskCategory as RiskCategory }))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const segments: RiskSegment[] = [];
  for (const [i, p] of points.entries()) {
    const last = segments[segments.length - 1];
    if (last && last.category === p.category) continue;
    if (last) last.to = p.at;
    segments.push({ category: p.category, from: p.at, to: points[i + 1]?.at ?? now });
  }
  if (segments.length) segments[segments.length - 1].to = now;
  return segments;
}
