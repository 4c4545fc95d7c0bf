// Two people editing one situation: what the second one's form does when the first has saved in
// between. A three-way comparison of what the form was opened with (base), what it holds now
// (mine) and what is saved now (theirs), field by field and crime by crime: a field only they
// changed takes their value, a field only I changed keeps mine, and only a field both changed
// differently is a conflict to decide. Pure code: used by the form and by the tests.
import { CRIME_ORDER } from "@/lib/labels";
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
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const crimeOf = (s: SituationSnapshot, crime: Crime) => {
  const c = s.crimes[crime] ?? NO_CRIME;
  return { status: c.status, rationale: c.rationale, sourceIds: [...(c.sourceIds ?? [])].sort() };
};

/** What to take from theirs (they changed it, I did not) and what both changed differently. */
export function mergeSituation(base: SituationSnapshot, mine: SituationSnapshot, theirs: SituationSnapshot): { take: Merged[]; conflicts: Merged[] } {
  const take: Merged[] = [];
  const conflicts: Merged[] = [];
  const sort = (b: unknown, m: unknown, t: unknown, item: Merged) => {
    if (same(m, t) || same(t, b)) return; // nothing to decide: the same now, or only I changed it
    (same(m, b) ? take : conflicts).push(item);
  };
  for (const field of Object.keys(mine) as (keyof SituationSnapshot)[]) {
    if (field === "crimes" || field === "archived") continue;
    sort(base[field], mine[field], theirs[field], { field });
  }
  for (const crime of CRIME_ORDER) sort(crimeOf(base, crime), crimeOf(mine, crime), crimeOf(theirs, crime), { crime });
  return { take, conflicts };
}
