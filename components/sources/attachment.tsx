"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { fileSize } from "@/lib/format";

/** Attach, replace or remove a source's file, with upload progress. */
export function Attachment({ sourceId, file, canEdit, maxMb }: { sourceId: string; file: { name: string; size: number; sha256: string; type: string } | null; canEdit: boolean; maxMb: number }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const upload = () => {
    const f = input.current?.files?.[0];
    if (!f) return setError("Choose a file first.");
    if (f.size > maxMb * 1024 * 1024) return setError(`The file is larger than ${maxMb} MB, the most we accept.`);
    setError(null);
    const xhr = new XMLHttpRequest();
    xhr.open("PUT", `/api/sources/${sourceId}/file`);
    xhr.setRequestHeader("X-File-Name", encodeURIComponent(f.name));
    xhr.upload.onprogress = (e) => e.lengthComputable && setProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      setProgress(null);
      let body: { ok?: boolean; message?: string } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON */
      }
      if (xhr.status === 200 && body.ok) {
        if (input.current) input.current.value = "";
        router.refresh();
      } else setError(body.message ?? "The file could not be attached. Please try again.");
    };
    xhr.onerror = () => {
      setProgress(null);
      setError("The upload was interrupted. Please try again.");
    };
    xhr.send(f);
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
            {file ? "Replace with" : "Attach a file"} (PDF, image, Word, Excel, OpenDocument or text; up to {maxMb} MB)
          </label>
          <input id="attachment" ref={input} type="file" style={{ maxWidth: "22rem" }} aria-describedby={error ? "attachment-error" : undefined} />
          <button type="button" onClick={upload} disabled={progress !== null}>
            {progress !== null ? `Uploading… ${progress}%` : "Upload"}
          </button>
          {file && (
            <button type="button" className="secondary" onClick={remove}>
              Remove file
            </button>
          )}
        </div>
      )}
      {progress !== null && <progress max={100} value={progress} aria-label="Upload progress" />}
      {error && (
        <p className="field-error" id="attachment-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
