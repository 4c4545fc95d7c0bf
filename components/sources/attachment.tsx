"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { fileSize } from "@/lib/format";
import { progressLabel, sendFile, type UploadPhase } from "@/components/uploads/send-file";

/** Attach, replace or remove a source's file, with upload progress. */
export function Attachment({ sourceId, file, canEdit, maxBytes }: { sourceId: string; file: { name: string; size: number; sha256: string; type: string } | null; canEdit: boolean; maxBytes: number }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<{ phase: UploadPhase; percent: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const upload = async () => {
    const f = input.current?.files?.[0];
    if (!f) return setError("Choose a file first.");
    if (f.size > maxBytes) return setError(`The file is larger than ${fileSize(maxBytes)}, the most we accept.`);
    setError(null);
    const res = await sendFile({ method: "PUT", url: `/api/sources/${sourceId}/file`, file: f, onProgress: (phase, percent) => setProgress({ phase, percent }) });
    setProgress(null);
    if (res.status === 200 && res.body.ok) {
      if (input.current) input.current.value = "";
      router.refresh();
    } else setError(res.interrupted ? "The upload was interrupted, so nothing was stored. Please try again." : (res.body.message ?? "The file could not be attached. Please try again."));
  };

  const remove = async () => {
    if (!window.confirm("Remove the attached file from this source?")) return;
    const res = await fetch(`/api/sources/${sourceId}/file`, { method: "DELETE" });
    if (res.ok) router.refresh();
    else setError(((await res.json().catch(() => ({}))) as { message?: string }).message ?? "The file could not be removed.");
  };

  return (
    <section className="panel" aria-label="Attached file">
      <h2 style={{ marginTop: 0 }}>Attached file</h2>
      {file ? (
        <dl className="facts">
          <dt>File</dt>
          <dd>
            <a href={`/api/sources/${sourceId}/file`}>{file.name}</a> ({fileSize(file.size)}, {file.type})
          </dd>
          <dt>SHA-256 fingerprint</dt>
          <dd>
            <code style={{ wordBreak: "break-all" }}>{file.sha256}</code>
          </dd>
        </dl>
      ) : (
        <p className="muted">No file attached.</p>
      )}
      {canEdit && (
        <div className="actions-row">
          <label htmlFor="attachment" style={{ margin: 0 }}>
            {file ? "Replace with" : "Attach a file"} (PDF, image, Word, Excel, OpenDocument or text; up to {fileSize(maxBytes)})
          </label>
          <input id="attachment" ref={input} type="file" style={{ maxWidth: "22rem" }} aria-describedby={error ? "attachment-error" : undefined} />
          <button type="button" onClick={upload} disabled={progress !== null}>
            {progress !== null ? "Uploading…" : "Upload"}
          </button>
          {file && (
            <button type="button" className="secondary" onClick={remove}>
              Remove file
            </button>
          )}
        </div>
      )}
      {progress !== null && (
        <div className="progress-wrap">
          <label htmlFor="attachment-progress">{progressLabel(progress.phase, progress.percent)}</label>
          <progress id="attachment-progress" max={100} value={progress.percent} />
        </div>
      )}
      {error && (
        <p className="field-error" id="attachment-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
