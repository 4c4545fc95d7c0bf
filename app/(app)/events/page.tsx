import type { Metadata } from "next";
import { importVisibleWhere } from "@/lib/access/imports";
import Link from "next/link";
import { requireUser } from "@/lib/auth/require-user";
import { can } from "@/lib/access/can";
import { db } from "@/lib/db";
import { eventListQuerySchema } from "@/lib/events/schemas";
import { indicatorOptions } from "@/lib/events/form-options";
import { EventList } from "@/components/events/event-list";

export const metadata: Metadata = { title: "Events" };

const STATUS = { PENDING: "waiting to be imported", RUNNING: "importing", COMPLETED: "imported", FAILED: "failed, nothing imported" } as const;

export default async function EventsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const query = eventListQuerySchema.parse(await searchParams);
  const user = await requireUser();
  const canEdit = can.record(user.active);
  const [indicators, imports] = await Promise.all([
    indicatorOptions(user.active.organisationId),
    db.eventImport.findMany({ where: importVisibleWhere(user.active), orderBy: { createdAt: "desc" }, take: 5, include: { createdBy: { select: { name: true } } } }),
  ]);
  return (
    <>
      <h1>Events</h1>
      <p className="muted">Incidents from your organisation&apos;s log and from situations shared with the coalition, newest first.</p>
      {canEdit && (
        <div className="actions-row">
          <Link className="button" href="/events/new">
            Record an event
          </Link>
          <Link className="button" href="/events/import">
            Import a CSV file (ACLED or other)
          </Link>
        </div>
      )}
      {imports.length > 0 && (
        <details>
          <summary>Recent imports</summary>
          <ul>
            {imports.map((i) => (
              <li key={i.id}>
                <Link href={`/events/import/${i.id}`}>{i.fileName}</Link> by {i.createdBy.name} on {i.createdAt.toISOString().slice(0, 16).replace("T", " ")}: {STATUS[i.status]}
                {i.status === "COMPLETED" && ` (${i.createdCount} new, ${i.updatedCount} updated, ${i.unchangedCount} unchanged, ${i.skippedCount} skipped)`}
              </li>
            ))}
          </ul>
        </details>
      )}
      <EventList membership={user.active} query={query} path="/events" indicators={indicators} />
    </>
  );
}
