import Link from "next/link";
import { pageHref } from "@/lib/paging";

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
