import type { Metadata } from "next";
import { indicatorCatalogueWhere } from "@/lib/access/indicators";
import { requireUser } from "@/lib/auth/require-user";
import { can } from "@/lib/access/can";
import { db } from "@/lib/db";
import { FACTOR_GROUP_LABELS } from "@/lib/labels";
import type { FactorGroup } from "@/lib/generated/prisma/enums";
import { AddIndicatorForm, OwnIndicatorControls } from "@/components/indicators/catalogue-admin";
import { FRAMEWORK_PROVENANCE } from "@/prisma/seed-data/framework";

export const metadata: Metadata = { title: "Indicators" };

const GROUPS: FactorGroup[] = ["COMMON", "GENOCIDE", "CRIMES_AGAINST_HUMANITY", "WAR_CRIMES"];

export default async function IndicatorsPage({ searchParams }: { searchParams: Promise<{ q?: string; group?: string }> }) {
  const { q = "", group = "" } = await searchParams;
  const user = await requireUser();
  const organisationId = user.active.organisationId;
  const isAdmin = can.administer(user.active);
  const factors = await db.riskFactor.findMany({
    orderBy: { number: "asc" },
    include: {
      indicators: {
        where: indicatorCatalogueWhere({ organisationId }),
        orderBy: [{ position: "asc" }],
        select: { id: true, key: true, code: true, text: true, organisationId: true, retiredAt: true, version: true },
      },
    },
  });
  const total = factors.reduce((n, f) => n + f.indicators.filter((i) => !i.retiredAt).length, 0);
  const needle = q.trim().toLowerCase();
  const shown = factors
    .filter((f) => !group || f.group === group)
    .map((f) => ({
      ...f,
      indicators: needle && !f.title.toLowerCase().includes(needle) ? f.indicators.filter((i) => `${i.code} ${i.text}`.toLowerCase().includes(needle)) : f.indicators,
    }))
    .filter((f) => f.indicators.length > 0 || !needle);
  const found = shown.reduce((n, f) => n + f.indicators.length, 0);
  // Which text each of the Framework's indicators was checked against (prisma/seed-data/framework.ts).
  const provenance = Object.values(FRAMEWORK_PROVENANCE);
  const checked = provenance.filter((p) => p.status === "CHECKED").length;
  const unchecked = provenance.filter((p) => p.status === "NOT_CHECKED").length;

  return (
    <>
      <h1>Indicators</h1>
      <p className="muted">
        The UN Framework of Analysis for Atrocity Crimes (2014): 14 risk factors and their indicators, described in our own words, plus
        your organisation&apos;s own ({total} in use). The more factors present, the greater the risk; ratings are an aid to judgement, not a
        prediction. Rate them for a situation from its Indicators tab.
      </p>
      <p className="muted">
        {`Provenance: the wording of ${checked} of the Framework's ${provenance.length} indicators has been checked against its text; ${unchecked} have not been checked yet, and the others' numbers only. Each indicator says which.`}
      </p>
      <form method="get" className="actions-row" role="search" aria-label="Search the indicators">
        <label htmlFor="q">Search</label>
        <input id="q" name="q" type="search" defaultValue={q} placeholder="e.g. hate speech, 7.5" style={{ maxWidth: "20rem" }} />
        <label htmlFor="group">Risk factors</label>
        <select id="group" name="group" defaultValue={group} className="inline">
          <option value="">All</option>
          {GROUPS.map((g) => (
            <option key={g} value={g}>
              {FACTOR_GROUP_LABELS[g]}
            </option>
          ))}
        </select>
        <button type="submit" className="secondary">
          Search
        </button>
      </form>
      {(needle || group) && (
        <p role="status">
          {found} indicator{found === 1 ? "" : "s"} found.
        </p>
      )}
      {isAdmin && (
        <details className="panel">
          <summary>Add an indicator of your organisation</summary>
          <AddIndicatorForm factors={factors.map((f) => ({ number: f.number, title: f.title }))} />
        </details>
      )}
      {GROUPS.map((g) => {
        const inGroup = shown.filter((f) => f.group === g);
        if (inGroup.length === 0) return null;
        return (
          <section key={g}>
            <h2>{FACTOR_GROUP_LABELS[g]}</h2>
            {inGroup.map((f) => (
              <div key={f.number} className="panel factor" id={`factor-${f.number}`}>
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
                        {i.retiredAt ? <del>{i.text}</del> : i.text}
                        {i.organisationId && <span className="badge neutral">our indicator</span>}
                        {i.retiredAt && <span className="badge neutral">retired</span>}
                        {!i.organisationId && FRAMEWORK_PROVENANCE[i.key] && (
                          <span className="muted" style={{ display: "block", fontSize: "0.85rem" }}>
                            {FRAMEWORK_PROVENANCE[i.key].note}
                          </span>
                        )}
                        {isAdmin && i.organisationId && (
                          <OwnIndicatorControls indicator={{ id: i.id, code: i.code, text: i.text, version: i.version, retired: i.retiredAt !== null }} />
                        )}
                      </span>
                    </li>
                  ))}
                </ol>
              </div>
            ))}
          </section>
        );
      })}
    </>
  );
}
