"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { startRoundAction } from "@/app/(app)/indicators/actions";
import { FieldError, fieldProps } from "@/components/ui/form-field";

export function StartRoundForm({ situationId, today, previous }: { situationId: string; today: string; previous: string | null }) {
  const router = useRouter();
  const [assessedOn, setAssessedOn] = useState(today);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="panel start-round"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(undefined);
        const res = await startRoundAction({ situationId, assessedOn });
        setBusy(false);
        if (!res.ok) return setError(res.fieldErrors?.assessedOn?.[0] ?? res.message);
        router.push(`/situations/${situationId}/rounds/${res.data.id}`);
      }}
    >
      <h2 style={{ marginTop: 0 }}>Start a new assessment round</h2>
      <p className="muted">
        {previous ? `The new round starts from the ratings of the round of ${previous}, so you only change what moved.` : "This is the first round for this situation."}
      </p>
      <div className="field">
        <label htmlFor="assessedOn">Date of the assessment</label>
        <input type="date" max={today} value={assessedOn} onChange={(e) => setAssessedOn(e.target.value)} {...fieldProps("assessedOn", error ? { message: error } : undefined)} />
        <FieldError id="assessedOn" message={error} />
      </div>
      <button type="submit" disabled={busy}>
        {busy ? "Starting…" : "Start round"}
      </button>
    </form>
  );
}
