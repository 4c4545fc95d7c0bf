import Link from "next/link";
import type { RiskSegment } from "@/lib/situations/history";
import { PILLAR_LABELS, RESPONSE_STATUS_LABELS, RESPONSE_TYPE_LABELS, RISK_CATEGORY_LABELS } from "@/lib/labels";
import type { Pillar, ResponseStatus, ResponseType } from "@/lib/generated/prisma/enums";
import { isoDate } from "@/lib/format";

const riskColour = (c: string) => `var(--risk-${c.toLowerCase().replace(/_/g, "-")})`;

/**
 * The length of a time axis from `start` to `end` (today): it runs a little past today (a twentieth
 * of the axis), so a risk category raised today is a visible stretch at the end rather than a
 * sliver beside the one before it. The band and the pillars' lanes share it.
 */
function axisSpan(start: number, end: number) {
  return Math.max(1, end - start) * (20 / 19);
}

/** Risk-category periods as a band on a time axis from `start` to `end`; the last period, the current one, runs to the axis's end. */
export function RiskBand({ segments, start, end }: { segments: RiskSegment[]; start: number; end: number }) {
  const span = axisSpan(start, end);
  const current = span - Math.max(1, end - start);
  return (
    <div className="band" aria-hidden="true">
      {segments.map((seg, i) => {
        const left = ((seg.from.getTime() - start) / span) * 100;
        const to = i === segments.length - 1 ? seg.to.getTime() + current : seg.to.getTime();
        const width = Math.max(0.5, ((to - seg.from.getTime()) / span) * 100);
        return (
          <div key={i} className="band-segment" style={{ left: `${left}%`, width: `${width}%`, background: riskColour(seg.category) }} title={`${RISK_CATEGORY_LABELS[seg.category]}: ${isoDate(seg.from)} to ${isoDate(seg.to)}`}>
            {RISK_CATEGORY_LABELS[seg.category]}
          </div>
        );
      })}
    </div>
  );
}

export interface TimelineResponse {
  id: string;
  pillar: Pillar;
  type: ResponseType;
  status: ResponseStatus;
  title: string;
  startDate: Date;
}

/** The risk band with each pillar's responses below it on the same axis, so analysts see what was done when risk rose. */
export function ResponseTimeline({ segments, responses, end }: { segments: RiskSegment[]; responses: TimelineResponse[]; end: number }) {
  const times = [...segments.map((s) => s.from.getTime()), ...responses.map((r) => r.startDate.getTime())];
  const start = times.length ? Math.min(...times) : end;
  const span = axisSpan(start, end);
  return (
    <figure className="timeline-figure" aria-label="Risk category and responses over time (the table below lists the same)">
      <div className="timeline-row">
        <span className="timeline-label">Risk category</span>
        <RiskBand segments={segments} start={start} end={end} />
      </div>
      {(["I", "II", "III"] as const).map((p) => (
        <div key={p} className="timeline-row">
          <span className="timeline-label">Pillar {p}</span>
          <div className="lane" aria-hidden="true">
            {responses
              .filter((r) => r.pillar === p)
              .map((r) => (
                <span
                  key={r.id}
                  className={`marker status-${r.status.toLowerCase()}`}
                  style={{ left: `${1 + ((r.startDate.getTime() - start) / span) * 98}%` }}
                  title={`${isoDate(r.startDate)}: ${r.title} (${RESPONSE_TYPE_LABELS[r.type]}, ${RESPONSE_STATUS_LABELS[r.status]})`}
                />
              ))}
          </div>
        </div>
      ))}
      <figcaption className="muted">
        {segments.length > 0 && `Now: ${RISK_CATEGORY_LABELS[segments[segments.length - 1].category]}. `}
        {times.length ? `${isoDate(new Date(start))} to ${isoDate(new Date(end))}. ` : ""}Filled marks: adopted or implemented; hollow: proposed, blocked or
        lapsed. Before its first recorded change, the risk category given when the situation was recorded is shown from the date monitoring began.
      </figcaption>
    </figure>
  );
}

export function ResponsesTable({ responses, situationId }: { responses: (TimelineResponse & { actorName: string; reference: string | null; effect: string; citations: { source: { id: string; title: string } }[] })[]; situationId: string }) {
  if (responses.length === 0) return <p>No responses recorded yet.</p>;
  return (
    <table>
      <caption>Responses, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Pillar</th>
          <th scope="col">What was done</th>
          <th scope="col">Who</th>
          <th scope="col">Status</th>
          <th scope="col">Sources</th>
        </tr>
      </thead>
      <tbody>
        {[...responses].reverse().map((r) => (
          <tr key={r.id}>
            <td>{isoDate(r.startDate)}</td>
            <td title={PILLAR_LABELS[r.pillar]}>{r.pillar}</td>
            <td>
              <Link href={`/situations/${situationId}/responses/${r.id}`}>{r.title}</Link>
              <div className="muted">
                {RESPONSE_TYPE_LABELS[r.type]}
                {r.reference ? ` · ${r.reference}` : ""}
              </div>
            </td>
            <td>{r.actorName}</td>
            <td>{RESPONSE_STATUS_LABELS[r.status]}</td>
            <td>{r.citations.length ? r.citations.map((c) => c.source.title).join("; ") : "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
