import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/require-user";
import { emptyEventInput } from "@/lib/events/schemas";
import { eventFormOptions } from "@/lib/events/form-options";
import { EventForm } from "@/components/events/event-form";

export const metadata: Metadata = { title: "Record an event" };

export default async function NewEventPage({ searchParams }: { searchParams: Promise<{ situation?: string }> }) {
  const { situation } = await searchParams;
  const user = await requireUser({ role: "ANALYST" });
  const options = await eventFormOptions(user.active.organisationId);
  const preset = options.situations.find((s) => s.id === situation);
  return (
    <>
      <p>
        <Link href={preset ? `/situations/${preset.id}?tab=events` : "/events"}>← Back to the events</Link>
      </p>
      <h1>Record an event</h1>
      <EventForm mode="create" initial={{ ...emptyEventInput(), situationId: preset?.id ?? "", countryIso3: preset?.countryIso3 ?? "" }} {...options} sources={[]} />
    </>
  );
}
