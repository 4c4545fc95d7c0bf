"use client";

import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/auth/action";
import { keepFocusAfterAction } from "@/components/shell/keep-focus";

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
  const button = useRef<HTMLButtonElement>(null);
  return (
    <span style={{ display: "contents" }}>
      <button
        ref={button}
        type="button"
        className="secondary"
        disabled={pending}
        onClick={() => {
          if (confirm && !window.confirm(confirm)) return;
          keepFocusAfterAction(button.current);
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
