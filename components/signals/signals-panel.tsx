// The dashboard's "Signals this week" panel: every situation the member's lists show with a signal in
// the last complete week or the current one (lib/signals), each in plain words with its evidence.
import Link from "next/link";
import type { CurrentMembership } from "@/lib/auth/current-user";
import { hasSignals, listedSignalsCached } from "@/lib/signals/queries";
import { fillSentence } from "@/lib/signals/stats";
import { SignalList } from "./signal-list";

/** Situations whose leading actor has killed at least this share of the 1,000 are listed as approaching the threshold. */
const APPROACHING_SHARE = 0.5;

export async function SignalsThisWeekPanel({ membership, asOf = new Date().toISOString().slice(0, 10) }: { membership: Pick<CurrentMembership, "organisationId">; asOf?: string }) {
  const all = await listedSignalsCached(membership, asOf);
  const flagged = all.filter(hasSignals);
  const approaching = all.filter((s) => s.threshold && !s.threshold.crossed && s.threshold.share >= APPROACHING_SHARE).sort((a, b) => b.threshold!.share - a.threshold!.share);
  const since = all[0]?.lastCompleteWeek;
  return (
    <section className="panel" aria-labelledby="signals-heading">
      <h2 id="signals-heading" style={{ marginBlockStart: 0 }}>
        {fillSentence("Signals this week ({n})", { n: flagged.length })}
      </h2>
      <p className="muted">Weeks well above a situation&apos;s previous 26, one actor&apos;s killings of civilians over the Early Warning Project&apos;s threshold, and actors, regions or kinds of event never seen before in a situation, since last Monday week.</p>
      {flagged.length === 0 ? (
        <p>{since ? fillSentence("None since {date}.", { date: since }) : "None."}</p>
      ) : (
        flagged.map((s) => (
          <div key={s.situationId}>
            <h3 style={{ marginBlockEnd: 0 }}>
              <Link href={`/situations/${s.situationId}?tab=signals`}>{s.title}</Link>
            </h3>
            <SignalList s={s} asOf={asOf} />
          </div>
        ))
      )}
      {approaching.length > 0 && (
        <>
          <h3>Approaching the mass-killing threshold</h3>
          <ul>
            {approaching.map((s) => (
              <li key={s.situationId}>
                <Link href={`/situations/${s.situationId}?tab=signals`}>{s.title}</Link>:{" "}
                {fillSentence("{actor}, at least {killed} civilians killed in 12 months ({percent} % of 1,000).", {
                  actor: s.threshold!.actor,
                  killed: s.threshold!.killed.toLocaleString("en-GB"),
                  percent: Math.floor(s.threshold!.share * 100),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
