"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { assessmentIntervalAction, changeRoleAction, inviteMemberAction, minScoreCoverageAction, signalSensitivityAction } from "@/app/(app)/admin/actions";
import { MIN_SCORE_COVERAGES } from "@/lib/indicators/schemas";
import { SIGNAL_SENSITIVITIES, sensitivityLabel } from "@/lib/signals/schemas";
import { FieldError, fieldProps } from "@/components/ui/form-field";
import { ROLE_LABELS } from "@/lib/labels";

const ROLES = ["VIEWER", "ANALYST", "ADMIN"] as const;

export function InviteForm() {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<(typeof ROLES)[number]>("ANALYST");
  const [error, setError] = useState<string | undefined>();
  const [result, setResult] = useState<{ link: string | null; emailed: boolean } | null>(null);
  return (
    <form
      className="panel"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setError(undefined);
        setResult(null); // the previous invitation's link is not this one's
        const res = await inviteMemberAction({ email, role });
        if (!res.ok) return setError(res.fieldErrors?.email?.[0] ?? res.message);
        setResult(res.data);
        setEmail("");
        router.refresh();
      }}
    >
      <h2 style={{ marginTop: 0 }}>Invite a member</h2>
      <div className="grid-2">
        <div className="field">
          <label htmlFor="invite-email">E-mail address</label>
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} {...fieldProps("invite-email", error ? { message: error } : undefined)} />
          <FieldError id="invite-email" message={error} />
        </div>
        <div className="field">
          <label htmlFor="invite-role">Role</label>
          <select id="invite-role" value={role} onChange={(e) => setRole(e.target.value as (typeof ROLES)[number])}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button type="submit">Create invitation</button>
      {result && (
        // The link is shown only when this server sends no e-mail: otherwise it goes to the invited address alone.
        <div className="notice" role="status">
          {result.link ? (
            <>
              No e-mail is configured on this server: send this link yourself, by a channel you trust. It works once, for 7 days:
              <div>
                <code data-testid="invite-link" style={{ overflowWrap: "anywhere" }}>
                  {result.link}
                </code>
              </div>
            </>
          ) : result.emailed ? (
            "The invitation was e-mailed to the address you entered. Its link works once, for 7 days."
          ) : (
            "The invitation e-mail could not be sent. Ask whoever runs this server to check its mail settings, then invite again: the new invitation replaces this one."
          )}
        </div>
      )}
    </form>
  );
}

export function RoleSelect({ userId, role, name }: { userId: string; role: (typeof ROLES)[number]; name: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <>
      <select
        aria-label={`Role of ${name}`}
        defaultValue={role}
        className="inline"
        onChange={async (e) => {
          const select = e.currentTarget;
          const next = select.value as (typeof ROLES)[number];
          setError(null);
          setSaved(null);
          // Making someone an administrator gives them the organisation: asked first.
          if (next === "ADMIN" && !window.confirm(`Make ${name} an administrator? They will manage members, roles and the organisation's settings.`)) {
            select.value = role;
            return;
          }
          const res = await changeRoleAction({ userId, role: next });
          if (!res.ok) {
            setError(res.message);
            select.value = role;
          } else setSaved(`Saved: ${name} is now ${ROLE_LABELS[next]}.`);
          router.refresh();
        }}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>
      {error && (
        <span role="alert" className="field-error">
          {error}
        </span>
      )}
      <span role="status" className="muted" style={{ marginLeft: "0.5rem" }}>
        {saved}
      </span>
    </>
  );
}

type SettingResult = { ok: true } | { ok: false; message: string; fieldErrors?: Record<string, string[] | undefined> };

/**
 * One organisation setting with its own Save: a number typed or chosen from a list, saved by its
 * action; the action's refusal shows next to the field, and the value typed stays.
 */
function SettingForm(props: {
  id: string;
  label: string;
  initial: number;
  field: string;
  save: (value: number) => Promise<SettingResult>;
  choices?: { value: number; label: string }[];
  number?: { min: number; max: number };
  width: string;
}) {
  const router = useRouter();
  const [value, setValue] = useState(String(props.initial));
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState("");
  const wiring = fieldProps(props.id, error ? { message: error } : undefined);
  return (
    <form
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setError(undefined);
        setStatus("");
        const res = await props.save(Number(value));
        if (!res.ok) return setError(res.fieldErrors?.[props.field]?.[0] ?? res.message);
        setStatus("Saved.");
        router.refresh();
      }}
    >
      <div className="field" style={{ maxWidth: props.width }}>
        <label htmlFor={props.id}>{props.label}</label>
        {props.choices ? (
          <select value={value} onChange={(e) => setValue(e.target.value)} {...wiring}>
            {props.choices.map((c) => (
              <option key={c.value} value={String(c.value)}>
                {c.label}
              </option>
            ))}
          </select>
        ) : (
          <input type="number" min={props.number?.min} max={props.number?.max} value={value} onChange={(e) => setValue(e.target.value)} {...wiring} />
        )}
        <FieldError id={props.id} message={error} />
      </div>
      <button type="submit">Save</button> <span role="status">{status}</span>
    </form>
  );
}

export function AssessmentIntervalForm({ days }: { days: number }) {
  return (
    <SettingForm
      id="interval-days"
      label="Due for assessment after (days without a published round)"
      initial={days}
      field="days"
      number={{ min: 7, max: 730 }}
      width="20rem"
      save={(v) => assessmentIntervalAction({ days: v })}
    />
  );
}

export function MinScoreCoverageForm({ minCoverage }: { minCoverage: number }) {
  // A value set before these choices existed stays offered, so the form shows what is saved.
  const choices = (MIN_SCORE_COVERAGES as readonly number[]).includes(minCoverage) ? MIN_SCORE_COVERAGES : [...MIN_SCORE_COVERAGES, minCoverage].sort((a, b) => a - b);
  return (
    <SettingForm
      id="min-coverage"
      label="Share of indicators that must be assessed before a score counts"
      initial={minCoverage}
      field="minCoverage"
      choices={choices.map((c) => ({ value: c, label: `${c}%` }))}
      width="30rem"
      save={(v) => minScoreCoverageAction({ minCoverage: v })}
    />
  );
}

export function SignalSensitivityForm({ sensitivity }: { sensitivity: number }) {
  return (
    <SettingForm
      id="signal-sensitivity"
      label="Flag a week when so many events would come by chance"
      initial={sensitivity}
      field="sensitivity"
      choices={SIGNAL_SENSITIVITIES.map((s) => ({ value: s, label: sensitivityLabel(s) }))}
      width="30rem"
      save={(v) => signalSensitivityAction({ sensitivity: v })}
    />
  );
}
