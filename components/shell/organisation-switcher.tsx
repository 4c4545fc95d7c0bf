"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { switchOrganisationAction } from "@/app/(app)/actions";

export interface OrganisationOption {
  id: string;
  label: string;
}

/** Lets a member of several organisations choose which one they work in. */
export function OrganisationSwitcher({ options, activeId }: { options: OrganisationOption[]; activeId: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <label htmlFor="organisation-switcher" className="muted" style={{ fontWeight: 400, fontSize: "0.85rem" }}>
        Working in
      </label>
      <select
        id="organisation-switcher"
        className="inline"
        value={activeId}
        disabled={pending}
        aria-describedby={error ? "organisation-switcher-error" : undefined}
        onChange={(e) => {
          const organisationId = e.target.value;
          startTransition(async () => {
            const res = await switchOrganisationAction({ organisationId });
            if (!res.ok) setError(res.message);
            else {
              setError(null);
              router.refresh();
            }
          });
        }}
      >
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
      {error && (
        <p className="field-error" id="organisation-switcher-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
