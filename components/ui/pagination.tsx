import Link from "next/link";
import { pageHref } from "@/lib/paging";

/** A paged list's caption: "50,000 sources, page 1 of 2,000" (the page only when there are several). */
export function listCaption(total: number, noun: string, page: number, pageCount: number): string {
  return `${total.toLocaleString("en")} ${noun}${total === 1 ? "" : "s"}${pageCount > 1 ? `, page ${page.toLocaleString("en")} of ${pageCount.toLocaleString("en")}` : ""}`;
}

/** Previous / next links that keep the list's filters in the URL. Nothing when there is one page. */
export function Pagination({ path, query, page, pageCount }: { path: string; query: Record<string, unknown>; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 ? <Link href={pageHref(path, query, page - 1)}>← Previous</Link> : <span />}
      <span>
        Page {page.toLocaleString("en")} of {pageCount.toLocaleString("en")}
      </span>
      {page < pageCount && <Link href={pageHref(path, query, page + 1)}>Next →</Link>}
    </nav>
  );
}
