// Offset paging for the lists (situations, sources, responses): 25 rows a page.

export const PAGE_SIZE = 25;

export function pageSkip(page: number): number {
  return (page - 1) * PAGE_SIZE;
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}
