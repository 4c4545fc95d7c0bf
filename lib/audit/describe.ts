// How the audit log shows an entry's before and after (JSON, cut short). A round's save stores its
// ratings keyed by indicator code ({"8.7": {...}}); the log names each with its risk factor
// ("8.7 (Triggers)"), as everywhere an analyst reads an indicator. Pure.
import { indicatorName } from "@/lib/indicators/score-text";

/** How much of a document the log's cell shows. */
export const AUDIT_CELL_CHARS = 300;

const INDICATOR_CODE = /^(\d{1,2})\.\d{1,4}$/;

/** An entry's before or after as the log shows it: JSON, indicator codes named, at most AUDIT_CELL_CHARS characters. */
export function auditValueText(action: string, v: unknown): string {
  if (v === null || v === undefined) return "";
  const named =
    action === "assessment.save" && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).map(([k, x]) => [INDICATOR_CODE.test(k) ? indicatorName(k, Number(INDICATOR_CODE.exec(k)![1])) : k, x]))
      : v;
  return JSON.stringify(named).slice(0, AUDIT_CELL_CHARS);
}
