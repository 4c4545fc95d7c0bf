// The event log: filters in the URL, newest first, keyset pages ("Older events"), and a map.
import Link from "next/link";
import type { CurrentMembership } from "@/lib/auth/current-user";
import { listEvents } from "@/lib/events/queries";
import { otherEventTypes } from "@/lib/events/form-options";
import { EVENT_TYPES, type EventListQuery } from "@/lib/events/schemas";
import { isoDate, killed } from "@/lib/format";
import { EventMap } from "./event-map";
import { DownloadLinks } from "@/components/exports/download-links";
import { html } from "@/lib/markup";
import { DateRangeFields } from "@/components/ui/date-range-fields";

function href(path: string, q: EventListQuery, extra: Record<string, string | undefined>) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...q, ...extra })) if (v !== undefined && v !== "") params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

export async function EventList({
  membership,
  query,
  path,
  fixed = {},
  indicators,
  showSituation = true,
}: {
  membership: CurrentMembership;
  query: EventListQuery;
  path: string;
  fixed?: Record<string, string>;
  indicators: { id: string; code: string; text: string }[];
  showSituation?: boolean;
}) {
  const q = { ...query, ...fixed };
  const [page, ownTypes] = await Promise.all([listEvents(membership, q), otherEventTypes(membership.organisationId)]);
  // The organisation's own types beyond ACLED's, and the type filtered by if it is neither (a link or another organisation's shared events).
  const otherTypes = query.type && !(EVENT_TYPES as readonly string[]).includes(query.type) && !ownTypes.includes(query.type) ? [...ownTypes, query.type].sort() : ownTypes;
  const filtersOnly = { ...query, after: undefined };
  const filtered = Object.values(filtersOnly).some((v) => v !== undefined && v !== "");
  return (
    <>
      <form method="get" action={path} className="panel filters" aria-label="Filter events">
        {Object.entries(fixed).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <div className="filter-grid">
          <DateRangeFields from={query.from} to={query.to} what="event" />
          <div className="field">
            <label htmlFor="type">Event type</label>
            <select id="type" name="type" defaultValue={query.type ?? ""}>
              <option value="">Any</option>
              {EVENT_TYPES.map((t) => (
                <option key={t}>{t}</option>
              ))}
              {otherTypes.length > 0 && (
                <optgroup label="Other types recorded">
                  {otherTypes.map((t) => (
                    <option key={t}>{t}</option>
                  ))}
                </optgroup>
              )}
            </select>
          </div>
          <div className="field">
            <label htmlFor="actor">Actor</label>
            <input id="actor" name="actor" defaultValue={query.actor} placeholder="e.g. Rapid Support Forces" />
          </div>
          <div className="field">
            <label htmlFor="minFatalities">At least this many killed</label>
            <input id="minFatalities" name="minFatalities" type="number" min={0} defaultValue={query.minFatalities} />
          </div>
          <div className="field">
            <label htmlFor="sort">Order</label>
            <select id="sort" name="sort" defaultValue={query.sort ?? "newest"}>
              <option value="newest">Newest first</option>
              <option value="oldest">Oldest first</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="indicator">Linked indicator</label>
            {/* About 130 options: one escaped string (lib/markup.ts), the chosen one marked selected. */}
            <select
              id="indicator"
              name="indicator"
              dangerouslySetInnerHTML={{
                __html: html`<option value="">Any</option>${indicators.map(
                  (i) => html`<option value="${i.id}"${i.id === query.indicator ? html` selected` : null}>${i.code} ${i.text.slice(0, 60)}</option>`,
                )}`.value,
              }}
            />
          </div>
        </div>
        <label className="choice">
          <input type="checkbox" name="civilian" value="1" defaultChecked={query.civilian === "1"} /> Civilians targeted only
        </label>
        <div className="actions-row">
          <button type="submit">Apply filters</button>
          {filtered && (
            <Link href={href(path, {}, fixed)} className="button secondary-button">
              Clear filters
            </Link>
          )}
        </div>
      </form>

      {/* The map depends on the filters only (not the page or the order): one drawing for all pages. */}
      <EventMap src={href("/api/events/map", q, { after: undefined, sort: undefined, tab: undefined })} />

      {page.rows.length === 0 ? (
        <p>{filtered || query.after ? "No events match these filters." : "No events recorded yet."}</p>
      ) : (
        <table>
          <caption className="visually-hidden">Events, {query.sort === "oldest" ? "oldest" : "newest"} first</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Type</th>
              <th scope="col">Where</th>
              <th scope="col">Actors</th>
              <th scope="col">Killed</th>
              {showSituation && <th scope="col">Situation</th>}
            </tr>
          </thead>
          {/* 25 rows: one escaped string (lib/markup.ts) rather than React elements. */}
          <tbody
            dangerouslySetInnerHTML={{
              __html: html`${page.rows.map(
                (e) =>
                  html`<tr><td><a href="/events/${e.id}">${isoDate(e.eventDate)}</a></td><td>${e.eventType}${e.subEventType && html`<div class="muted small">${e.subEventType}</div>`}${
                    e.civilianTargeting && html`<span class="badge neutral">civilians targeted</span>`
                  }</td><td>${[e.location, e.admin1, e.country?.name].filter(Boolean).join(", ") || "—"}</td><td>${[e.actor1, e.actor2].filter(Boolean).join(" vs ") || "—"}</td><td>${killed(e.fatalities)}</td>${
                    showSituation && html`<td>${e.situation ? html`<a href="/situations/${e.situation.id}?tab=events">${e.situation.title}</a>` : "—"}</td>`
                  }</tr>`,
              )}`.value,
            }}
          />
        </table>
      )}
      <DownloadLinks entity="events" params={{ ...(query as Record<string, string | undefined>), ...fixed }} hxl />
      <nav className="pagination" aria-label="Pages of events">
        {query.after ? <Link href={href(path, { ...query, after: undefined }, fixed)}>← First page</Link> : <span />}
        {page.next ? <Link href={href(path, { ...query, after: page.next }, fixed)}>{query.sort === "oldest" ? "Later events →" : "Older events →"}</Link> : <span />}
      </nav>
    </>
  );
}
