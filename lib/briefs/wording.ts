// The sentences the briefs and bulletins share (PDF, Word): whole sentences with their numbers as
// placeholders, so that each can be translated as one. Pure.
import { isoDate } from "@/lib/format";
import type { RecentEvents, SinceLastBrief } from "./recent-events";

const n = (x: number) => x.toLocaleString("en");

/** "Recent events (2026-09-06 to 2026-12-04)". */
export function recentHeading(ev: Pick<RecentEvents, "from" | "to">): string {
  return `Recent events (${ev.from} to ${ev.to})`;
}

/** People killed, with the events that gave no figure stated. */
export function killedSentence(killed: number, unknown: number): string {
  if (unknown === 0) return `${n(killed)} people were reported killed.`;
  if (unknown === 1) return `At least ${n(killed)} people were reported killed; 1 event gave no figure.`;
  return `At least ${n(killed)} people were reported killed; ${n(unknown)} events gave no figure.`;
}

/** The period's events in two sentences: how many, attacks on civilians, people killed. */
export function recentEventsSentence(ev: RecentEvents): string {
  if (ev.events === 0) return "No event of this situation is recorded in this period.";
  const recorded = ev.events === 1 ? "1 event was recorded" : `${n(ev.events)} events were recorded`;
  const attacks = ev.civilianAttacks === 1 ? "1 of them an attack on civilians" : `${n(ev.civilianAttacks)} of them attacks on civilians`;
  return `${recorded}, ${attacks}. ${killedSentence(ev.killed, ev.unknownKilled)}`;
}

/** What changed since the organisation's last brief of the situation. */
export function sinceLastSentence(l: SinceLastBrief): string {
  return `Since the last brief (${isoDate(l.at)}, by ${l.by}): ${n(l.newEvents)} events recorded, ${n(l.newResponses)} responses added, ${n(l.newRounds)} rounds published.`;
}
