// Evidence since the last round (issue #28), shown on a draft round: per indicator, the events
// linked to it since the last published round, their dead and sources, that round's rating, and
// the rating the evidence suggests, with the analyst's decision. A suggestion is never applied by itself.
import Link from "next/link";
import type { RoundEvidence } from "@/lib/evidence/queries";
import { SUGGEST_AT_EVENTS } from "@/lib/evidence/schemas";
import { RATING_LEVEL_LABELS } from "@/lib/labels";
import { isoDate } from "@/lib/format";
import { DecideSuggestion } from "./decide-suggestion";
import styles from "./evidence.module.css";

interface Props {
  situationId: string;
  roundId: string;
  evidence: RoundEvidence;
  indicators: { id: string; code: string; text: string }[];
  canDecide: boolean;
}

const level = (l: string | null) => (l ? RATING_LEVEL_LABELS[l as keyof typeof RATING_LEVEL_LABELS] : "Not assessed");

function dayAfter(date: string) {
  return isoDate(new Date(new Date(`${date}T00:00:00Z`).getTime() + 86400_000));
}

function killedText(killed: number, unknown: number) {
  if (unknown === 0) return `${killed.toLocaleString("en")} killed`;
  return `at least ${killed.toLocaleString("en")} killed (${unknown.toLocaleString("en")} with no figure)`;
}

export function EvidencePanel({ situationId, roundId, evidence, indicators, canDecide }: Props) {
  const rows = indicators.filter((i) => evidence.indicators[i.id]);
  const since = evidence.since?.assessedOn ?? null;
  const eventsHref = (indicatorId: string) => `/events?${new URLSearchParams({ situation: situationId, indicator: indicatorId, ...(since ? { from: dayAfter(since) } : {}) })}`;
  const suggestions = rows.filter((i) => evidence.indicators[i.id].suggested && !evidence.indicators[i.id].decision).length;
  return (
    <section className={`panel ${styles.panel}`} aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">{since ? `Evidence since the last published round (${since})` : "Evidence from the event log (no round has been published yet)"}</h2>
      <p className="muted">
        {`Events linked to an indicator${since ? " and dated after that round" : ""}. Where ${SUGGEST_AT_EVENTS} or more point to it, a rating one step above the last published one is suggested; it is applied only if you take it, and your decision and its reason are kept with the round.`}
      </p>
      {rows.length === 0 ? (
        <p>{since ? "No event has been linked to an indicator since the last published round." : "No event has been linked to an indicator yet."}</p>
      ) : (
        <>
          <p>{suggestions === 0 ? "No suggested change of rating awaits a decision." : suggestions === 1 ? "1 suggested change of rating awaits a decision." : `${suggestions} suggested changes of rating await a decision.`}</p>
          <table className={styles.table}>
            <caption className="visually-hidden">{since ? `Events linked to each indicator since ${since}` : "Events linked to each indicator"}</caption>
            <thead>
              <tr>
                <th scope="col">Indicator</th>
                <th scope="col">Events</th>
                <th scope="col">Last published rating</th>
                <th scope="col">Suggestion and decision</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((i) => {
                const e = evidence.indicators[i.id];
                const label = `${i.code} ${i.text}`;
                return (
                  <tr key={i.id}>
                    <th scope="row">
                      <span className="code">{i.code}</span> {i.text}
                    </th>
                    <td>
                      {e.events > 0 ? <Link href={eventsHref(i.id)}>{e.events === 1 ? "1 event" : `${e.events.toLocaleString("en")} events`}</Link> : "No events"}
                      {e.events > 0 && (
                        <div className="muted">
                          {killedText(e.killed, e.unknownKilled)}; {e.sources === 0 ? "no source cited" : e.sources === 1 ? "1 source cited" : `${e.sources} sources cited`}
                        </div>
                      )}
                      {e.recent.length > 0 && (
                        <ul className={styles.recent}>
                          {e.recent.map((r) => (
                            <li key={r.id}>
                              <Link href={`/events/${r.id}`}>{r.location ? `${r.date}: ${r.type}, ${r.location}` : `${r.date}: ${r.type}`}</Link>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>{level(e.published)}</td>
                    <td>
                      {e.decision ? (
                        <p>
                          {e.decision.decision === "ACCEPTED"
                            ? `${e.decision.decidedBy} took the suggested rating (${level(e.decision.suggestedLevel)}) on ${isoDate(e.decision.decidedAt)}.`
                            : `${e.decision.decidedBy} kept the rating rather than ${level(e.decision.suggestedLevel)} on ${isoDate(e.decision.decidedAt)}.`}
                          {e.decision.reason && <span className="muted"> Reason: {e.decision.reason}</span>}
                        </p>
                      ) : e.suggested ? (
                        canDecide ? (
                          <DecideSuggestion roundId={roundId} indicatorId={i.id} suggested={level(e.suggested)} label={label} />
                        ) : (
                          <p>{`Suggested: ${level(e.suggested)}. Not decided yet.`}</p>
                        )
                      ) : (
                        <p className="muted">{e.published === "SEVERE" ? "Already rated Severe." : `No change suggested (fewer than ${SUGGEST_AT_EVENTS} events).`}</p>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
