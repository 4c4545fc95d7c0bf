import type { Metadata } from "next";
import { canOpenCitedSources } from "@/lib/access/sources";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/require-user";
import { canChangeSituation, isOwnSituation } from "@/lib/access/situations";
import { getSituation, getSituationHistory } from "@/lib/situations/queries";
import { actionLabel, fieldChanges, riskTimeline } from "@/lib/situations/history";
import { CRIME_LABELS, CRIME_ORDER, CRIME_STATUS_LABELS, RISK_CATEGORY_LABELS, VISIBILITY_LABELS } from "@/lib/labels";
import { RiskBadge } from "@/components/ui/risk-badge";
import { ActionButton } from "@/components/ui/action-button";
import { archiveSituationAction, restoreSituationAction } from "@/app/(app)/situations/actions";
import { ResponseTimeline, ResponsesTable, RiskBand } from "@/components/situations/timeline";
import { responsesForSituation } from "@/lib/responses/queries";
import { counted, isoDate } from "@/lib/format";
import { html } from "@/lib/markup";
import { listSituationSources } from "@/lib/sources/queries";
import { SOURCE_COLUMNS, sourceCells } from "@/components/sources/source-cells";
import { IndicatorsTab } from "./indicators-tab";
import { EventsTab } from "./events-tab";
import { SignalsTab } from "./signals-tab";
import { ExternalRatings } from "./external-ratings-section";
import { KeyFactors } from "./key-factors-section";
import { eventListQuerySchema } from "@/lib/events/schemas";
import { WatchButton } from "@/components/alerts/watch-button";
import { watchedSituationIds } from "@/lib/alerts/queries";

export const metadata: Metadata = { title: "Situation" };

const TABS = [
  ["overview", "Overview"],
  ["indicators", "Indicators"],
  ["responses", "Responses"],
  ["events", "Events"],
  ["signals", "Signals"],
  ["sources", "Sources"],
  ["history", "History"],
] as const;
type Tab = (typeof TABS)[number][0];

