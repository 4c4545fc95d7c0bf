"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { watchSituationAction } from "@/app/(app)/alerts/actions";

/** Follow a situation: it joins the dashboard's watchlist and can alert you on its own. */
export function WatchButton({ situationId, watching }: { situationId: string; watching: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="secondary"
        aria-pressed={watching}
        disabled={pending}
        onClick={() =>
          start(async () => {
            const res = await watchSituationAction({ situationId, watch: !watching });
            if (!res.ok) return setError(res.message);
            router.refresh();
          })
        }
      >
        {watching ? "Following ✓" : "Follow"}
      </button>
      {error && (
        <span role="alert" className="field-error">
          {error}
        </span>
      )}
    </>
  );
}
