import type { Metadata } from "next";
import { isOwnSituation } from "@/lib/access/situations";
import Link from "next/link";
import { Pagination, listCaption } from "@/components/ui/pagination";
import { DownloadLinks } from "@/components/exports/download-links";
import { requireUser } from "@/lib/auth/require-user";
import { can } from "@/lib/access/can";
import { listFilterOptions, listSituations } from "@/lib/situations/queries";
import { situationListQuerySchema } from "@/lib/situations/schemas";
import { CRIME_LABELS, CRIME_ORDER, CRIME_STATUS_LABELS, RISK_CATEGORY_LABELS, RISK_CATEGORY_ORDER } from "@/lib/labels";
import { riskBadge } from "@/components/ui/risk-badge";
import { html } from "@/lib/markup";
import { isoDate } from "@/lib/format";

export const metadata: Metadata = { title: "Situations" };

const SORT_LABELS = { updated: "Last update", title: "Title", risk: "Risk category", country: "Country", assessed: "Last assessment" } as const;

export default async function SituationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const query = situationListQuerySchema.parse(await searchParams);
  const [{ rows, total, page, pageCount }, options] = await Promise.all([listSituations(user.active, query), listFilterOptions(user.active)]);
  const filtered = Object.entries(query).some(([k, v]) => v !== undefined && k !== "sort" && k !== "page");
  return (
    <>
      <div className="header-line" style={{ justifyContent: "space-between" }}>
        <h1 style={{ margin: 0 }}>{query.archived ? "Archived situations" : "Situations"}</h1>
        {can.record(user.active) && (
          <Link className="button" href="/situations/new">
            New situation
          </Link>
        )}
      </div>
      <form method="get" className="panel" role="search" aria-label="Filter situations">
        <div className="grid-2" style={{ gridTemplateColumns: "repeat(auto-fit, minmax(11rem, 1fr))" }}>
          <div className="field">
            <label htmlFor="q">Search title, summary, notes</label>
            <input id="q" name="q" type="search" defaultValue={query.q ?? ""} />
          </div>
          <div className="field">
            <label htmlFor="risk">Risk category</label>
            <select id="risk" name="risk" defaultValue={query.risk ?? ""}>
              <option value="">All</option>
              {RISK_CATEGORY_ORDER.map((c) => (
                <option key={c} value={c}>
                  {RISK_CATEGORY_LABELS[c]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="crime">Crime at risk or ongoing</label>
            <select id="crime" name="crime" defaultValue={query.crime ?? ""}>
              <option value="">Any</option>
              {CRIME_ORDER.map((c) => (
                <option key={c} value={c}>
                  {CRIME_LABELS[c]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="status">Crime status</label>
            <select id="status" name="status" defaultValue={query.status ?? ""}>
              <option value="">Any assessed status</option>
              {(["RISK", "ALLEGED", "DOCUMENTED", "PAST"] as const).map((c) => (
                <option key={c} value={c}>
                  {CRIME_STATUS_LABELS[c]}
                </option>
              ))}
            </select>
          </div>
          {query.country && <input type="hidden" name="country" value={query.country} />}
          <div className="field">
            <label htmlFor="region">Region</label>
            <select id="region" name="region" defaultValue={query.region ?? ""}>
              <option value="">All</option>
              {options.regions.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="org">Organisation</label>
            <select id="org" name="org" defaultValue={query.org ?? ""}>
              <option value="">All</option>
              {options.orgs.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="days">Updated in the last</label>
            <select id="days" name="days" defaultValue={query.days ? String(query.days) : ""}>
              <option value="">Any time</option>
              {[7, 30, 90, 365].map((d) => (
                <option key={d} value={d}>
                  {d} days
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="sort">Sort by</label>
            <select id="sort" name="sort" defaultValue={query.sort ?? "updated"}>
              {Object.entries(SORT_LABELS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </div>
        </div>
        {query.archived && <input type="hidden" name="archived" value="1" />}
        <div className="actions-row">
          <button type="submit">Apply</button>
          {filtered && <Link href={query.archived ? "/situations?archived=1" : "/situations"}>Clear filters</Link>}
          <span style={{ marginLeft: "auto" }}>
            {query.archived ? <Link href="/situations">Back to current situations</Link> : <Link href="/situations?archived=1">Archived situations</Link>}
          </span>
        </div>
      </form>
      <table>
        <caption>
          {listCaption(total, "situation", page, pageCount)}
        </caption>
        <thead>
          <tr>
            <th scope="col">Situation</th>
            <th scope="col">Risk category</th>
            <th scope="col">Crimes at risk or ongoing</th>
            <th scope="col">Organisation</th>
            <th scope="col">Last assessment</th>
            <th scope="col">Last update</th>
          </tr>
        </thead>
        {/* Up to 25 rows of about 17 elements: one escaped string (lib/markup.ts) rather than React elements. */}
        <tbody
          dangerouslySetInnerHTML={{
            __html: html`${rows.length === 0 && html`<tr><td colspan="6">No situations match these filters.</td></tr>`}${rows.map((s) => {
              const crimes = CRIME_ORDER.map((c) => s.crimes.find((x) => x.crime === c)).filter((x): x is NonNullable<typeof x> => !!x && x.status !== "NOT_ASSESSED");
              return html`<tr><td><a href="/situations/${s.id}"><strong>${s.title}</strong></a><div class="muted">${s.country.name}${s.scope ? ` · ${s.scope}` : ""}${s.isDemo ? " · demo data" : ""}</div></td><td>${riskBadge(s.riskCategory)}</td><td>${
                crimes.length === 0
                  ? html`<span class="muted">None recorded</span>`
                  : crimes.map((c) => html`<span class="tag">${CRIME_LABELS[c.crime]}: ${CRIME_STATUS_LABELS[c.status]}</span>`)
              }</td><td>${s.organisation.name}${!isOwnSituation(user.active, s) && html`<div class="muted">Shared with the coalition</div>`}</td><td>${
                s.lastAssessedAt ? isoDate(s.lastAssessedAt) : html`<span class="muted">Never</span>`
              }</td><td>${isoDate(s.updatedAt)}<div class="muted">by ${s.updatedBy.name}</div></td></tr>`;
            })}`.value,
          }}
        />
      </table>
      <Pagination path="/situations" query={query} page={page} pageCount={pageCount} />
      <DownloadLinks entity="situations" params={query as Record<string, string | undefined>} />
    </>
  );
}
