import { CRIME_LABELS, RATING_LEVEL_LABELS } from "@/lib/labels";
import type { ComparedIndicator, RoundComparison } from "@/lib/indicators/compare";
import { SCORED_CRIMES } from "./score-summary";

function signed(n: number) {
  return n > 0 ? `+${n}` : n === 0 ? "no change" : `${n}`;
}

function Changes({ items, text, empty }: { items: ComparedIndicator[]; text: Record<string, string>; empty: string }) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="drivers">
      {items.map((i) => (
        <li key={i.indicatorId}>
          <strong>
            {RATING_LEVEL_LABELS[i.before]} → {RATING_LEVEL_LABELS[i.after]}
          </strong>{" "}
          <span className="code">{i.code}</span> {text[i.indicatorId]}
        </li>
      ))}
    </ul>
  );
}

export function RoundComparisonView({ comparison: c, text, titles, againstLabel }: { comparison: RoundComparison; text: Record<string, string>; titles: Record<number, string>; againstLabel: string }) {
  const movedFactors = Object.entries(c.factors).filter(([, d]) => d.delta !== 0);
  return (
    <section aria-label="What changed" className="panel">
      <h2 style={{ marginTop: 0 }}>What changed since {againstLabel}</h2>
      <p>
        Overall score: {c.overall.before} → <strong>{c.overall.after}</strong> ({signed(c.overall.delta)})
      </p>
      <table className="score-table">
        <caption>Score change by crime</caption>
        <thead>
          <tr>
            <th scope="col">Crime</th>
            <th scope="col">Before</th>
            <th scope="col">Now</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {SCORED_CRIMES.map((k) => (
            <tr key={k}>
              <th scope="row">{CRIME_LABELS[k]}</th>
              <td>{c.crimes[k].before}</td>
              <td>{c.crimes[k].after}</td>
              <td>{signed(c.crimes[k].delta)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {movedFactors.length > 0 && (
        <details>
          <summary>Risk factors that moved ({movedFactors.length})</summary>
          <table className="score-table">
            <thead>
              <tr>
                <th scope="col">Risk factor</th>
                <th scope="col">Before</th>
                <th scope="col">Now</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {movedFactors.map(([f, d]) => (
                <tr key={f}>
                  <th scope="row">
                    {f}. {titles[Number(f)]}
                  </th>
                  <td>{d.before}</td>
                  <td>{d.after}</td>
                  <td>{signed(d.delta)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      <h3>New severe indicators</h3>
      <Changes items={c.newSevere} text={text} empty="None." />
      <h3>Indicators that rose</h3>
      <Changes items={c.rose} text={text} empty="None rose." />
      <h3>Indicators that fell</h3>
      <Changes items={c.fell} text={text} empty="None fell." />
    </section>
  );
}
