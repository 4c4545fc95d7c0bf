"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { counted } from "@/lib/format";
import { progressLabel, sendFile, type UploadPhase } from "@/components/uploads/send-file";

/** What a restore brought back, in the order a reader expects (the counts of lib/exports/restore-backup.ts). */
const RESTORED: [key: string, singular: string, plural: string][] = [
  ["situations", "situation", "situations"],
  ["sources", "source", "sources"],
  ["assessments", "assessment round", "assessment rounds"],
  ["ratings", "indicator rating", "indicator ratings"],
  ["responses", "response", "responses"],
  ["events", "event", "events"],
  ["citations", "citation", "citations"],
  ["indicators", "own indicator", "own indicators"],
  ["imports", "import in the history", "imports in the history"],
  ["alerts", "alert", "alerts"],
  ["watches", "followed situation", "followed situations"],
  ["importMappings", "saved column mapping", "saved column mappings"],
  ["auditEntries", "audit log entry", "audit log entries"],
];

/**
 * Restores a backup file into this (empty) organisation: the file is fingerprinted and sent as a
 * stream with a progress bar (components/uploads/send-file.ts, as every upload); the server reads
 * and writes it as it arrives, all or nothing, then the counts of what came back are listed.
 */
export function RestoreForm() {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<{ phase: UploadPhase; percent: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [counts, setCounts] = useState<Record<string, number> | null>(null);

  async function restore(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    setCounts(null);
    if (!file) return setError("Choose a backup file.");
    const res = await sendFile({ method: "POST", url: "/api/backup", file, contentType: "application/json", onProgress: (phase, percent) => setProgress({ phase, percent }) });
    setProgress(null);
    if (res.status === 200 && res.body.ok) {
      setCounts((res.body.counts ?? {}) as Record<string, number>);
      return router.refresh();
    }
    setError(res.interrupted ? "The upload was interrupted, so nothing was restored. Check your connection and try again." : (res.body.message ?? "The backup could not be restored; nothing was changed. Please try again."));
  }

  const busy = progress !== null;
  return (
    <form onSubmit={restore} noValidate>
      <div className="field">
        <label htmlFor="backup-file">Backup file (JSON, any size)</label>
        <input
          id="backup-file"
          type="file"
          accept=".json,application/json"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          aria-describedby={error ? "backup-file-error" : undefined}
          aria-invalid={error ? "true" : "false"}
        />
        {error && (
          <p className="form-error" id="backup-file-error" role="alert">
            {error}
          </p>
        )}
      </div>
      {busy && (
        <div className="progress-wrap">
          <label htmlFor="restore-progress">
            {progress.phase === "upload" && progress.percent === 100 ? "Uploaded. Finishing the restore…" : progressLabel(progress.phase, progress.percent)}
          </label>
          <progress id="restore-progress" max={100} value={progress.percent} />
          <p className="muted">The records are checked and written as the file arrives. If anything is wrong, nothing is kept.</p>
        </div>
      )}
      <button type="submit" disabled={busy}>
        {busy ? "Restoring…" : "Restore into this organisation"}
      </button>
      {counts && (
        <div className="notice" role="status">
          <p>The backup was restored. It brought back:</p>
          <ul>
            {RESTORED.filter(([key]) => counts[key] !== undefined).map(([key, singular, plural]) => (
              <li key={key}>{counted(counts[key], singular, plural)}</li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
