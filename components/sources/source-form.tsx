"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { createSourceAction, updateSourceAction } from "@/app/(app)/sources/actions";
import { useUnsavedChangesWarning } from "@/components/shell/unsaved-changes";
import { FieldError, FormError, fieldProps } from "@/components/ui/form-field";
import { CREDIBILITY_LABELS, RELIABILITY, RELIABILITY_LABELS, sourceInputSchema, type SourceInput } from "@/lib/sources/schemas";
import { useMergeOnConflict, type SavedVersion } from "@/components/ui/use-merge-on-conflict";

const LABELS: Record<keyof SourceInput, string> = {
  title: "Title",
  publisher: "Publisher",
  author: "Author",
  url: "Web address",
  unSymbol: "UN document symbol",
  publishedOn: "Published on",
  accessedOn: "Accessed on",
  reliability: "Source reliability",
  credibility: "Information credibility",
  notes: "Notes",
};

export function SourceForm(props: { initial: SourceInput } & ({ mode: "create" } | { mode: "edit"; id: string; version: number })) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    getValues,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<SourceInput>({ resolver: zodResolver(sourceInputSchema), defaultValues: props.initial });
  useUnsavedChangesWarning(isDirty);
  const { version, merge, panel } = useMergeOnConflict({ initial: props.initial, version: props.mode === "edit" ? props.version : 0, setValue, setFormError, label: (f) => LABELS[f], describe });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const res = props.mode === "create" ? await createSourceAction(values) : await updateSourceAction({ id: props.id, version, data: values });
    if (res.ok) {
      router.push(`/sources/${res.data.id}`);
      router.refresh();
      return;
    }
    if (res.code === "CONFLICT" && res.current && merge(values, res.current as SavedVersion<SourceInput>)) return;
    // An edit's errors come as "data.publishedOn" (its input is { id, version, data }).
    for (const [f, m] of Object.entries(res.fieldErrors ?? {})) if (m?.[0]) setError((f.startsWith("data.") ? f.slice(5) : f) as keyof SourceInput, { message: m[0] });
    setFormError(res.message);
  });
  const a = (name: keyof SourceInput) => fieldProps(name, errors[name]);
  const err = (name: keyof SourceInput) => <FieldError id={name} message={errors[name]?.message} />;
  return (
    <form onSubmit={onSubmit} noValidate className="panel">
      <FormError message={formError} />
      {panel(getValues())}
      <div className="field">
        <label htmlFor="title">{LABELS.title}</label>
        <input {...a("title")} {...register("title")} />
        {err("title")}
      </div>
      <div className="grid-2">
        {(["publisher", "author", "url", "unSymbol"] as const).map((n) => (
          <div className="field" key={n}>
            <label htmlFor={n}>{LABELS[n]}</label>
            <input {...a(n)} type={n === "url" ? "url" : "text"} placeholder={n === "unSymbol" ? "S/RES/1593 (2005)" : undefined} {...register(n)} />
            {err(n)}
          </div>
        ))}
        {(["publishedOn", "accessedOn"] as const).map((n) => (
          <div className="field" key={n}>
            <label htmlFor={n}>{LABELS[n]}</label>
            <input {...a(n)} type="date" {...register(n)} />
            {err(n)}
          </div>
        ))}
        <div className="field">
          <label htmlFor="reliability">{LABELS.reliability}</label>
          <select {...a("reliability")} {...register("reliability")}>
            {RELIABILITY.map((r) => (
              <option key={r} value={r}>
                {RELIABILITY_LABELS[r]}
              </option>
            ))}
          </select>
          {err("reliability")}
        </div>
        <div className="field">
          <label htmlFor="credibility">{LABELS.credibility}</label>
          <select {...a("credibility")} {...register("credibility")}>
            {[1, 2, 3, 4, 5, 6].map((c) => (
              <option key={c} value={c}>
                {CREDIBILITY_LABELS[c]}
              </option>
            ))}
          </select>
          {err("credibility")}
        </div>
      </div>
      <div className="field">
        <label htmlFor="notes">{LABELS.notes}</label>
        <textarea rows={4} {...a("notes")} {...register("notes")} />
        {err("notes")}
      </div>
      <button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : props.mode === "create" ? "Add source" : "Save changes"}
      </button>
    </form>
  );
}

/** A value as the comparison shows it: the grading's words. */
function describe(f: keyof SourceInput, v: unknown): string {
  if (f === "reliability") return RELIABILITY_LABELS[v as SourceInput["reliability"]] ?? String(v);
  if (f === "credibility") return CREDIBILITY_LABELS[v as SourceInput["credibility"]] ?? String(v);
  return String(v);
}
