// Where each signal's evidence is: the situation's Events tab with the event list's own filters
// (lib/events/schemas.ts eventListQuerySchema), so the events behind a signal are one click away.
import { VIOLENCE_AGAINST_CIVILIANS, weekEnd, type NewThing, type SeriesName, type ThresholdStatus } from "./stats";

type Filters = Partial<Record<"from" | "to" | "type" | "actor" | "civilian", string>>;

export function situationEventsHref(situationId: string, filters: Filters): string {
  const q = new URLSearchParams({ tab: "events" });
  for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
  return `/situations/${encodeURIComponent(situationId)}?${q.toString()}`;
}

/** The events a week's count is made of (for attacks on civilians: those marked as targeting civilians). */
export function weekEventsHref(situationId: string, week: string, series: SeriesName = "events"): string {
  return situationEventsHref(situationId, { from: week, to: weekEnd(week), civilian: series === "civilian" ? "1" : undefined });
}

/** A week's events of ACLED's type "Violence against civilians" (the other half of "attacks on civilians"). */
export function weekViolenceAgainstCiviliansHref(situationId: string, week: string): string {
  return situationEventsHref(situationId, { from: week, to: weekEnd(week), type: VIOLENCE_AGAINST_CIVILIANS });
}

/** The actor's events of the 12 months up to `asOf` (the list's actor filter matches actor 1 or 2). */
export function thresholdEventsHref(situationId: string, t: ThresholdStatus, asOf: string): string {
  const from = new Date(Date.parse(`${asOf}T00:00:00Z`));
  from.setUTCFullYear(from.getUTCFullYear() - 1);
  from.setUTCDate(from.getUTCDate() + 1);
  return situationEventsHref(situationId, { from: from.toISOString().slice(0, 10), to: asOf, actor: t.actor, type: VIOLENCE_AGAINST_CIVILIANS });
}

/** The events since the new actor, region or kind first appeared (filtered by it where the list has a filter for it). */
export function newThingEventsHref(situationId: string, n: NewThing): string {
  const filters: Filters = { from: n.first };
  if (n.kind === "ACTOR") filters.actor = n.value;
  if (n.kind === "EVENT_TYPE") filters.type = n.value;
  return situationEventsHref(situationId, filters);
}

/** The events behind an alert the signals raised (its detail's eventsHref, lib/signals/alerts.ts): a path inside the app, or null. */
export function alertEventsHref(detail: unknown): string | null {
  const href = (detail as { eventsHref?: unknown } | null)?.eventsHref;
  return typeof href === "string" && /^\/situations\/[\w-]+\?[\w=&%+.*-]*$/.test(href) ? href : null;
}
