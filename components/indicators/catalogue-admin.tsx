"use client";

// Administrators add their organisation's own indicators (numbered under a risk factor), edit
// their text and retire them; the Framework's indicators cannot be changed.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { createIndicatorAction, retireIndicatorAction, updateIndicatorAction } from "@/app/(app)/indicators/actions";
import { createIndicatorSchema } from "@/lib/indicators/schemas";
import { FieldError, fieldProps } from "@/components/ui/form-field";
import { ActionButton } from "@/components/ui/action-button";
import { indicatorName } from "@/lib/indicators/score-text";

type CreateInput = z.input<typeof createIndicatorSchema>;

export function AddIndicatorForm({ factors }: { factors: { number: number; title: string }[] }) {
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CreateInput>({ resolver: zodResolver(createIndicatorSchema), defaultValues: { factor: "" as unknown as number, text: "" } });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const res = await createIndicatorAction(values);
    if (!res.ok) {
      for (const [f, m] of Object.entries(res.fieldErrors ?? {})) if (m?.[0]) setError(f as keyof CreateInput, { message: m[0] });
      return setFormError(res.message);
    }
    setDone(indicatorAddedText(res.data.code, Number(values.factor)));
    reset({ factor: values.factor, text: "" });
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add an indicator of your organisation">
      <p className="muted">It is numbered after the last indicator of its risk factor and can be rated in new rounds at once.</p>
      <div className="field">
        <label htmlFor="factor">Risk factor</label>
        <select {...fieldProps("factor", errors.factor)} {...register("factor")}>
          <option value="">Choose a risk factor…</option>
          {factors.map((f) => (
            <option key={f.number} value={f.number}>
              {f.number}. {f.title}
            </option>
          ))}
        </select>
        <FieldError id="factor" message={errors.factor?.message} />
      </div>
      <div className="field">
        <label htmlFor="text">What to watch for</label>
        <textarea rows={2} {...fieldProps("text", errors.text)} {...register("text")} />
        <FieldError id="text" message={errors.text?.message} />
      </div>
      <button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Adding…" : "Add indicator"}
      </button>
      <p role="status" className="muted">
        {done}
      </p>
      {formError && (
        <p role="alert" className="form-error">
          {formError}
        </p>
      )}
    </form>
  );
}

/** What the form says once an indicator is added, its risk factor named: "Indicator 7.15 (Enabling circumstances or preparation) added." */
export function indicatorAddedText(code: string, factor: number): string {
  return `Indicator ${indicatorName(code, factor)} added.`;
}

/** What is asked before retiring an own indicator: the dialog names it by its words too, not its code alone. */
export function retireConfirmText(indicator: { code: string; text: string }): string {
  return `Retire ${indicator.code} (${indicator.text})? It stays in past ratings but is left out of new rounds and scores.`;
}

export function OwnIndicatorControls({ indicator }: { indicator: { id: string; code: string; text: string; version: number; retired: boolean } }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(indicator.text);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const fid = `edit-${indicator.id}`;
  if (editing) {
    return (
      <form
        className="inline-edit"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          const res = await updateIndicatorAction({ id: indicator.id, version: indicator.version, text });
          setBusy(false);
          if (!res.ok) return setError(res.fieldErrors?.text?.[0] ?? res.message);
          setEditing(false);
          setError(undefined);
          router.refresh();
        }}
      >
        <label htmlFor={fid}>Text of {indicator.code}</label>
        <textarea id={fid} rows={2} value={text} onChange={(e) => setText(e.target.value)} aria-invalid={error ? "true" : "false"} aria-describedby={error ? `${fid}-error` : undefined} />
        <FieldError id={fid} message={error} />
        <div className="actions-row">
          <button type="submit" disabled={busy}>
            {busy ? "Saving…" : "Save"}
          </button>
          <button type="button" className="secondary" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </div>
      </form>
    );
  }
  return (
    <span className="actions-row" style={{ display: "inline-flex", margin: "0 0 0 0.5rem" }}>
      <button type="button" className="link-button" onClick={() => setEditing(true)} aria-label={`Edit ${indicator.code}`}>
        Edit
      </button>
      <ActionButton
        action={retireIndicatorAction}
        input={{ id: indicator.id, version: indicator.version, retired: !indicator.retired }}
        label={indicator.retired ? `Bring back ${indicator.code}` : `Retire ${indicator.code}`}
        busyLabel="Saving…"
        confirm={indicator.retired ? undefined : retireConfirmText(indicator)}
      />
    </span>
  );
}
