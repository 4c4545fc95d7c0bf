"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Controller, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { createResponseAction, deleteResponseAction, updateResponseAction } from "@/app/(app)/responses/actions";
import { ActionButton } from "@/components/ui/action-button";
import {
  ACTOR_TYPES,
  EFFECT_LABELS,
  PILLARS,
  RESPONSE_EFFECTS,
  RESPONSE_STATUSES,
  RESPONSE_TYPES,
  responseInputSchema,
  type ResponseInput,
} from "@/lib/responses/schemas";
import { useMergeOnConflict, type SavedVersion } from "@/components/ui/use-merge-on-conflict";
import { ACTOR_TYPE_LABELS, PILLAR_LABELS, RESPONSE_STATUS_LABELS, RESPONSE_TYPE_LABELS } from "@/lib/labels";
import { SourcePicker, type PickedSource } from "@/components/sources/source-picker";
import { useUnsavedChangesWarning } from "@/components/shell/unsaved-changes";
import { FieldError, FormError, fieldProps } from "@/components/ui/form-field";

const LABELS: Record<Exclude<keyof ResponseInput, "sourceIds">, string> = {
  pillar: "Pillar",
  type: "Type of response",
  actorType: "Who acted",
  actorName: "Name of the actor",
  title: "What was done",
  description: "Description",
  startDate: "Date (or start date)",
  endDate: "End date (optional)",
  reference: "Reference (e.g. UN document symbol)",
  status: "Status",
  effect: "Assessed effect",
  effectNotes: "Notes on its effect",
};

type Props = { situationId: string; initial: ResponseInput; sources: PickedSource[] } & ({ mode: "create" } | { mode: "edit"; id: string; version: number });

export function ResponseForm(props: Props) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    getValues,
    control,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<ResponseInput>({ resolver: zodResolver(responseInputSchema), defaultValues: props.initial });
  useUnsavedChangesWarning(isDirty);
  const { version, merge, panel } = useMergeOnConflict({ initial: props.initial, version: props.mode === "edit" ? props.version : 0, setValue, setFormError, label, describe });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const res =
      props.mode === "create"
        ? await createResponseAction({ situationId: props.situationId, data: values })
        : await updateResponseAction({ id: props.id, version, data: values });
    if (res.ok) {
      router.push(`/situations/${props.situationId}?tab=responses`);
      router.refresh();
      return;
    }
    if (res.code === "CONFLICT" && res.current && merge(values, res.current as SavedVersion<ResponseInput>)) return;
    for (const [f, m] of Object.entries(res.fieldErrors ?? {})) {
      const name = f.startsWith("data.") ? f.slice(5) : f;
      if (m?.[0]) setError(name as keyof ResponseInput, { message: m[0] });
    }
    setFormError(res.message);
  });

  const a = (name: keyof ResponseInput) => fieldProps(name, errors[name]);
  const err = (name: keyof ResponseInput) => <FieldError id={name} message={errors[name]?.message} />;
  const select = <T extends string>(name: keyof ResponseInput, values: readonly T[], labels: Record<T, string>) => (
    <div className="field">
      <label htmlFor={name}>{LABELS[name as keyof typeof LABELS]}</label>
      <select {...a(name)} {...register(name)}>
        {values.map((v) => (
          <option key={v} value={v}>
            {labels[v]}
          </option>
        ))}
      </select>
      {err(name)}
    </div>
  );
  const input = (name: keyof ResponseInput, type = "text", placeholder?: string) => (
    <div className="field">
      <label htmlFor={name}>{LABELS[name as keyof typeof LABELS]}</label>
      <input type={type} placeholder={placeholder} {...a(name)} {...register(name)} />
      {err(name)}
    </div>
  );

  return (
    <>
      <form onSubmit={onSubmit} noValidate className="panel">
        <FormError message={formError} />
        {panel(getValues())}
        {input("title")}
        <div className="grid-2">
          {select("pillar", PILLARS, PILLAR_LABELS)}
          {select("type", RESPONSE_TYPES, RESPONSE_TYPE_LABELS)}
          {select("actorType", ACTOR_TYPES, ACTOR_TYPE_LABELS)}
          {input("actorName", "text", "e.g. UN Security Council")}
          {input("startDate", "date")}
          {input("endDate", "date")}
          {input("reference", "text", "S/RES/1593 (2005)")}
          {select("status", RESPONSE_STATUSES, RESPONSE_STATUS_LABELS)}
          {select("effect", RESPONSE_EFFECTS, EFFECT_LABELS)}
        </div>
        {(["description", "effectNotes"] as const).map((n) => (
          <div className="field" key={n}>
            <label htmlFor={n}>{LABELS[n]}</label>
            <textarea rows={3} {...a(n)} {...register(n)} />
            {err(n)}
          </div>
        ))}
        <Controller
          control={control}
          name="sourceIds"
          render={({ field }) => <SourcePicker label="Sources for this response" value={field.value} onChange={field.onChange} known={props.sources} />}
        />
        {err("sourceIds")}
        <button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : props.mode === "create" ? "Record response" : "Save changes"}
        </button>
      </form>
      {props.mode === "edit" && (
        // Beside the form, with the version the form's next save checks: after their changes were merged in, it deletes what is saved now.
        <p>
          <ActionButton
            action={deleteResponseAction}
            input={{ id: props.id, version }}
            label="Delete response"
            busyLabel="Deleting…"
            confirm="Delete this response? It is kept in the audit log."
            then={`/situations/${props.situationId}?tab=responses`}
          />
        </p>
      )}
    </>
  );
}

function label(f: keyof ResponseInput): string {
  return f === "sourceIds" ? "Sources" : LABELS[f];
}

/** A value as the comparison shows it: labels for choices. */
function describe(f: keyof ResponseInput, v: unknown): string {
  if (f === "sourceIds") return `${(v as string[]).length} cited`;
  const labels: Partial<Record<keyof ResponseInput, Record<string, string>>> = {
    pillar: PILLAR_LABELS,
    type: RESPONSE_TYPE_LABELS,
    actorType: ACTOR_TYPE_LABELS,
    status: RESPONSE_STATUS_LABELS,
    effect: EFFECT_LABELS,
  };
  return labels[f]?.[v as string] ?? String(v);
}
