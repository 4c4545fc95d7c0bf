import Link from "next/link";
import { isoDate } from "@/lib/format";
import { latestPublishedRounds } from "@/lib/indicators/rounds";
import { keyFactorLine, keyFactors, keyIndicatorLine } from "@/lib/briefs/key-factors";

/**
 * The overview's "Five key factors" (issue #27): the risk factors that weigh most in the latest
 * published round, each linked to its ratings in that round, with the indicators behind it; the
 * brief prints the same. One query: the round, its full scores and its drivers' texts at once.
 */
export async function KeyFactors({ situationId }: { situationId: string }) {
  const [latest] = await latestPublishedRounds(situationId, 1, { driverTexts: true });
  const factors = latest ? keyFactors(latest.scores) : [];
  return (
    <section aria-labelledby="key-factors" className="panel">
      <h2 id="key-factors">Five key factors</h2>
      {!latest ? (
        <p>No published assessment round yet: the key factors come from the latest published round.</p>
      ) : factors.length === 0 ? (
        <p>{`No indicator was rated present in the latest published round (${isoDate(latest.assessedOn)}).`}</p>
      ) : (
        <>
          <p className="muted">{`The risk factors that weigh most in the latest published round (${isoDate(latest.assessedOn)}), as the R2P Monitor's atrocity risk assessment names five key factors. Each links to its ratings.`}</p>
          <ol>
            {factors.map((f) => (
              <li key={f.factor}>
                <Link href={`/situations/${situationId}/rounds/${latest.id}#rf-${f.factor}`}>{keyFactorLine(f)}</Link>
                <ul>
                  {f.drivers.map((d) => (
                    <li key={d.indicatorId}>{keyIndicatorLine(d, latest.driverTexts[d.indicatorId])}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
