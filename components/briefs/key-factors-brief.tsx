import type { BriefData } from "@/lib/briefs/data";
import { isoDate } from "@/lib/format";
import { keyFactorLine, keyFactors, keyIndicatorLine } from "@/lib/briefs/key-factors";

/** The printable brief's "Five key factors": the same lines as the PDF's, each factor linked to its ratings. */
export function KeyFactorsBrief({ data }: { data: BriefData }) {
  if (!data.latest) return null;
  const latest = data.latest;
  const factors = keyFactors(latest.scores);
  if (!factors.length) return null;
  return (
    <>
      <h2>Five key factors</h2>
      <p className="muted">{`The risk factors that weigh most in the latest published round (${isoDate(latest.assessedOn)}).`}</p>
      <ol>
        {factors.map((f) => (
          <li key={f.factor}>
            <a href={`/situations/${data.situation.id}/rounds/${latest.id}#rf-${f.factor}`}>{keyFactorLine(f)}</a>
            <ul>
              {f.drivers.map((d) => (
                <li key={d.indicatorId}>{keyIndicatorLine(d, data.indicatorText[d.indicatorId])}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </>
  );
}
