"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { deleteSourceAction } from "@/app/(app)/sources/actions";

export function DeleteSourceButton({ id, version }: { id: string; version: number }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <button
        type="button"
        className="secondary"
        disabled={pending}
        onClick={() => {
          if (!window.confirm("Delete this source from your library?")) return;
          start(async () => {
            const res = await deleteSourceAction({ id, version });
            if (res.ok) router.push("/sources");
            else setError(res.message);
          });
        }}
      >
        {pending ? "Deleting…" : "Delete source"}
      </button>
      {error && (
        <p className="form-error" role="alert" style={{ marginTop: "0.5rem" }}>
          {error}
        </p>
      )}
    </div>
  );
}
