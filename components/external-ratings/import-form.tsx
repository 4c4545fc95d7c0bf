"use client";

import { useState } from "react";
import { importExternalRatingsAction } from "@/app/(app)/external-ratings/actions";
import { FieldError, FormError } from "@/components/ui/form-field";
import { fileSize } from "@/lib/format";
import type { ImportResult } from "@/lib/external-ratings/mutations";

/** Uploads a small CSV file of external ratings and shows what was imported, or each refused row by its line. */
export function ExternalRatingsImportForm({ maxBytes }: { maxBytes: number }) {
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setFormError(null);
    setResult(null);
    if (!file) return setFileError("Choose a CSV file to import.");
    // Refused here, out loud, before sending: the server would refuse it too.
    if (file.size > maxBytes) return setFileError(`This file is ${fileSize(file.size)}; external ratings are imported from files of up to ${fileSize(maxBytes)}. Split it and upload each part.`);
    setFileError(null);
    setBusy(true);
    try {
      const form = new FormData();
      form.set("file", file);
      const res = await importExternalRatingsAction(form);
      if (res.ok) setResult(res.data);
      else setFormError(res.message);
    } catch {
      setFormError("The file could not be sent; nothing was imported. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <form onSubmit={submit} noValidate className="panel">
        <FormError message={formError} />
        <div className="field">
          <label htmlFor="file">CSV file (up to {fileSize(maxBytes)})</label>
          <input
            id="file"
            type="file"
            accept=".csv,text/csv"
            aria-invalid={fileError ? "true" : "false"}
            aria-describedby={fileError ? "file-error" : undefined}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setFileError(null);
            }}
          />
          <FieldError id="file" message={fileError ?? undefined} />
        </div>
        <button type="submit" disabled={busy}>
          {busy ? "Importing…" : "Import the ratings"}
        </button>
      </form>
      {result?.status === "IMPORTED" && (
        <p className="notice" role="status">
          {result.alreadyRecorded
            ? `Imported ${result.imported} ratings; ${result.alreadyRecorded} were already recorded and were left out.`
            : `Imported ${result.imported} ratings.`}
        </p>
      )}
      {result?.status === "REFUSED" && (
        <div role="alert">
          <p className="form-error">Nothing was imported: correct these rows and upload the file again.</p>
          <table>
            <caption>Rows refused ({result.problems.length})</caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {result.problems.map((p, i) => (
                <tr key={i}>
                  <td>{p.line}</td>
                  <td>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
