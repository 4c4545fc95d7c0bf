"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { fileSize } from "@/lib/format";
import { progressLabel, sendFile, type UploadPhase } from "@/components/uploads/send-file";

/** Uploads the file as a stream, with its fingerprint (components/uploads/send-file.ts) and a progress bar. */
export function ImportUpload({ situations, preset, maxBytes }: { situations: { id: string; title: string }[]; preset: string; maxBytes: number }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [situation, setSituation] = useState(preset);
  const [progress, setProgress] = useState<{ phase: UploadPhase; percent: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function upload(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    if (!file) return setError("Choose a CSV file to import.");
    if (file.size > maxBytes) return setError(`The file is larger than ${fileSize(maxBytes)}, the most we accept. Split it, e.g. by year, and import the parts.`);
    const res = await sendFile({
      method: "POST",
      url: `/api/imports${situation ? `?situation=${encodeURIComponent(situation)}` : ""}`,
      file,
      contentType: "text/csv",
      onProgress: (phase, percent) => setProgress({ phase, percent }),
    });
    if (res.status === 200 && res.body.id) return router.push(`/events/import/${res.body.id}`);
    setProgress(null);
    setError(res.interrupted ? "The upload was interrupted, so nothing was stored. Check your connection and try again." : (res.body.message ?? "The file could not be uploaded. Please try again."));
  }

  return (
    <form onSubmit={upload} className="panel" noValidate>
      <div className="field">
        <label htmlFor="file">CSV file (up to {fileSize(maxBytes)})</label>
        <input id="file" type="file" accept=".csv,.tsv,.txt,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} aria-describedby={error ? "file-error" : undefined} aria-invalid={error ? "true" : "false"} />
        {error && (
          <p className="field-error" id="file-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="situation">Import into</label>
        <select id="situation" value={situation} onChange={(e) => setSituation(e.target.value)}>
          <option value="">Match each row to a situation by country, area and date</option>
          {situations.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </div>
      {progress !== null && (
        <div className="progress-wrap">
          <label htmlFor="upload-progress">{progressLabel(progress.phase, progress.percent)}</label>
          <progress id="upload-progress" max={100} value={progress.percent} />
        </div>
      )}
      <button type="submit" disabled={progress !== null}>
        {progress !== null ? "Uploading…" : "Upload and check"}
      </button>
    </form>
  );
}
