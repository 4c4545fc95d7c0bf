import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/require-user";
import { briefData } from "@/lib/briefs/data";
import { CRIME_LABELS, CRIME_ORDER, CRIME_STATUS_LABELS, PILLAR_LABELS, RATING_LEVEL_LABELS, RESPONSE_STATUS_LABELS } from "@/lib/labels";
import { RELIABILITY_LABELS, CREDIBILITY_LABELS } from "@/lib/sources/schemas";
import { isoDate, todayIso } from "@/lib/format";
import { changeText, latestRoundSentence, scoreText } from "@/lib/indicators/score-text";
import { RiskBadge } from "@/components/ui/risk-badge";
import { PrintButton } from "@/components/exports/print-button";
import { BriefExternalRatings } from "@/components/external-ratings/brief-external-ratings";
import { KeyFactorsBrief } from "@/components/briefs/key-factors-brief";
import { BRIEF_SIGNALS_HEADING, briefSignalSentences, briefSignalsNote } from "@/lib/signals/brief";

export const metadata: Metadata = { title: "Country brief" };

export default async function BriefPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser();
  const data = await briefData(user.active, id);
  if (!data) notFound();
  const s = data.situation;
  const latest = data.latest;
  return (
    <article className="brief">
      <p className="no-print">
        <Link href={`/situations/${s.id}`}>← Back to the situation</Link> · <a href={`/api/briefs/${s.id}`}>Download as PDF</a> · <a href={`/api/briefs/${s.id}?format=docx`}>Download as Word</a> · <PrintButton />
      </p>
      <p className="marking">{data.marking}</p>
      <h1>{s.title}</h1>
      <p className="muted">
        {s.country.name}
        {s.scope ? ` · ${s.scope}` : ""} · risk category since {isoDate(s.riskCategorySince)} · last updated {isoDate(s.updatedAt)}
      </p>
      <RiskBadge category={s.riskCategory} />
      <BriefExternalRatings ratings={data.externalRatings} ours={s.riskCategory} />
      <h2>Background</h2>
      <p>{s.background || "Not recorded."}</p>
      {s.populationsAtRisk && <p>Populations at risk: {s.populationsAtRisk}</p>}
      {s.perpetrators && <p>Alleged perpetrators: {s.perpetrators}</p>}
      <h2>Recent developments</h2>
      <p>{s.summary || "Not recorded."}</p>
      <h2>{BRIEF_SIGNALS_HEADING}</h2>
      <p className="muted">{briefSignalsNote(data.signals)}</p>
      <ul>
        {briefSignalSentences(data.signals).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h2>The four crimes and incitement</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Crime</th>
            <th scope="col">Status</th>
            <th scope="col">Rationale</th>
          </tr>
        </thead>
        <tbody>
          {CRIME_ORDER.map((c) => {
            const a = s.crimes.find((x) => x.crime === c);
            return (
              <tr key={c}>
                <th scope="row">{CRIME_LABELS[c]}</th>
                <td>{CRIME_STATUS_LABELS[a?.status ?? "NOT_ASSESSED"]}</td>
                <td>{a?.rationale || "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <KeyFactorsBrief data={data} />
      <h2>Risk factor analysis</h2>
      {latest ? (
        <>
          <p>{latestRoundSentence(isoDate(latest.assessedOn), latest.scores, data.change ? { delta: data.change.overall.delta, since: isoDate(data.previous!.assessedOn) } : null)}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">Risk factor</th>
                <th scope="col">Score</th>
                <th scope="col">Driven by</th>
              </tr>
            </thead>
            <tbody>
              {data.factors
                .filter((f) => (latest.scores.factors[f.number]?.drivers.length ?? 0) > 0)
                .map((f) => (
                  <tr key={f.number}>
                    <th scope="row">
                      {f.number}. {f.title}
                    </th>
                    <td>
                      {scoreText(latest.scores.factors[f.number])}
                      {data.change ? ` (${changeText(data.change.factors[f.number].delta)})` : ""}
                    </td>
                    <td>{latest.scores.factors[f.number].drivers.slice(0, 4).map((d) => `${d.code} ${RATING_LEVEL_LABELS[d.level]}`).join(", ")}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          <p>Overall score by round: {data.rounds.map((r) => `${isoDate(r.assessedOn)}: ${scoreText(r.scores.overall)}`).join(" · ")}</p>
        </>
      ) : (
        <p>No assessment round has been published for this situation yet.</p>
      )}
      <h2>International response</h2>
      {(["I", "II", "III"] as const).map((p) => {
        const rs = data.responses.filter((r) => r.pillar === p);
        return (
          <section key={p}>
            <h3>{PILLAR_LABELS[p]}</h3>
            {rs.length === 0 ? (
              <p className="muted">None recorded.</p>
            ) : (
              <ul>
                {rs.map((r) => (
                  <li key={r.id}>
                    {isoDate(r.startDate)} · {r.actorName}: {r.title}
                    {r.reference ? ` (${r.reference})` : ""} · {RESPONSE_STATUS_LABELS[r.status]}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
      <h2>Recommended action</h2>
      <p>{s.recommendedAction || "Not recorded."}</p>
      <h2>Sources</h2>
      {data.sources.length === 0 ? (
        <p className="muted">No sources cited.</p>
      ) : (
        <ul>
          {data.sources.map((src) => (
            <li key={src.id}>
              [{src.reliability}
              {src.credibility}] {src.title}
              {src.publisher ? `, ${src.publisher}` : ""} ({RELIABILITY_LABELS[src.reliability as keyof typeof RELIABILITY_LABELS]}; {CREDIBILITY_LABELS[src.credibility]?.toLowerCase()})
            </li>
          ))}
        </ul>
      )}
      <footer className="brief-footer">
        {data.organisation.name} · prepared by {user.name} · {todayIso()} · {data.marking}
      </footer>
    </article>
  );
}
