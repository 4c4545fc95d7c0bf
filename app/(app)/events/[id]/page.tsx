import type { Metadata } from "next";
import { canOpenCitedSources } from "@/lib/access/sources";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/require-user";
import { canChangeEvent } from "@/lib/access/events";
import { getEvent } from "@/lib/events/queries";
import { CRIME_LABELS } from "@/lib/labels";
import { isoDate, killed } from "@/lib/format";
import { ActionButton } from "@/components/ui/action-button";
import { deleteEventAction } from "../actions";

export const metadata: Metadata = { title: "Event" };

export default async function EventPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser();
  const e = await getEvent(user.active, id);
  if (!e) notFound();
  const own = canOpenCitedSources(user.active, e);
  const canEdit = canChangeEvent(user.active, e);
  const row = (label: string, value: React.ReactNode) => (
    <>
      <dt>{label}</dt>
      <dd>{value || "—"}</dd>
    </>
  );
  return (
    <>
      <p>
        <Link href={e.situation ? `/situations/${e.situation.id}?tab=events` : "/events"}>← Back to the events</Link>
      </p>
      <h1>
        {e.eventType}, {isoDate(e.eventDate)}
      </h1>
      {canEdit && (
        <div className="actions-row">
          <Link className="button" href={`/events/${e.id}/edit`}>
            Edit
          </Link>
          <ActionButton action={deleteEventAction} input={{ id: e.id, version: e.version }} label="Delete" busyLabel="Deleting…" confirm="Delete this event? It leaves the log; the deletion is recorded." then="/events" />
        </div>
      )}
      <dl className="facts panel">
        {row("Situation", e.situation ? <Link href={`/situations/${e.situation.id}`}>{e.situation.title}</Link> : null)}
        {row("Sub-type", e.subEventType)}
        {row("Disorder type", e.disorderType)}
        {row("Actors", [e.actor1, e.actor2].filter(Boolean).join(" vs "))}
        {row("Associated actors", [e.assocActor1, e.assocActor2].filter(Boolean).join("; "))}
        {row("People killed", killed(e.fatalities))}
        {row("Civilians targeted", e.civilianTargeting ? "Yes" : "No")}
        {row("Where", [e.location, e.admin3, e.admin2, e.admin1, e.country?.name].filter(Boolean).join(", "))}
        {row("Coordinates", e.latitude && e.longitude ? `${e.latitude}, ${e.longitude}` : null)}
        {row("What happened", <span style={{ whiteSpace: "pre-wrap" }}>{e.notes}</span>)}
        {row("Reported by (source field)", e.sourceText)}
        {row("Crimes it may amount to", e.crimes.map((c) => CRIME_LABELS[c]).join(", "))}
        {row(
          "Linked indicators",
          e.indicators.length ? (
            <ul style={{ margin: 0, paddingLeft: "1rem" }}>
              {e.indicators.map(({ indicator: i }) => (
                <li key={i.id}>
                  <span className="code">{i.code}</span> {i.text}
                </li>
              ))}
            </ul>
          ) : null,
        )}
        {row(
          "Sources",
          e.citations.length ? (
            <ul style={{ margin: 0, paddingLeft: "1rem" }}>
              {e.citations.map(({ source }) => (
                <li key={source.id}>
                  {own ? <Link href={`/sources/${source.id}`}>{source.title}</Link> : source.title} ({source.reliability}
                  {source.credibility})
                </li>
              ))}
            </ul>
          ) : null,
        )}
        {row("Recorded", `${isoDate(e.createdAt)} by ${e.createdBy.name}${e.import ? ` (imported from ${e.import.fileName}${e.externalId ? `, id ${e.externalId}` : ""})` : ""}`)}
      </dl>
    </>
  );
}
