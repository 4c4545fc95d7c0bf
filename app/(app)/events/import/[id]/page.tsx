import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/require-user";
import { can } from "@/lib/access/can";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/auth/errors";
import { canStillRun, loadImport } from "@/lib/events/import-service";
import type { ColumnMapping, EventRow, Problem } from "@/lib/events/acled";
import type { CheckResult } from "@/lib/events/import";
import { MAX_REPEATS_KEPT, type KeepRepeats } from "@/lib/events/repeats";
import { ImportMappingForm, ImportProgress, ImportRunner } from "@/components/events/import-steps";
import { counted, fileSize, killed } from "@/lib/format";

export const metadata: Metadata = { title: "Import events" };

/** Dates and coordinates are read whole: never wrapped inside. */
const NO_WRAP = new Set<keyof EventRow>(["eventDate", "latitude", "longitude"]);
const PREVIEW_COLUMNS: [keyof EventRow, string][] = [
  ["externalId", "Id"],
  ["eventDate", "Date"],
  ["eventType", "Type"],
  ["actor1", "First actor"],
  ["actor2", "Second actor"],
  ["countryIso3", "Country"],
  ["admin1", "Region"],
  ["location", "Place"],
  ["latitude", "Lat."],
  ["longitude", "Lon."],
  ["fatalities", "Killed"],
  ["civilianTargeting", "Civilians targeted"],
  ["notes", "Notes"],
];