export default async function SituationPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string>> }) {
  const [{ id }, { tab: rawTab, ...rest }] = await Promise.all([params, searchParams]);
  const user = await requireUser();
  // Side by side: whether the user follows it needs only the id (nothing is shown if the situation is not theirs to see).
  const [s, watched] = await Promise.all([getSituation(user.active, id), watchedSituationIds(user.id, [id])]);
  if (!s) notFound();
  const tab: Tab = TABS.some(([t]) => t === rawTab) ? (rawTab as Tab) : "overview";
  const watching = watched.has(s.id);
  const canEdit = canChangeSituation(user.active, s);

  return (
    <>
      <p>
        <Link href="/situations">← All situations</Link>
      </p>
      <div className="header-line">
        <h1 style={{ margin: 0 }}>{s.title}</h1>
        <RiskBadge category={s.riskCategory} />
        {s.archivedAt && <span className="badge neutral">Archived {isoDate(s.archivedAt)}</span>}
      </div>
      <p className="muted" style={{ margin: "0.25rem 0" }}>
        {s.country.name}
        {s.scope ? ` · ${s.scope}` : ""} · {s.organisation.name} · {VISIBILITY_LABELS[s.visibility]} · risk category since{" "}
        {isoDate(s.riskCategorySince)} · last updated {isoDate(s.updatedAt)} by {s.updatedBy.name}
        {s.isDemo ? " · demo data" : ""}
      </p>
      <ul aria-label="Crimes at a glance" style={{ listStyle: "none", padding: 0, margin: "0.5rem 0" }}>
        {CRIME_ORDER.map((c) => {
          const a = s.crimes.find((x) => x.crime === c);
          return (
            <li key={c} className="tag" style={{ display: "inline-block" }}>
              {CRIME_LABELS[c]}: <strong>{CRIME_STATUS_LABELS[a?.status ?? "NOT_ASSESSED"]}</strong>
            </li>
          );
        })}
      </ul>
      <div className="actions-row">
        <WatchButton situationId={s.id} watching={watching} />
        <a className="button secondary-button" href={`/api/briefs/${s.id}`}>
          Country brief (PDF)
        </a>
        <a className="button secondary-button" href={`/api/briefs/${s.id}?format=docx`}>
          Country brief (Word)
        </a>
        <Link className="button secondary-button" href={`/situations/${s.id}/brief`}>
          Printable brief
        </Link>
        {canEdit && (
          <>
            {!s.archivedAt && (
              <Link className="button" href={`/situations/${s.id}/edit`}>
                Edit
              </Link>
            )}
            {s.archivedAt ? (
              <ActionButton action={restoreSituationAction} input={{ id: s.id, version: s.version }} label="Restore" busyLabel="Restoring…" />
            ) : (
              <ActionButton
                action={archiveSituationAction}
                input={{ id: s.id, version: s.version }}
                label="Archive"
                busyLabel="Archiving…"
                confirm="Archive this situation? It leaves the lists but nothing is deleted; you can restore it."
              />
            )}
          </>
        )}
      </div>
      {!canEdit && !isOwnSituation(user.active, s) && (
        <p className="notice">Shared by {s.organisation.name} with the coalition: you can read it but not change it.</p>
      )}

      <nav className="tabs" aria-label="Situation sections">
        {TABS.map(([t, label]) => (
          <Link key={t} href={t === "overview" ? `/situations/${s.id}` : `/situations/${s.id}?tab=${t}`} aria-current={t === tab ? "page" : undefined}>
            {label}
          </Link>
        ))}
      </nav>

      {tab === "overview" && (
        <section aria-label="Overview">
          <dl className="facts panel">
            <dt>Summary</dt>
            <dd>{s.summary || "—"}</dd>
            <dt>Background</dt>
            <dd>{s.background || "—"}</dd>
            <dt>Populations at risk</dt>
            <dd>{s.populationsAtRisk || "—"}</dd>
            <dt>Perpetrators</dt>
            <dd>{s.perpetrators || "—"}</dd>
            <dt>Recommended action</dt>
            <dd>{s.recommendedAction || "—"}</dd>
            <dt>Notes</dt>
            <dd>{s.notes || "—"}</dd>
            <dt>Monitored since</dt>
            <dd>{s.monitoringSince ? isoDate(s.monitoringSince) : "—"}</dd>
            <dt>Recorded</dt>
            <dd>
              {isoDate(s.createdAt)} by {s.createdBy.name}
            </dd>
          </dl>
          <ExternalRatings situation={s} membership={user.active} canRecord={canEdit && !s.archivedAt} />
          <KeyFactors situationId={s.id} />
          <h2>The four crimes and incitement</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">Crime</th>
                <th scope="col">Status</th>
                <th scope="col">Rationale</th>
                <th scope="col">Sources</th>
                <th scope="col">Last changed</th>
              </tr>
            </thead>
            <tbody>
              {CRIME_ORDER.map((c) => {
                const a = s.crimes.find((x) => x.crime === c);
                return (
                  <tr key={c}>
                    <th scope="row">{CRIME_LABELS[c]}</th>
                    <td>{CRIME_STATUS_LABELS[a?.status ?? "NOT_ASSESSED"]}</td>
                    <td style={{ whiteSpace: "pre-wrap" }}>{a?.rationale || "—"}</td>
                    <td>
                      {a && a.citations.length > 0 ? (
                        <ul style={{ margin: 0, paddingLeft: "1rem" }}>
                          {a.citations.map(({ source }) => (
                            <li key={source.id}>
                              {canOpenCitedSources(user.active, s) ? <Link href={`/sources/${source.id}`}>{source.title}</Link> : source.title}{" "}
                              <span className="muted" title="Reliability and credibility">
                                ({source.reliability}
                                {source.credibility})
                              </span>
                            </li>
                          ))}
                        </ul>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td>{a ? `${isoDate(a.updatedAt)} by ${a.updatedBy.name}` : "—"}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
      {tab === "history" && <History situationId={s.id} />}
      {tab === "responses" && <Responses situationId={s.id} canEdit={canEdit && !s.archivedAt} monitoringSince={s.monitoringSince} />}
      {tab === "indicators" && <IndicatorsTab situationId={s.id} organisationId={s.organisationId} canEdit={canEdit && !s.archivedAt} />}
      {tab === "events" && (
        <EventsTab situationId={s.id} organisationId={s.organisationId} membership={user.active} query={eventListQuerySchema.parse(rest)} canEdit={canEdit && !s.archivedAt} />
      )}
      {tab === "signals" && <SignalsTab situationId={s.id} membership={user.active} />}
      {tab === "sources" && <Sources situationId={s.id} linkSources={canOpenCitedSources(user.active, s)} />}
    </>
  );
}

async function Sources({ situationId, linkSources }: { situationId: string; linkSources: boolean }) {
  const { rows, total } = await listSituationSources(situationId);
  return (
    <section aria-labelledby="sources-heading">
      <h2 id="sources-heading">Sources cited</h2>
      <p className="muted">
        The sources cited for this situation: by the situation itself, its crime assessments, its assessment rounds&apos; ratings, its responses and its events. Grading on the
        Admiralty scale (source reliability A-F, information credibility 1-6).
      </p>
      <table>
        <caption>
          {total === 0
            ? "No sources cited yet."
            : total > rows.length
              ? `${total.toLocaleString("en")} sources; the ${rows.length} cited most often are listed`
              : `${counted(total, "source")}, the most cited first`}
        </caption>
        <thead>
          <tr>
            {[...SOURCE_COLUMNS, "Citations", "Cited by"].map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        {/* Up to 200 rows as one escaped string (lib/markup.ts), with plain links. */}
        <tbody
          dangerouslySetInnerHTML={{
            __html: html`${rows.length === 0 && html`<tr><td colspan="6">None.</td></tr>`}${rows.map(
              (r) =>
                html`<tr>${sourceCells(r, linkSources)}<td>${r.citations}</td><td>${r.kinds.join(", ")}</td></tr>`,
            )}`.value,
          }}
        />
      </table>
    </section>
  );
}

async function History({ situationId }: { situationId: string }) {
  const entries = await getSituationHistory(situationId);
  const segments = riskTimeline(entries);
  return (
    <section aria-label="History">
      <h2>Risk category over time</h2>
      {segments.length === 0 ? (
        <p className="muted">No risk category recorded in the history yet.</p>
      ) : (
        <>
          <RiskBand segments={segments} start={segments[0].from.getTime()} end={segments[segments.length - 1].to.getTime()} />
          <table style={{ marginTop: "0.5rem" }}>
            <caption>Risk category periods</caption>
            <thead>
              <tr>
                <th scope="col">Risk category</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
              </tr>
            </thead>
            <tbody>
              {segments.map((seg, i) => (
                <tr key={i}>
                  <td>{RISK_CATEGORY_LABELS[seg.category]}</td>
                  <td>{isoDate(seg.from)}</td>
                  <td>{i === segments.length - 1 ? "now" : isoDate(seg.to)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h2>Changes</h2>
      <ol style={{ listStyle: "none", padding: 0 }}>
        {entries.map((e) => {
          const changes = e.action === "situation.create" ? [] : fieldChanges(e);
          return (
            <li key={String(e.id)} className="panel">
              <strong>{actionLabel(e.action)}</strong> by {e.user?.name ?? "system"} on {e.at.toISOString().slice(0, 16).replace("T", " ")} UTC
              {changes.length > 0 && (
                <table className="diff" style={{ marginTop: "0.5rem" }}>
                  <thead>
                    <tr>
                      <th scope="col">Field</th>
                      <th scope="col">Before</th>
                      <th scope="col">After</th>
                    </tr>
                  </thead>
                  <tbody>
                    {changes.map((c, i) => (
                      <tr key={i}>
                        <th scope="row">{c.label}</th>
                        <td>
                          <del>{c.before}</del>
                        </td>
                        <td>
                          <ins>{c.after}</ins>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

async function Responses({ situationId, canEdit, monitoringSince }: { situationId: string; canEdit: boolean; monitoringSince: Date | null }) {
  const [entries, responses] = await Promise.all([getSituationHistory(situationId), responsesForSituation(situationId)]);
  const segments = riskTimeline(entries);
  if (segments.length && monitoringSince && monitoringSince < segments[0].from) segments[0] = { ...segments[0], from: monitoringSince };
  const end = segments.length ? segments[segments.length - 1].to.getTime() : responses.length ? responses[responses.length - 1].startDate.getTime() : 0;
  return (
    <section aria-label="Responses">
      {canEdit && (
        <p>
          <Link className="button" href={`/situations/${situationId}/responses/new`}>
            Record a response
          </Link>
        </p>
      )}
      <h2>What was done, and when risk changed</h2>
      <ResponseTimeline segments={segments} responses={responses} end={end} />
      <ResponsesTable responses={responses} situationId={situationId} />
    </section>
  );
}
