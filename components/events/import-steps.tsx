"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { checkImportAction, runImportAction } from "@/app/(app)/events/actions";
import { IMPORT_FIELDS, type ColumnMapping } from "@/lib/events/acled";
import type { KeepRepeats } from "@/lib/events/repeats";
import { counted } from "@/lib/format";

/** Step 2: which column fills which field (remembered for the next file), then check the whole file. */
export function ImportMappingForm(props: { id: string; headers: string[]; mapping: ColumnMapping; situationId: string; situations: { id: string; title: string }[] }) {
  const router = useRouter();
  const [mapping, setMapping] = useState<ColumnMapping>(props.mapping);
  const [situationId, setSituationId] = useState(props.situationId);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="panel"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        const res = await checkImportAction({ id: props.id, mapping, situationId });
        setBusy(false);
        if (!res.ok) return setError(res.message);
        router.refresh();
      }}
    >
      <h2 style={{ marginTop: 0 }}>Columns</h2>
      <p className="muted">ACLED columns are recognised by name; for other files, choose which column fills each field. Your choice is remembered for the next file.</p>
      <div className="filter-grid">
        {IMPORT_FIELDS.map((f) => (
          <div className="field" key={f.field}>
            <label htmlFor={`map-${f.field}`}>
              {f.label}
              {f.required ? " (required)" : ""}
            </label>
            <select id={`map-${f.field}`} value={mapping[f.field] ?? ""} onChange={(e) => setMapping({ ...mapping, [f.field]: e.target.value })}>
              <option value="">Not imported</option>
              {props.headers.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      <div className="field">
        <label htmlFor="import-situation">Import into</label>
        <select id="import-situation" value={situationId} onChange={(e) => setSituationId(e.target.value)}>
          <option value="">Match each row to a situation by country, area and date</option>
          {props.situations.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? "Checking every row…" : "Check the file"}
      </button>
    </form>
  );
}

/**
 * Step 3: import, with a progress bar fed by the import's own progress record. When ids of the file
 * are on rows with different contents, the analyst first chooses which row of each is imported.
 */
export function ImportRunner({ id, totalRows, importRows, differingRepeatIds }: { id: string; totalRows: number; importRows: number; differingRepeatIds: number }) {
  const router = useRouter();
  const [processed, setProcessed] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [keepRepeats, setKeepRepeats] = useState<KeepRepeats | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  useEffect(() => () => void (timer.current && clearInterval(timer.current)), []);
  async function run() {
    if (differingRepeatIds > 0 && !keepRepeats) return setError("Choose whether to import the first or the last row of each repeated id.");
    setError(null);
    setProcessed(0);
    timer.current = setInterval(async () => {
      const r = await fetch(`/api/imports/${id}`, { cache: "no-store" }).then((x) => x.json()).catch(() => null);
      if (r?.ok) setProcessed(r.processedRows);
    }, 500);
    const res = await runImportAction({ id, keepRepeats: keepRepeats ?? undefined });
    if (timer.current) clearInterval(timer.current);
    if (!res.ok) {
      setProcessed(null);
      setError(`${res.message} Nothing was imported.`);
    }
    router.refresh();
  }
  return (
    <div className="panel">
      {processed !== null ? (
        <div className="progress-wrap">
          <label htmlFor="import-progress">
            Importing: {processed.toLocaleString("en")} of {totalRows.toLocaleString("en")} rows read
          </label>
          <progress id="import-progress" max={totalRows} value={processed} />
        </div>
      ) : (
        <>
          {differingRepeatIds > 0 && (
            <fieldset className="repeat-choice" aria-describedby={error ? "import-error" : undefined}>
              <legend>{differingRepeatIds === 1 ? "The id on rows with different contents" : "Ids on rows with different contents"}</legend>
              {(["FIRST", "LAST"] as const).map((keep) => (
                <label key={keep} className="choice">
                  <input type="radio" name="keep-repeats" value={keep} checked={keepRepeats === keep} onChange={() => setKeepRepeats(keep)} />
                  {keep === "FIRST" ? "Keep the first row of each repeated id" : "Keep the last row of each repeated id"}
                </label>
              ))}
            </fieldset>
          )}
          <button type="button" onClick={run}>
            Import {counted(importRows, "row")}
            {importRows < totalRows ? ` and skip ${(totalRows - importRows).toLocaleString("en")}` : ""}
          </button>
        </>
      )}
      {error && (
        <p role="alert" className="form-error" id="import-error">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * An import that is running, here or started on another instance of the app (or in another tab):
 * how far it is, read from its progress record every second, and the finished import once it ends.
 */
export function ImportProgress({ id, processedRows, totalRows }: { id: string; processedRows: number; totalRows: number }) {
  const router = useRouter();
  const [processed, setProcessed] = useState(processedRows);
  useEffect(() => {
    const timer = setInterval(async () => {
      const r = await fetch(`/api/imports/${id}`, { cache: "no-store" }).then((x) => x.json()).catch(() => null);
      if (!r?.ok) return;
      if (r.status === "RUNNING") return setProcessed(r.processedRows);
      clearInterval(timer);
      router.refresh();
    }, 1000);
    return () => clearInterval(timer);
  }, [id, router]);
  return (
    <div className="notice progress-wrap">
      <label htmlFor="running-progress">
        This import is running: {processed.toLocaleString("en")} of {totalRows.toLocaleString("en")} rows read.
      </label>
      <progress id="running-progress" max={totalRows} value={processed} />
    </div>
  );
}
