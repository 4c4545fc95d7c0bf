// The coalition bulletin's choices on the Exports page (issue #29): situations, period and format.
// A plain GET form to the bulletin's address (app/api/briefs/overview/route.ts), which checks them;
// no script needed. Ticked situations are sent as `situations`, each once.
import type { RiskCategory } from "@/lib/generated/prisma/enums";
import { RISK_CATEGORY_LABELS } from "@/lib/labels";

export function BulletinForm({ situations, period }: { situations: { id: string; title: string; riskCategory: RiskCategory }[]; period: { from: string; to: string } }) {
  return (
    <form method="get" action="/api/briefs/overview" aria-labelledby="bulletin-heading">
      <h3 id="bulletin-heading">Coalition bulletin</h3>
      <p className="muted" id="bulletin-help">
        In the manner of the R2P Monitor: what each risk category means, then a page per situation, the most serious first (by risk category, then by the
        latest overall score), with its headline score, summary, the events and responses of the period and its five key factors.
      </p>
      <fieldset className="field">
        <legend>Situations</legend>
        <p className="muted small" id="bulletin-situations-help">
          Tick the situations to include. With none ticked, the bulletin covers every situation in your lists ({situations.length}).
        </p>
        <ul style={{ listStyle: "none", paddingInlineStart: 0, marginBlock: 0, maxBlockSize: "16rem", overflowY: "auto" }} aria-describedby="bulletin-situations-help">
          {situations.map((s) => (
            <li key={s.id}>
              <label className="choice">
                <input type="checkbox" name="situations" value={s.id} /> {s.title} <span className="muted small">({RISK_CATEGORY_LABELS[s.riskCategory]})</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset className="field">
        <legend>Period of the events and responses</legend>
        <div className="actions-row">
          <label htmlFor="bulletin-from">From</label>
          <input id="bulletin-from" type="date" name="from" defaultValue={period.from} required />
          <label htmlFor="bulletin-to">to</label>
          <input id="bulletin-to" type="date" name="to" defaultValue={period.to} required />
        </div>
      </fieldset>
      <fieldset className="field">
        <legend>Format</legend>
        <label className="choice">
          <input type="radio" name="format" value="pdf" defaultChecked /> PDF
        </label>{" "}
        <label className="choice">
          <input type="radio" name="format" value="docx" /> Word (DOCX)
        </label>
      </fieldset>
      <button type="submit">Download the bulletin</button>
    </form>
  );
}
