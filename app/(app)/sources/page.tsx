import type { Metadata } from "next";
import Link from "next/link";
import { Pagination, listCaption } from "@/components/ui/pagination";
import { DownloadLinks } from "@/components/exports/download-links";
import { z } from "zod";
import { requireUser } from "@/lib/auth/require-user";
import { can } from "@/lib/access/can";
import { listSources } from "@/lib/sources/queries";
import { SOURCE_COLUMNS, sourceCells } from "@/components/sources/source-cells";
import { html } from "@/lib/markup";

export const metadata: Metadata = { title: "Sources" };

const querySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10000).optional().catch(undefined),
});

export default async function SourcesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const query = querySchema.parse(await searchParams);
  const { rows, total, page, pageCount } = await listSources(user.active.organisationId, query);
  return (
    <>
      <div className="header-line" style={{ justifyContent: "space-between" }}>
        <h1 style={{ margin: 0 }}>Sources</h1>
        {can.record(user.active) && (
          <Link className="button" href="/sources/new">
            Add source
          </Link>
        )}
      </div>
      <p className="muted">{user.active.organisationName}&apos;s sources library, graded on the Admiralty scale: source reliability A-F, information credibility 1-6.</p>
      <form method="get" className="panel actions-row" role="search" aria-label="Search sources">
        <label htmlFor="q" style={{ margin: 0 }}>
          Search
        </label>
        <input id="q" name="q" type="search" defaultValue={query.q ?? ""} style={{ maxWidth: "24rem" }} />
        <button type="submit">Search</button>
        {query.q && <Link href="/sources">Clear</Link>}
      </form>
      <table>
        <caption>
          {listCaption(total, "source", page, pageCount)}
        </caption>
        <thead>
          <tr>
            {[...SOURCE_COLUMNS, "Cited"].map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        {/* Up to 25 rows as one escaped string (lib/markup.ts), with plain links: no React elements, and no prefetch of every source's page. */}
        <tbody
          dangerouslySetInnerHTML={{
            __html: html`${rows.length === 0 && html`<tr><td colspan="5">No sources${query.q ? " match this search" : " yet"}.</td></tr>`}${rows.map(
              (s) =>
                html`<tr>${sourceCells(s, true)}<td>${s._count.citations}</td></tr>`,
            )}`.value,
          }}
        />
      </table>
      <Pagination path="/sources" query={query} page={page} pageCount={pageCount} />
      <DownloadLinks entity="sources" params={query as Record<string, string | undefined>} />
    </>
  );
}
