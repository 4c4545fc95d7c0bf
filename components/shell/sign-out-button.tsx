"use client";

import { useState } from "react";
import { signOut } from "next-auth/react";

/** Signs out, then opens `callbackUrl` (a path on this site; the sign-in page by default). */
export function SignOutButton({ callbackUrl = "/signin" }: { callbackUrl?: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="secondary"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        await signOut({ callbackUrl });
      }}
    >
      {busy ? "Signing out…" : "Sign out"}
    </button>
  );
}
