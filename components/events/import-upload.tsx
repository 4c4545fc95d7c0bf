"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";

/** Uploads the file as a stream (XMLHttpRequest, for the upload progress bar). */
export function ImportUpload({ situations, preset, maxMb }: { situations: { id: string; title: string }[]; preset: string; maxMb: number }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [situation, setSituation] = useState(preset);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  function upload(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    if (!file) return setError("Choose a CSV file to import.");
    if (file.size > maxMb * 1024 * 1024) return setError(`The file is larger than ${maxMb} MB, the most we accept. Split it, e.g. by year, and import the parts.`);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/imports${situation ? `?situation=${encodeURIComponent(situation)}` : ""}`);
    xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    xhr.setRequestHeader("Content-Type", "text/csv");
    xhr.upload.onprogress = (ev) => ev.lengthComputable && setProgress(Math.round((100 * ev.loaded) / ev.total));
    xhr.onload = () => {
      setProgress(null);
      let body: { ok?: boolean; id?: string; message?: string } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON */
      }
      if (xhr.status === 200 && body.id) router.push(`/events/import/${body.id}`);
      else setError(body.message ?? "The file could not be uploaded. Please try again.");
    };
    xhr.onerror = () => {
      setProgress(null);
      setError("The upload was interrupted. Check your connection and try again.");
    };
    setProgress(0);
    xhr.send(file);
  }

  return (
    <form onSubmit={upload} className="panel" noValidate>
      <div className="field">
        <label htmlFor="file">CSV file (up to {maxMb} MB)</label>
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
          <label htmlFor="upload-progress">Uploading: {progress}%</label>
          <progress id="upload-progress" max={100} value={progress} />
        </div>
      )}
      <button type="submit" disabled={progress !== null}>
        {progress !== null ? "Uploading…" : "Upload and check"}
      </button>
    </form>
  );
}
