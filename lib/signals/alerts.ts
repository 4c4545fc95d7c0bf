// The alerts the event log's signals raise (lib/alerts: rule, severity, title, a dedupe key), pure.
// A signal never repeats: a spike once per situation, series and week; a crossing of the
// mass-killing threshold once per situation and actor; something new once per situation, kind and
// value (Alert.dedupeKey is unique: the same signal found again by a later import or edit raises
// nothing).
import type { AlertDraft } from "@/lib/alerts/rules";
import type { SituationSignals } from "./queries";
import { explainNew, explainSpike, explainThreshold, fillSentence } from "./stats";
import { newThingEventsHref, thresholdEventsHref, weekEventsHref } from "./links";

export function signalAlerts(s: SituationSignals, asOf: string): AlertDraft[] {
  const alerts: AlertDraft[] = [];
  const title = (sentence: string) => fillSentence("{situation}: {signal}", { situation: s.title, signal: sentence });
  for (const x of s.spikes) {
    const explanation = explainSpike(x.series, x.week, x.test);
    alerts.push({
      rule: "EVENT_SPIKE",
      severity: x.series === "events" ? "WARNING" : "CRITICAL",
      title: title(explanation),
      detail: { series: x.series, week: x.week, observed: x.test.observed, baselineMean: x.test.baselineMean, dispersion: x.test.dispersion, p: x.test.p, sensitivity: s.sensitivity, eventsHref: weekEventsHref(s.situationId, x.week, x.series) },
      dedupeKey: `EVENT_SPIKE:${s.situationId}:${x.series}:${x.week}`,
    });
  }
  if (s.threshold?.crossed) {
    const t = s.threshold;
    alerts.push({
      rule: "KILLING_THRESHOLD",
      severity: "CRITICAL",
      title: title(explainThreshold(t)),
      detail: { actor: t.actor, killed: t.killed, events: t.events, unknownKilled: t.unknownKilled, asOf, eventsHref: thresholdEventsHref(s.situationId, t, asOf) },
      dedupeKey: `KILLING_THRESHOLD:${s.situationId}:${t.actor}`,
    });
  }
  for (const n of s.newThings) {
    alerts.push({
      rule: "NEW_IN_EVENTS",
      severity: "INFO",
      title: title(explainNew(n)),
      detail: { kind: n.kind, value: n.value, first: n.first, events: n.events, eventsHref: newThingEventsHref(s.situationId, n) },
      dedupeKey: `NEW_IN_EVENTS:${s.situationId}:${n.kind}:${n.value}`,
    });
  }
  return alerts;
}
