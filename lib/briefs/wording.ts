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

/** A response as listed: "2026-11-14 · Security Council: Press statement (S/PRST/2026/3) · Adopted". */
export function responseLine(r: { startDate: Date; actorName: string; title: string; reference: string | null; status: string }, statusLabel: string): string {
  return `${isoDate(r.startDate)} · ${r.actorName}: ${r.title}${r.reference ? ` (${r.reference})` : ""} · ${statusLabel}`;
}

/** The bulletin's opening: how many situations, their order and the period. */
export function bulletinIntro(situations: number, period: { from: string; to: string }): string {
  const count = situations === 1 ? "1 situation" : `${n(situations)} situations`;
  return `${count}, by risk category (most serious first), then by the latest overall score (highest first); a score not enough assessed comes after the scored ones of its category. Events and responses from ${period.from} to ${period.to}.`;
}

/** The heading of a situation's responses in the bulletin. */
export function periodResponsesHeading(period: { from: string; to: string }): string {
  return `Responses from ${period.from} to ${period.to}`;
}
export const NO_RESPONSE_IN_PERIOD = "No response is recorded in this period.";
export const NO_ROUND_YET = "No assessment round has been published for this situation yet.";

/** Under the events chart: the week with the most events. */
export function busiestWeekSentence(w: { week: string; events: number; killed: number }): string {
  const events = w.events === 1 ? "1 event" : `${n(w.events)} events`;
  const killed = w.killed === 1 ? "1 person reported killed" : `${n(w.killed)} people reported killed`;
  return `The busiest week began on ${w.week}: ${events}, ${killed}.`;
}

/** Under "Five key factors". */
export function keyFactorsIntro(date: string): string {
  return `The risk factors that weigh most in the latest published round (${date}).`;
}
