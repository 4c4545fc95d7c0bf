"use client";

// An administrator re-scores a published round with the current method: explicit, confirmed and
// audited (the situation's history shows the scores before and after). Its ratings do not change.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { rescoreRoundAction } from "@/app/(app)/indicators/actions";

export function RescoreRound({ id, version, method, current }: { id: string; version: number; method: number; current: number }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const prompt =
    method === current
      ? `Re-score this round with method ${current} and your organisation's current minimum coverage? Its ratings do not change; the scores before and after are kept in the situation's history.`
      : `Re-score this round, published with method ${method}, with method ${current}? Its ratings do not change; the scores before and after are kept in the situation's history.`;
  async function onClick() {
    if (!window.confirm(prompt)) return;
    setBusy(true);
    const res = await rescoreRoundAction({ id, version });
    setBusy(false);
    if (!res.ok) return setMessage(res.message);
    setMessage(`Re-scored with method ${current}.`);
    router.refresh();
  }
  return (
    <div className="panel">
      <p style={{ marginBlockStart: 0 }}>
        {method === current
          ? `This round was scored with method ${current}, the current one.`
          : `This round was published with scoring method ${method}. Its figures stay as published unless an administrator re-scores it with method ${current}.`}
      </p>
      <button type="button" className="secondary" onClick={onClick} disabled={busy}>
        {busy ? "Re-scoring…" : `Re-score with method ${current}`}
      </button>
      <p role="status" className="muted">
        {message}
      </p>
    </div>
  );
}
