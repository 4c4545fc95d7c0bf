// Two people editing one situation (see lib/forms/merge.ts): the form's fields one by one, and the
// crimes one by one (status, rationale and sources together). Pure code: used by the form and by
// the tests.
import { CRIME_ORDER } from "@/lib/labels";
import { fieldChange } from "@/lib/forms/merge";
import type { Crime } from "@/lib/generated/prisma/enums";
import type { SituationSnapshot } from "./mutations-types";
import type { SituationInput } from "./schemas";

export function snapshotOfInput(input: SituationInput): SituationSnapshot {
  const { crimes, ...rest } = input;
  return {
    ...rest,
    crimes: Object.fromEntries(crimes.map((c) => [c.crime, { status: c.status, rationale: c.rationale, sourceIds: [...new Set(c.sourceIds)].sort() }])),
  };
}

export type MergeField = Exclude<keyof SituationInput, "crimes">;
export type Merged = { field: MergeField } | { crime: Crime };

const NO_CRIME = { status: "NOT_ASSESSED", rationale: "", sourceIds: [] as string[] };
const crimeOf = (s: SituationSnapshot, crime: Crime) => {
  const c = s.crimes[crime] ?? NO_CRIME;
  return { status: c.status, rationale: c.rationale, sourceIds: [...new Set(c.sourceIds ?? [])].sort() };
};

/** What to take from theirs (they changed it, I did not) and what both changed differently. */
export function mergeSituation(base: SituationSnapshot, mine: SituationSnapshot, theirs: SituationSnapshot): { take: Merged[]; conflicts: Merged[] } {
  const take: Merged[] = [];
  const conflicts: Merged[] = [];
  const sort = (b: unknown, m: unknown, t: unknown, item: Merged) => {
    const change = fieldChange(b, m, t);
    if (change !== "keep") (change === "take" ? take : conflicts).push(item);
  };
  for (const field of Object.keys(mine) as (keyof SituationSnapshot)[]) {
    if (field === "crimes" || field === "archived") continue;
    sort(base[field], mine[field], theirs[field], { field });
  }
  for (const crime of CRIME_ORDER) sort(crimeOf(base, crime), crimeOf(mine, crime), crimeOf(theirs, crime), { crime });
  return { take, conflicts };
}
