// Two people editing one record: what the second one's form does when the first has saved in
// between. A three-way comparison of what the form was opened with (base), what it holds now
// (mine) and what is saved now (theirs): a field only they changed takes their value, a field only
// I changed keeps mine, and only a field both changed differently is a conflict to decide.
// Lists of ids (cited sources) are compared in any order.

const normal = (v: unknown) => JSON.stringify(Array.isArray(v) && v.every((x) => typeof x === "string") ? [...new Set(v)].sort() : (v ?? null));

/** What to do with one field: nothing (the same now, or only I changed it), take theirs, or decide. */
export function fieldChange(base: unknown, mine: unknown, theirs: unknown): "keep" | "take" | "conflict" {
  const [b, m, t] = [normal(base), normal(mine), normal(theirs)];
  if (m === t || t === b) return "keep";
  return m === b ? "take" : "conflict";
}

/** The fields of a flat form to take from theirs and those both changed differently. */
export function mergeFields<T extends object>(base: T, mine: T, theirs: T): { take: (keyof T)[]; conflicts: (keyof T)[] } {
  const take: (keyof T)[] = [];
  const conflicts: (keyof T)[] = [];
  for (const key of Object.keys(mine) as (keyof T)[]) {
    const change = fieldChange(base[key], mine[key], theirs[key]);
    if (change === "take") take.push(key);
    if (change === "conflict") conflicts.push(key);
  }
  return { take, conflicts };
}
