"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { createExternalRatingAction, deleteExternalRatingAction, updateExternalRatingAction } from "@/app/(app)/external-ratings/actions";
import { ActionButton } from "@/components/ui/action-button";
import { Field, FieldError, FormError } from "@/components/ui/form-field";
import { useUnsavedChangesWarning } from "@/components/shell/unsaved-changes";
import {
  EXTERNAL_SYSTEMS,
  GENOCIDE_STAGES,
  GENOCIDE_WATCH_LEVELS,
  GENOCIDE_WATCH_LEVEL_DEFINITIONS,
  GENOCIDE_WATCH_LEVEL_LABELS,
  R2P_CATEGORIES,
  R2P_CATEGORY_DEFINITIONS,
  R2P_CATEGORY_LABELS,
  SYSTEM_LABELS,
  externalRatingInputSchema,
  type ExternalRatingInput,
  type ExternalSystem,
} from "@/lib/external-ratings/schemas";

const LABELS: Record<keyof ExternalRatingInput, string> = {
  system: "Published by",
  ratedOn: "Date of the rating (when it was published)",
  url: "Web address of the rating",
  note: "Note (optional)",
  rank: "Rank (1 is the highest risk)",
  rankOf: "Number of countries ranked",
  probability: "Estimated probability of a new mass killing (0.148 or 14.8%)",
  year: "Year the forecast is for",
  category: "R2P Monitor category",
  stage: "Stage (Stanton's ten stages)",
  alertLevel: "Alert level",
};

/** The fields each system uses; the others are sent empty, so nothing typed for another system is saved. */
const FIELDS: Record<ExternalSystem, (keyof ExternalRatingInput)[]> = {
  EWP: ["rank", "rankOf", "probability", "year"],
  R2P_MONITOR: ["category"],
  GENOCIDE_WATCH: ["stage", "alertLevel"],
};
// Inline, with logical properties: this form's only styles (app/globals.css is shared).
const CHOICE = { display: "grid", gridTemplateColumns: "auto 1fr", columnGap: "0.5rem", marginBlock: "0.4rem" } as const;
const DEFINITION = { gridColumn: 2, marginBlock: "0.1rem 0", fontSize: "0.9rem" } as const;
const SYSTEM_FIELDS = ["rank", "rankOf", "probability", "year", "category", "stage", "alertLevel"] as const;

type Props = { situationId: string; initial: ExternalRatingInput } & ({ mode: "create" } | { mode: "edit"; id: string; version: string });

export function ExternalRatingForm(props: Props) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    watch,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<ExternalRatingInput>({ resolver: zodResolver(externalRatingInputSchema), defaultValues: props.initial });
  useUnsavedChangesWarning(isDirty);
  const system = watch("system");
  const back = `/situations/${props.situationId}#external-ratings`;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const data = { ...values };
    for (const f of SYSTEM_FIELDS) if (!FIELDS[values.system].includes(f)) data[f] = "";
    const res =
      props.mode === "create"
        ? await createExternalRatingAction({ situationId: props.situationId, data })
        : await updateExternalRatingAction({ id: props.id, version: props.version, data });
    if (res.ok) {
      router.push(back);
      router.refresh();
      return;
    }
    // The form keeps what was typed; each refusal goes next to its field.
    for (const [f, m] of Object.entries(res.fieldErrors ?? {})) {
      const name = f.startsWith("data.") ? f.slice(5) : f;
      if (m?.[0] && name in LABELS) setError(name as keyof ExternalRatingInput, { message: m[0] });
    }
    setFormError(res.message);
  });

  const input = (name: keyof ExternalRatingInput, type = "text", extra: { placeholder?: string; inputMode?: "numeric" | "decimal" } = {}) => (
    <Field id={name} label={LABELS[name]} error={errors[name]}>
      {(p) => <input type={type} {...extra} {...p} {...register(name)} />}
    </Field>
  );
  /** Choices with the publisher's definition under each, where it is chosen. */
  const choices = <T extends string>(name: "category" | "alertLevel", values: readonly T[], labels: Record<T, string>, definitions: Record<T, string>) => (
    <fieldset style={{ border: 0, padding: 0, marginBlock: "0 1rem" }}>
      <legend style={{ fontWeight: 600, padding: 0 }}>{LABELS[name]}</legend>
      {values.map((v) => (
        <div key={v} style={CHOICE}>
          <input
            type="radio"
            id={`${name}-${v}`}
            value={v}
            aria-describedby={errors[name] ? `${name}-${v}-definition ${name}-error` : `${name}-${v}-definition`}
            {...register(name)}
          />
          <label htmlFor={`${name}-${v}`}>{labels[v]}</label>
          <p id={`${name}-${v}-definition`} className="muted" style={DEFINITION}>
            {definitions[v]}
          </p>
        </div>
      ))}
      <FieldError id={name} message={errors[name]?.message} />
    </fieldset>
  );

  return (
    <>
      <form onSubmit={onSubmit} noValidate className="panel">
        <FormError message={formError} />
        <Field id="system" label={LABELS.system} error={errors.system}>
          {(p) => (
            <select {...p} {...register("system")}>
              {EXTERNAL_SYSTEMS.map((s) => (
                <option key={s} value={s}>
                  {SYSTEM_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="grid-2">
          {input("ratedOn", "date")}
          {input("url", "url", { placeholder: "https://" })}
        </div>
        {system === "EWP" && (
          <div className="grid-2">
            {input("rank", "text", { inputMode: "numeric" })}
            {input("rankOf", "text", { inputMode: "numeric", placeholder: "e.g. 162" })}
            {input("probability", "text", { inputMode: "decimal" })}
            {input("year", "text", { inputMode: "numeric" })}
          </div>
        )}
        {system === "R2P_MONITOR" && choices("category", R2P_CATEGORIES, R2P_CATEGORY_LABELS, R2P_CATEGORY_DEFINITIONS)}
        {system === "GENOCIDE_WATCH" && (
          <>
            <Field id="stage" label={LABELS.stage} error={errors.stage}>
              {(p) => (
                <select {...p} {...register("stage")}>
                  <option value="">Choose a stage</option>
                  {GENOCIDE_STAGES.map((name, i) => (
                    <option key={name} value={String(i + 1)}>
                      {`${i + 1}: ${name}`}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {choices("alertLevel", GENOCIDE_WATCH_LEVELS, GENOCIDE_WATCH_LEVEL_LABELS, GENOCIDE_WATCH_LEVEL_DEFINITIONS)}
          </>
        )}
        <Field id="note" label={LABELS.note} error={errors.note}>
          {(p) => <textarea rows={2} {...p} {...register("note")} />}
        </Field>
        <button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : props.mode === "create" ? "Record the rating" : "Save changes"}
        </button>
      </form>
      {props.mode === "edit" && (
        <p>
          <ActionButton
            action={deleteExternalRatingAction}
            input={{ id: props.id, version: props.version }}
            label="Delete this rating"
            busyLabel="Deleting…"
            confirm="Delete this external rating? It is kept in the audit log."
            then={back}
          />
        </p>
      )}
    </>
  );
}
