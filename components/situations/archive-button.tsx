"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { archiveSituationAction, restoreSituationAction } from "@/app/(app)/situations/actions";

export function ArchiveButton({ id, version, archived }: { id: string; version: number; archived: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span>
      <button
        type="button"
        className="secondary"
        disabled={pending}
        onClick={() => {
          if (!archived && !window.confirm("Archive this situation? It leaves the lists but nothing is deleted; you can restore it.")) return;
          start(async () => {
            const res = archived ? await restoreSituationAction({ id, version }) : await archiveSituationAction({ id, version });
            if (!res.ok) setError(res.message);
            else router.refresh();
          });
        }}
      >
        {pending ? "Working…" : archived ? "Restore" : "Archive"}
      </button>
      {error && (
        <span className="field-error" role="alert">
          {" "}
          {error}
        </span>
      )}
    </span>
  );
}
