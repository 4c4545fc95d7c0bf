// Offset paging for the lists (situations, sources, responses): 25 rows a page.

export const PAGE_SIZE = 25;

export function pageSkip(page: number): number {
  return (page - 1) * PAGE_SIZE;
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

/** The list's URL with the same filters on another page (empty values left out). */
export function pageHref(path: string, query: Record<string, unknown>, page: number): string {
  const params = new URLSearchParams();
  const values: Record<string, unknown> = { ...query, page };
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  return `${path}?${params}`;
}
