import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/require-user";
import { canChangeEvent } from "@/lib/access/events";
import { getEvent } from "@/lib/events/queries";
import { eventFormOptions } from "@/lib/events/form-options";
import { EventForm } from "@/components/events/event-form";
import { isoDate } from "@/lib/format";
import { toEventInput } from "@/lib/events/schemas";

export const metadata: Metadata = { title: "Edit event" };

export default async function EditEventPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser();
  const e = await getEvent(user.active, id);
  if (!e || !canChangeEvent(user.active, e)) notFound();
  const options = await eventFormOptions(user.active.organisationId);
  return (
    <>
      <p>
        <Link href={`/events/${e.id}`}>← Back to the event</Link>
      </p>
      <h1>Edit event of {isoDate(e.eventDate)}</h1>
      <EventForm
        mode="edit"
        id={e.id}
        version={e.version}
        initial={toEventInput({ ...e, indicatorIds: e.indicators.map((i) => i.indicatorId), sourceIds: e.citations.map((c) => c.sourceId) })}
        {...options}
        sources={e.citations.map((c) => c.source)}
      />
    </>
  );
}
