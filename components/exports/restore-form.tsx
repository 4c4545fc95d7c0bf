"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";

export function RestoreForm() {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        if (!file) return setStatus({ ok: false, text: "Choose a backup file." });
        setBusy(true);
        const res = await fetch("/api/backup", { method: "POST", body: file, headers: { "Content-Type": "application/json" } });
        const body = await res.json().catch(() => ({ message: "The server did not answer." }));
        setBusy(false);
        if (!res.ok) return setStatus({ ok: false, text: body.message });
        setStatus({ ok: true, text: `Restored: ${body.counts.situations} situations, ${body.counts.sources} sources, ${body.counts.assessments} rounds, ${body.counts.responses} responses, ${body.counts.events} events.` });
        router.refresh();
      }}
    >
      <div className="field">
        <label htmlFor="backup-file">Backup file (JSON)</label>
        <input id="backup-file" type="file" accept=".json,application/json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <button type="submit" disabled={busy}>
        {busy ? "Restoring…" : "Restore into this organisation"}
      </button>
      {status && (
        <p role={status.ok ? "status" : "alert"} className={status.ok ? "notice" : "form-error"}>
          {status.text}
        </p>
      )}
    </form>
  );
}
