import Link from "next/link";
import type { CurrentMembership } from "@/lib/auth/current-user";
import { monthlyCounts } from "@/lib/events/queries";
import { indicatorOptions } from "@/lib/events/form-options";
import type { EventListQuery } from "@/lib/events/schemas";
import { EventList } from "@/components/events/event-list";
import { MonthlyChart } from "@/components/events/monthly-chart";
import { killed } from "@/lib/format";

export async function EventsTab({ situationId, organisationId, membership, query, canEdit }: { situationId: string; organisationId: string; membership: CurrentMembership; query: EventListQuery; canEdit: boolean }) {
  const [months, indicators] = await Promise.all([monthlyCounts(situationId), indicatorOptions(organisationId)]);
  // The chart draws the known figures; the table says "at least" where some are unknown.
  const data = months.map((m) => ({
    month: m.month.toISOString().slice(0, 7),
    events: Number(m.events),
    fatalities: Number(m.fatalities ?? 0),
    killed: killed(m.fatalities === null ? null : Number(m.fatalities), Number(m.unknownFatalities)),
  }));
  const someUnknown = months.some((m) => m.unknownFatalities > 0);
  return (
    <section aria-label="Events">
      {canEdit && (
        <div className="actions-row">
          <Link className="button" href={`/events/new?situation=${situationId}`}>
            Record an event
          </Link>
          <Link className="button" href={`/events/import?situation=${situationId}`}>
            Import a CSV file
          </Link>
        </div>
      )}
      {data.length > 0 && (
        <>
          <h2>Events and people killed per month</h2>
          <MonthlyChart data={data} />
          {someUnknown && <p className="muted">For some events the number of people killed is not known: the chart shows the known figures, and the table says &ldquo;at least&rdquo; for those months.</p>}
          <details>
            <summary>The figures per month, as a table</summary>
            <table>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col">Events</th>
                  <th scope="col">People killed</th>
                </tr>
              </thead>
              <tbody>
                {data.map((d) => (
                  <tr key={d.month}>
                    <th scope="row">{d.month}</th>
                    <td>{d.events}</td>
                    <td>{d.killed}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
      <h2>Event log</h2>
      <EventList membership={membership} query={query} path={`/situations/${situationId}`} fixed={{ tab: "events", situation: situationId }} indicators={indicators} showSituation={false} />
    </section>
  );
}
