"use client";
// What a form shows when someone else saved the record after it was opened: their changes to
// fields left alone are already in the form (listed), and the fields both changed differently are
// compared side by side, to keep one's own version of them or to reload theirs.

export interface ConflictRow {
  label: string;
  saved: string;
  yours: string;
}

export function ConflictPanel({ updatedBy, updatedAt, taken, rows, onKeepMine }: { updatedBy: string; updatedAt: string; taken: string[]; rows: ConflictRow[]; onKeepMine: () => void }) {
  return (
    <div className="panel" role="region" aria-label="Changes saved by someone else">
      <h2 style={{ marginTop: 0 }}>
        Saved by {updatedBy} at {updatedAt.slice(0, 16).replace("T", " ")} UTC
      </h2>
      {taken.length > 0 && <p>Their changes to fields you had not changed are now in the form: {taken.join(", ")}.</p>}
      {rows.length > 0 && (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Saved now</th>
                <th scope="col">Yours (not saved)</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.label}>
                  <th scope="row">{r.label}</th>
                  <td>{r.saved}</td>
                  <td>{r.yours}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <button type="button" onClick={onKeepMine}>
              Keep my version of these fields
            </button>{" "}
            <button type="button" className="secondary" onClick={() => window.location.reload()}>
              Discard mine and reload
            </button>
          </p>
        </>
      )}
    </div>
  );
}
