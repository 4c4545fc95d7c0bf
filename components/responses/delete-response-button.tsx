"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { deleteResponseAction } from "@/app/(app)/responses/actions";

export function DeleteResponseButton({ id, version, situationId }: { id: string; version: number; situationId: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <p>
      <button
        type="button"
        className="secondary"
        disabled={pending}
        onClick={() => {
          if (!window.confirm("Delete this response? It is kept in the audit log.")) return;
          start(async () => {
            const res = await deleteResponseAction({ id, version });
            if (res.ok) router.push(`/situations/${situationId}?tab=responses`);
            else setError(res.message);
          });
        }}
      >
        {pending ? "Deleting…" : "Delete response"}
      </button>
      {error && (
        <span className="field-error" role="alert">
          {" "}
          {error}
        </span>
      )}
    </p>
  );
}
