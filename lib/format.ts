// How dates read across the product: ISO days (2026-11-23), the form analysts write them in.

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** An optional date as a form value: "" when absent. */
export function isoDateOrEmpty(d: Date | null | undefined): string {
  return d ? isoDate(d) : "";
}

/** Today as an ISO day (UTC), e.g. for "not in the future" checks and form defaults. */
export function todayIso(): string {
  return isoDate(new Date());
}
