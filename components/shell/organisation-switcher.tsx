"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { switchOrganisationAction } from "@/app/(app)/actions";

export interface OrganisationOption {
  id: string;
  label: string;
}

const SECTIONS = ["situations", "indicators", "responses", "events", "sources", "exports", "alerts", "account"];

/**
 * Where to go after switching organisation: the list of the section the member was in, without its
 * filters (a record, a form or a filter of one organisation may not exist in the other); the
 * dashboard from anywhere else (administration depends on the role held in each organisation).
 */
export function pageAfterSwitch(pathname: string): string {
  const section = pathname.split("/")[1] ?? "";
  return SECTIONS.includes(section) ? `/${section}` : "/";
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
              const to = pageAfterSwitch(window.location.pathname);
              if (to === window.location.pathname + window.location.search) router.refresh();
              else router.push(to);
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
