// The country brief's "Signals from the event log" (last 90 days), as whole sentences: the same
// words as the situation's Signals tab, for the printable page, the PDF and any other format.
import type { SituationSignals } from "./queries";
import { explainNew, explainSpike, explainThreshold } from "./stats";

export const BRIEF_SIGNALS_HEADING = "Signals from the event log (last 90 days)";

export function briefSignalSentences(s: SituationSignals | null): string[] {
  if (!s || s.firstEvent === null) return ["No events recorded in this situation."];
  const out = [...s.spikes].sort((a, b) => a.week.localeCompare(b.week)).map((x) => explainSpike(x.series, x.week, x.test));
  if (s.threshold) out.push(explainThreshold(s.threshold));
  out.push(...s.newThings.map(explainNew));
  if (out.length === 0) return ["No week stood out from the 26 before it, no actor's killings of civilians were recorded, and nothing new appeared."];
  if (s.spikes.length === 0) out.unshift("No week stood out from the 26 before it.");
  return out;
}

/** How the test is stated under the heading. */
export function briefSignalsNote(s: SituationSignals | null): string {
  const oneIn = s ? Math.round(1 / s.sensitivity).toLocaleString("en-GB") : "1,000";
  return `A week stands out when so many events, attacks on civilians or people killed would come by chance less than 1 time in ${oneIn}, at the rate of the 26 weeks before it.`;
}
