import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/require-user";
import { getCatalogue } from "@/lib/indicators/queries";
import { FACTOR_GROUP_LABELS } from "@/lib/labels";
import { NotBuiltYet } from "@/components/ui/not-built-yet";
import type { FactorGroup } from "@/lib/generated/prisma/enums";

export const metadata: Metadata = { title: "Indicators" };

const GROUPS: FactorGroup[] = ["COMMON", "GENOCIDE", "CRIMES_AGAINST_HUMANITY", "WAR_CRIMES"];

export default async function IndicatorsPage() {
  const user = await requireUser();
  const factors = await getCatalogue(user.active.organisationId);
  const total = factors.reduce((n, f) => n + f.indicators.length, 0);
  return (
    <>
      <h1>Indicators</h1>
      <p className="muted">
        The UN Framework of Analysis for Atrocity Crimes (2014): 14 risk factors and {total} indicators, described in our
        own words. The more factors present, the greater the risk; ratings are an aid to judgement, not a prediction.
      </p>
      <NotBuiltYet>
        Assessment rounds (rating each indicator for a situation), risk scores and trends, and adding your
        organisation&apos;s own indicators are coming in a later release.
      </NotBuiltYet>
      {GROUPS.map((g) => (
        <section key={g}>
          <h2>{FACTOR_GROUP_LABELS[g]}</h2>
          {factors
            .filter((f) => f.group === g)
            .map((f) => (
              <div key={f.number} className="panel factor">
                <h3 style={{ margin: 0 }}>
                  Risk factor {f.number}: {f.title}
                </h3>
                <p className="muted" style={{ margin: "0.25rem 0" }}>
                  {f.description}
                </p>
                <ol aria-label={`Indicators of risk factor ${f.number}`}>
                  {f.indicators.map((i) => (
                    <li key={i.id}>
                      <span className="code">{i.code}</span>
                      <span>
                        {i.text}
                        {i.retiredAt ? " (retired)" : ""}
                      </span>
                    </li>
                  ))}
                </ol>
              </div>
            ))}
        </section>
      ))}
    </>
  );
}
