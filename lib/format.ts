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

/** A count with its noun: "1 row", "2,500 rows" ("1 country", "3 countries" with the plural given). */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString("en")} ${n === 1 ? singular : plural}`;
}

/**
 * People killed as lists and totals show it. `total`: one event's figure, or a sum of the known
 * figures (null when none is known: SQL's sum over nulls only); `unknown`: how many of the summed
 * events have no figure. "12"; "unknown" when nothing is known; "at least 12" when some are unknown.
 */
export function killed(total: number | null, unknown = 0): string {
  if (total === null) return "unknown";
  return unknown > 0 ? `at least ${total.toLocaleString("en")}` : total.toLocaleString("en");
}

/** A file's size as people read it: bytes, KB or MB. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return counted(bytes, "byte");
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024).toLocaleString("en")} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toLocaleString("en", { maximumFractionDigits: 1 })} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toLocaleString("en", { maximumFractionDigits: 1 })} GB`;
}
