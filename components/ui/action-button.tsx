"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/auth/action";

/**
 * A button that runs one server action (after a confirmation, if given), then refreshes the page
 * or goes to `then`; a refusal is shown next to it.
 */
export function ActionButton<I>({
  action,
  input,
  label,
  busyLabel,
  confirm,
  then,
}: {
  action: (input: I) => Promise<ActionResult<unknown>>;
  input: I;
  label: string;
  busyLabel: string;
  confirm?: string;
  then?: string;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span style={{ display: "contents" }}>
      <button
        type="button"
        className="secondary"
        disabled={pending}
        onClick={() => {
          if (confirm && !window.confirm(confirm)) return;
          start(async () => {
            const res = await action(input);
            if (!res.ok) setError(res.message);
            else if (then) router.push(then);
            else router.refresh();
          });
        }}
      >
        {pending ? busyLabel : label}
      </button>
      {error && (
        <span className="form-error" role="alert" style={{ display: "block", flexBasis: "100%", marginTop: "0.5rem" }}>
          {error}
        </span>
      )}
    </span>
  );
}
