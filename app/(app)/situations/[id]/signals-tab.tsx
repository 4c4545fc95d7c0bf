import Link from "next/link";
import type { CurrentMembership } from "@/lib/auth/current-user";
import { situationSignals } from "@/lib/signals/queries";
import { BASELINE_WEEKS, explainThreshold, fillSentence, perWeek, SERIES, type SeriesName, type SpikeTest, type WeekTests } from "@/lib/signals/stats";
import { thresholdEventsHref, weekEventsHref } from "@/lib/signals/links";
import { hasSignals } from "@/lib/signals/queries";
import { killed } from "@/lib/format";
import { SignalList } from "@/components/signals/signal-list";
import { WeeklySignalsChart } from "@/components/signals/weekly-chart";

const SERIES_LABELS: Record<SeriesName, string> = { events: "Events", civilian: "Attacks on civilians", killed: "People killed" };

/** A probability as the table shows it: "< 0.0001" below the test's resolution (lib/signals/stats.ts poissonUpperTail). */
function probability(p: number): string {
  return p < 0.0001 ? "< 0.0001" : p.toPrecision(2);
}

function killedIn(w: WeekTests): string {
  return killed(w.events > 0 && w.unknownKilled === w.events ? null : w.killed, w.unknownKilled);
}

function TestCell({ test }: { test: SpikeTest | undefined }) {
  if (!test) return <td className="muted">not tested</td>;
  const text = fillSentence("{mean} a week before; probability {p}", { mean: perWeek(test.baselineMean), p: probability(test.p) });
  return <td>{test.flagged ? <strong>Flagged: {text}</strong> : <span className="muted">{text}</span>}</td>;
}

/** `asOf`: the day the signals are read for (today; tests give their own). */
export async function SignalsTab({ situationId, membership, asOf = new Date().toISOString().slice(0, 10) }: { situationId: string; membership: Pick<CurrentMembership, "organisationId">; asOf?: string }) {
  const s = await situationSignals(membership, situationId, asOf);
  if (!s) return null;
  const oneIn = Math.round(1 / s.sensitivity).toLocaleString("en-GB");
  const tested = s.weeks.filter((w) => Object.keys(w.tests).length > 0);
  const data = s.weeks.map((w) => ({
    week: w.week,
    events: w.events,
    civilian: w.civilian,
    killed: w.killed,
    eventsFlagged: !!w.tests.events?.flagged,
    civilianFlagged: !!w.tests.civilian?.flagged,
    killedFlagged: !!w.tests.killed?.flagged,
  }));
  return (
    <section aria-labelledby="signals-heading">
      <h2 id="signals-heading">Signals from the event log</h2>
      <p className="muted">
        {fillSentence(
          "Each week (Monday to Sunday) is compared with the {weeks} weeks before it. A week is flagged when so many events, attacks on civilians or people killed would come by chance less than 1 time in {oneIn}, if the weeks before it are the usual rate (a Poisson test, allowing for weeks that vary more than that, as killings do). The administrators of the organisation that records this situation set how rare that must be. Attacks on civilians are events of the type Violence against civilians or marked as targeting civilians; people killed counts the known figures only.",
          { weeks: BASELINE_WEEKS, oneIn },
        )}
      </p>

      <h3>Last week and this week so far</h3>
      {hasSignals(s) ? <SignalList s={s} asOf={asOf} /> : <p>No signal: nothing unusual, nothing crossed and nothing new since {s.lastCompleteWeek}.</p>}

      <h3>Killings of civilians by one actor</h3>
      {s.threshold ? (
        <p>
          {explainThreshold(s.threshold)} <Link href={thresholdEventsHref(s.situationId, s.threshold, asOf)}>The events behind it</Link>
          {s.threshold.unknownKilled > 0 && (
            <span className="muted"> {fillSentence("For {n} of its {events} attacks the number killed is not known.", { n: s.threshold.unknownKilled, events: s.threshold.events })}</span>
          )}
        </p>
      ) : (
        <p>No attack on civilians with a named actor in the last 12 months.</p>
      )}

      <h3>The last 52 weeks</h3>
      {s.firstEvent === null ? (
        <p>No events recorded in this situation yet.</p>
      ) : (
        <>
          <WeeklySignalsChart data={data} />
          <p className="muted">Flagged weeks are marked: a vermilion bar for events, a large ringed dot for attacks on civilians or people killed.</p>
          {tested.length === 0 && <p>{fillSentence("No week can be tested yet: the events recorded begin less than {weeks} weeks before.", { weeks: BASELINE_WEEKS })}</p>}
          <details open={s.weeks.some((w) => SERIES.some((x) => w.tests[x]?.flagged))}>
            <summary>The weeks and their tests, as a table</summary>
            <table>
              <thead>
                <tr>
                  <th scope="col">Week beginning</th>
                  {SERIES.map((x) => (
                    <th scope="col" key={x} colSpan={2}>
                      {SERIES_LABELS[x]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[...s.weeks].reverse().map((w) => (
                  <tr key={w.week}>
                    <th scope="row">
                      <Link href={weekEventsHref(s.situationId, w.week)}>{w.week}</Link>
                    </th>
                    <td>{w.events}</td>
                    <TestCell test={w.tests.events} />
                    <td>{w.civilian}</td>
                    <TestCell test={w.tests.civilian} />
                    <td>{killedIn(w)}</td>
                    <TestCell test={w.tests.killed} />
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
