"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { progressLabel, sendFile, type UploadPhase } from "@/components/uploads/send-file";

/** What the control says, in the words of what is uploaded (a source's file, the organisation's logo). */
export interface UploadTexts {
  /** Upload pressed with no file chosen. */
  noFile: string;
  /** The chosen file is over maxBytes; checked here, before anything is sent. */
  tooLarge: string;
  /** The server refused without saying why. */
  failed: string;
  /** The remove button's name. */
  remove: string;
  /** Asked before removing. */
  removeConfirm: string;
  /** The server refused the removal without saying why. */
  removeFailed: string;
}

/**
 * One file: a file input with its label, an Upload button (PUT to url, with the file's fingerprint
 * and a progress bar: send-file.ts), a remove button (DELETE to url) where there is something to
 * remove, and the error under them, read out and tied to the input. The page is refreshed after
 * each change. Ids: `id` for the input, `${idPrefix}-progress` and `${idPrefix}-error`.
 */
export function UploadControl({
  id,
  idPrefix,
  label,
  url,
  maxBytes,
  accept,
  canRemove,
  texts,
}: {
  id: string;
  idPrefix: string;
  label: string;
  url: string;
  maxBytes: number;
  accept?: string;
  canRemove: boolean;
  texts: UploadTexts;
}) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<{ phase: UploadPhase; percent: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const errorId = `${idPrefix}-error`;
  const progressId = `${idPrefix}-progress`;

  const upload = async () => {
    const f = input.current?.files?.[0];
    if (!f) return setError(texts.noFile);
    if (f.size > maxBytes) return setError(texts.tooLarge);
    setError(null);
    const res = await sendFile({ method: "PUT", url, file: f, onProgress: (phase, percent) => setProgress({ phase, percent }) });
    setProgress(null);
    if (res.status === 200 && res.body.ok) {
      if (input.current) input.current.value = "";
      router.refresh();
    } else setError(res.interrupted ? "The upload was interrupted, so nothing was stored. Please try again." : (res.body.message ?? texts.failed));
  };

  const remove = async () => {
    if (!window.confirm(texts.removeConfirm)) return;
    const res = await fetch(url, { method: "DELETE" });
    if (res.ok) router.refresh();
    else setError(((await res.json().catch(() => ({}))) as { message?: string }).message ?? texts.removeFailed);
  };

  return (
    <>
      <div className="actions-row">
        <label htmlFor={id} style={{ margin: 0 }}>
          {label}
        </label>
        <input id={id} ref={input} type="file" accept={accept} style={{ maxInlineSize: "22rem" }} aria-describedby={error ? errorId : undefined} />
        <button type="button" onClick={upload} disabled={progress !== null}>
          {progress !== null ? "Uploading…" : "Upload"}
        </button>
        {canRemove && (
          <button type="button" className="secondary" onClick={remove}>
            {texts.remove}
          </button>
        )}
      </div>
      {progress !== null && (
        <div className="progress-wrap">
          <label htmlFor={progressId}>{progressLabel(progress.phase, progress.percent)}</label>
          <progress id={progressId} max={100} value={progress.percent} />
        </div>
      )}
      {error && (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </>
  );
}
