import type { Metadata } from "next";
import Link from "next/link";
import { Pagination, listCaption } from "@/components/ui/pagination";
import { DownloadLinks } from "@/components/exports/download-links";
import { DateRangeFields } from "@/components/ui/date-range-fields";
import { requireUser } from "@/lib/auth/require-user";
import { listResponses } from "@/lib/responses/queries";
import { listVisibleSituations } from "@/lib/situations/queries";
import { ACTOR_TYPES, PILLARS, RESPONSE_TYPES, responseListQuerySchema } from "@/lib/responses/schemas";
import { ACTOR_TYPE_LABELS, PILLAR_LABELS, RESPONSE_STATUS_LABELS, RESPONSE_TYPE_LABELS } from "@/lib/labels";
import { isoDate } from "@/lib/format";

export const metadata: Metadata = { title: "Responses" };

export default async function ResponsesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const query = responseListQuerySchema.parse(await searchParams);
  const [{ rows, total, page, pageCount }, situations] = await Promise.all([listResponses(user.active, query), listVisibleSituations(user.active, 500)]);
  return (
    <>
      <h1>Responses</h1>
      <p className="muted">What States, the UN and regional bodies did under the three pillars, across the situations you can see. Record a response from its situation&apos;s Responses tab.</p>
      <form method="get" className="panel" role="search" aria-label="Filter responses">
        <div className="grid-2" style={{ gridTemplateColumns: "repeat(auto-fit, minmax(11rem, 1fr))" }}>
          <div className="field">
            <label htmlFor="pillar">Pillar</label>
            <select id="pillar" name="pillar" defaultValue={query.pillar ?? ""}>
              <option value="">All</option>
              {PILLARS.map((p) => (
                <option key={p} value={p}>
                  {PILLAR_LABELS[p]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="type">Type</label>
            <select id="type" name="type" defaultValue={query.type ?? ""}>
              <option value="">All</option>
              {RESPONSE_TYPES.map((t) => (
                <option key={t} value={t}>
                  {RESPONSE_TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="actor">Who acted</label>
            <select id="actor" name="actor" defaultValue={query.actor ?? ""}>
              <option value="">Anyone</option>
              {ACTOR_TYPES.map((t) => (
                <option key={t} value={t}>
                  {ACTOR_TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="situation">Situation</label>
            <select id="situation" name="situation" defaultValue={query.situation ?? ""}>
              <option value="">All</option>
              {situations.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          </div>
          <DateRangeFields from={query.from} to={query.to} what="response" />
        </div>
        <div className="actions-row">
          <button type="submit">Apply</button>
          <Link href="/responses">Clear filters</Link>
        </div>
      </form>
      <table>
        <caption>
          {listCaption(total, "response", page, pageCount)}
        </caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Situation</th>
            <th scope="col">Pillar</th>
            <th scope="col">What was done</th>
            <th scope="col">Who</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={6}>No responses match these filters.</td>
            </tr>
          )}
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{isoDate(r.startDate)}</td>
              <td>
                <Link href={`/situations/${r.situation.id}?tab=responses`}>{r.situation.title}</Link>
              </td>
              <td>{r.pillar}</td>
              <td>
                <Link href={`/situations/${r.situation.id}/responses/${r.id}`}>{r.title}</Link>
                <div className="muted">
                  {RESPONSE_TYPE_LABELS[r.type]}
                  {r.reference ? ` · ${r.reference}` : ""}
                </div>
              </td>
              <td>{r.actorName}</td>
              <td>{RESPONSE_STATUS_LABELS[r.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination path="/responses" query={query} page={page} pageCount={pageCount} />
      <DownloadLinks entity="responses" params={query as Record<string, string | undefined>} />
    </>
  );
}
