"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { fileSize } from "@/lib/format";
import { progressLabel, sendFile, type UploadPhase } from "@/components/uploads/send-file";

/** Upload, replace or remove the organisation's logo (PNG or JPEG, checked again by the server). */
export function LogoForm({ logo, maxBytes }: { logo: { type: string; sha256: string } | null; maxBytes: number }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<{ phase: UploadPhase; percent: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const upload = async () => {
    const f = input.current?.files?.[0];
    if (!f) return setError("Choose a PNG or JPEG image first.");
    if (f.size > maxBytes) return setError(`The image is larger than ${fileSize(maxBytes)}, the most we accept for a logo.`);
    setError(null);
    const res = await sendFile({ method: "PUT", url: "/api/admin/logo", file: f, onProgress: (phase, percent) => setProgress({ phase, percent }) });
    setProgress(null);
    if (res.status === 200 && res.body.ok) {
      if (input.current) input.current.value = "";
      router.refresh();
    } else setError(res.interrupted ? "The upload was interrupted, so nothing was stored. Please try again." : (res.body.message ?? "The logo could not be saved. Please try again."));
  };

  const remove = async () => {
    if (!window.confirm("Remove the logo from your organisation's briefs?")) return;
    const res = await fetch("/api/admin/logo", { method: "DELETE" });
    if (res.ok) router.refresh();
    else setError(((await res.json().catch(() => ({}))) as { message?: string }).message ?? "The logo could not be removed.");
  };

  return (
    <>
      {logo ? (
        <>
          {/* eslint-disable-next-line @next/next/no-img-element -- served by our own route to administrators only, not optimisable */}
          <img src={`/api/admin/logo?v=${logo.sha256.slice(0, 12)}`} alt="Your organisation's logo" style={{ maxBlockSize: "6rem", maxInlineSize: "18rem" }} />
          <p className="muted">
            {logo.type === "image/png" ? "PNG" : "JPEG"} image, SHA-256 fingerprint <code style={{ wordBreak: "break-all" }}>{logo.sha256}</code>
          </p>
        </>
      ) : (
        <p className="muted">No logo yet: briefs carry your organisation&apos;s name only.</p>
      )}
      <div className="actions-row">
        <label htmlFor="logo-file" style={{ margin: 0 }}>
          {logo ? "Replace with" : "Upload a logo"} (PNG or JPEG, up to {fileSize(maxBytes)})
        </label>
        <input id="logo-file" ref={input} type="file" accept="image/png,image/jpeg" style={{ maxInlineSize: "22rem" }} aria-describedby={error ? "logo-error" : undefined} />
        <button type="button" onClick={upload} disabled={progress !== null}>
          {progress !== null ? "Uploading…" : "Upload"}
        </button>
        {logo && (
          <button type="button" className="secondary" onClick={remove}>
            Remove logo
          </button>
        )}
      </div>
      {progress !== null && (
        <div className="progress-wrap">
          <label htmlFor="logo-progress">{progressLabel(progress.phase, progress.percent)}</label>
          <progress id="logo-progress" max={100} value={progress.percent} />
        </div>
      )}
      {error && (
        <p className="field-error" id="logo-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
