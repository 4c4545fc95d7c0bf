// The signals of one situation in plain words, each with a link to the events behind it: used by the
// situation's Signals tab and the dashboard's "Signals this week" panel.
import Link from "next/link";
import type { SituationSignals } from "@/lib/signals/queries";
import { explainNew, explainSpike, explainThreshold } from "@/lib/signals/stats";
import { newThingEventsHref, thresholdEventsHref, weekEventsHref, weekViolenceAgainstCiviliansHref } from "@/lib/signals/links";

export function SignalList({ s, asOf }: { s: SituationSignals; asOf: string }) {
  const crossed = s.threshold?.crossed ? s.threshold : null;
  return (
    <ul>
      {s.spikes.map((x) => (
        <li key={`${x.series}-${x.week}`}>
          {explainSpike(x.series, x.week, x.test)}
          {x.week === s.currentWeek && <span className="muted"> This week is not over yet: the count may still rise.</span>}{" "}
          <Link href={weekEventsHref(s.situationId, x.week, x.series)}>The events behind it</Link>
          {x.series === "civilian" && (
            <>
              {" "}
              (<Link href={weekViolenceAgainstCiviliansHref(s.situationId, x.week)}>and those of the type Violence against civilians</Link>)
            </>
          )}
        </li>
      ))}
      {crossed && (
        <li>
          {explainThreshold(crossed)} <Link href={thresholdEventsHref(s.situationId, crossed, asOf)}>The events behind it</Link>
        </li>
      )}
      {s.newThings.map((n) => (
        <li key={`${n.kind}-${n.value}`}>
          {explainNew(n)} <Link href={newThingEventsHref(s.situationId, n)}>The events behind it</Link>
        </li>
      ))}
    </ul>
  );
}