export default async function ImportStepsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser();
  const imp = await loadImport(user.active, id).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const canRun = can.record(user.active) && canStillRun(imp);
  const situations = await db.situation.findMany({ where: { organisationId: user.active.organisationId, archivedAt: null }, select: { id: true, title: true }, orderBy: { title: "asc" } });
  const stored = imp.problems as (Partial<CheckResult> & Omit<CheckResult, "repeats"> & { repeatSkippedCount?: number; keepRepeats?: KeepRepeats | null }) | null;
  // A check stored before repeated ids were looked for has none of their counts.
  const check = stored && { ...stored, repeats: stored.repeats ?? [], repeatedIds: stored.repeatedIds ?? 0, identicalRepeatRows: stored.identicalRepeatRows ?? 0, differingRepeatIds: stored.differingRepeatIds ?? 0, differingRepeatRows: stored.differingRepeatRows ?? 0 };
  const target = situations.find((s) => s.id === imp.situationId);
  return (
    <>
      <p>
        <Link href="/events">← Back to the events</Link>
      </p>
      <h1>Import: {imp.fileName}</h1>
      <p className="muted">
        Uploaded by {imp.createdBy.name} on {imp.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC · {fileSize(imp.fileSize)} · SHA-256{" "}
        <code>{imp.sha256}</code> · columns separated by {imp.delimiter === "\t" ? "tabs" : `"${imp.delimiter}"`}
      </p>

      {imp.status === "COMPLETED" && (
        <div className="notice" role="status">
          <strong>Imported.</strong> {counted(imp.createdCount, "new event")}, {imp.updatedCount.toLocaleString("en")} updated, {imp.unchangedCount.toLocaleString("en")} unchanged, {counted(imp.skippedCount, "row")} skipped
          {imp.skippedCount > 0 ? " (listed below)" : ""}.
          {!!stored?.repeatSkippedCount && (
            <>
              {" "}
              {stored.repeatSkippedCount === 1 ? "1 row was not imported because another row of the file has the same id" : `${stored.repeatSkippedCount.toLocaleString("en")} rows were not imported because another row of the file has the same id`}
              {stored.keepRepeats === "LAST" ? " (the last row of each id was imported)" : " (the first row of each id was imported)"}.
            </>
          )}
          {!target && imp.withoutSituationCount > 0 && (
            <>
              {" "}
              {imp.withoutSituationCount === 1
                ? "1 event is in no situation: none of your situations covers its country and area. It is in your organisation's event log."
                : `${imp.withoutSituationCount.toLocaleString("en")} events are in no situation: none of your situations covers their country and area. They are in your organisation's event log.`}
            </>
          )}{" "}
          <Link href={target ? `/situations/${target.id}?tab=events` : "/events"}>See the events</Link>
        </div>
      )}
      {imp.status === "FAILED" && (
        <p className="form-error" role="alert">
          This import stopped before the end, so nothing was imported.{canRun ? " You can run it again below." : ""}
        </p>
      )}
      {imp.status === "RUNNING" && <ImportProgress id={imp.id} processedRows={imp.processedRows} totalRows={imp.totalRows} />}

      {canRun && <ImportMappingForm id={imp.id} headers={imp.headers} mapping={(imp.mapping as ColumnMapping) ?? {}} situationId={imp.situationId ?? ""} situations={situations} />}

      {check && (
        <section aria-labelledby="report-heading">
          <h2 id="report-heading">What the file holds</h2>
          <p>
            {counted(check.totalRows, "row")}: <strong>{check.validRows.toLocaleString("en")} can be imported</strong>
            {check.problemRows > 0 && (
              <>
                , <strong>{check.problemRows.toLocaleString("en")} {check.problemRows === 1 ? "has problems" : "have problems"}</strong> and will be skipped
              </>
            )}
            . Events go into {target ? target.title : "the situation of their country, area and date (or only your organisation's log when none matches)"}.
          </p>
          {check.identicalRepeatRows > 0 && (
            <p>
              {check.identicalRepeatRows === 1
                ? "1 row repeats an earlier row exactly and will be imported once."
                : `${check.identicalRepeatRows.toLocaleString("en")} rows repeat an earlier row exactly and will be imported once.`}
            </p>
          )}
          {check.differingRepeatIds > 0 && (
            <p>
              <strong>
                {check.differingRepeatIds === 1
                  ? "1 id is on more than one row with different contents"
                  : `${check.differingRepeatIds.toLocaleString("en")} ids are on more than one row with different contents`}
              </strong>{" "}
              (listed below): only one row of each can be imported. Choose whether to import the first or the last row of each.
            </p>
          )}
          {canRun && check.validRows > 0 && (
            <ImportRunner
              id={imp.id}
              totalRows={check.totalRows}
              importRows={check.validRows - check.identicalRepeatRows - check.differingRepeatRows}
              differingRepeatIds={check.differingRepeatIds}
            />
          )}
          {canRun && check.validRows === 0 && <p className="form-error">No row can be imported: correct the file or the columns above.</p>}

          <h3>The first rows, as they will be stored</h3>
          <div className="table-scroll">
            <table className="preview-table">
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  {PREVIEW_COLUMNS.map(([, label]) => (
                    <th scope="col" key={label}>
                      {label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {check.preview.map((p) => (
                  <tr key={p.row}>
                    <th scope="row">{p.row}</th>
                    {"event" in p ? (
                      PREVIEW_COLUMNS.map(([k]) => (
                        <td key={k} className={NO_WRAP.has(k) ? "nowrap" : undefined}>
                          {typeof p.event[k] === "boolean" ? (p.event[k] ? "yes" : "no") : k === "fatalities" ? killed(p.event.fatalities) : String(p.event[k] ?? "")}
                        </td>
                      ))
                    ) : (
                      <td colSpan={PREVIEW_COLUMNS.length} className="field-error">
                        Skipped: {p.problems.map((x) => `${x.column ? `${x.column}: ` : ""}${x.problem}`).join(" ")}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          {check.repeats.length > 0 && (
            <>
              <h3>Ids on more than one row{check.repeats.length >= MAX_REPEATS_KEPT ? ` (the first ${MAX_REPEATS_KEPT.toLocaleString("en")})` : ""}</h3>
              <table className="problems">
                <thead>
                  <tr>
                    <th scope="col">Id</th>
                    <th scope="col">Rows</th>
                    <th scope="col">Contents</th>
                  </tr>
                </thead>
                <tbody>
                  {check.repeats.map((r) => (
                    <tr key={r.rows[0]}>
                      <td>{r.id ?? "No id (the same contents)"}</td>
                      <td>
                        {r.rows.map((n) => n.toLocaleString("en")).join(", ")}
                        {r.more ? ` and ${counted(r.more, "more row")}` : ""}
                      </td>
                      <td>{r.identical ? "The same on every row: imported once" : "Different: the row you choose is imported"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}

          {check.problems.length > 0 && (
            <>
              <h3>Problems{check.problems.length >= 1000 ? " (the first 1,000)" : ""}</h3>
              <table className="problems">
                <thead>
                  <tr>
                    <th scope="col">Row</th>
                    <th scope="col">Column</th>
                    <th scope="col">Problem</th>
                  </tr>
                </thead>
                <tbody>
                  {check.problems.map((p: Problem, i: number) => (
                    <tr key={i}>
                      <td>{p.row}</td>
                      <td>{p.column || "—"}</td>
                      <td>{p.problem}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>
      )}
    </>
  );
}
