"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Controller, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { createEventAction, updateEventAction } from "@/app/(app)/events/actions";
import { EVENT_TYPES, eventInputSchema, type EventInput } from "@/lib/events/schemas";
import { CRIME_LABELS, CRIME_ORDER } from "@/lib/labels";
import { SourcePicker, type PickedSource } from "@/components/sources/source-picker";
import { useUnsavedChangesWarning } from "@/components/shell/unsaved-changes";
import { FieldError, FormError, fieldProps } from "@/components/ui/form-field";
import { useMergeOnConflict, type SavedVersion } from "@/components/ui/use-merge-on-conflict";

import type { z } from "zod";

type FormValues = z.input<typeof eventInputSchema>;

const LABELS: Partial<Record<keyof EventInput, string>> = {
  situationId: "Situation",
  eventDate: "Date",
  eventType: "Event type",
  subEventType: "Sub-type (optional)",
  actor1: "First actor",
  actor2: "Second actor (optional)",
  fatalities: "People killed (leave empty if not known)",
  countryIso3: "Country",
  admin1: "Admin 1 (state, province)",
  admin2: "Admin 2 (district)",
  admin3: "Admin 3",
  location: "Place",
  latitude: "Latitude",
  longitude: "Longitude",
  notes: "What happened",
};

/** Fields whose label is not a single label element above. */
const OTHER_LABELS = { civilianTargeting: "Civilians were targeted", crimes: "Crimes", indicatorIds: "Linked indicators", sourceIds: "Sources" };

type Props = {
  initial: EventInput;
  situations: { id: string; title: string; countryIso3?: string }[];
  countries: { iso3: string; name: string }[];
  indicators: { id: string; code: string; text: string }[];
  /** Event types the organisation has used beyond ACLED's, offered after them. */
  otherTypes: string[];
  sources: PickedSource[];
} & ({ mode: "create" } | { mode: "edit"; id: string; version: number });

export function EventForm(props: Props) {
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
  } = useForm<FormValues, unknown, EventInput>({ resolver: zodResolver(eventInputSchema), defaultValues: props.initial });
  useUnsavedChangesWarning(isDirty);
  // A stale save: their changes to fields left alone come into the form, fields both changed are compared.
  const describe = (f: keyof FormValues, v: unknown): string => {
    if (Array.isArray(v)) return f === "crimes" ? (v.length ? v.map((c) => CRIME_LABELS[c as keyof typeof CRIME_LABELS]).join(", ") : "(none)") : `${v.length} chosen`;
    if (typeof v === "boolean") return v ? "Yes" : "No";
    if (f === "fatalities" && (v === null || v === "")) return "Unknown";
    if (f === "situationId") return props.situations.find((x) => x.id === v)?.title ?? String(v);
    if (f === "countryIso3") return props.countries.find((x) => x.iso3 === v)?.name ?? String(v);
    return String(v);
  };
  const { version, merge, panel } = useMergeOnConflict<FormValues>({
    initial: props.initial,
    version: props.mode === "edit" ? props.version : 0,
    setValue,
    setFormError,
    label: (f) => LABELS[f as keyof EventInput] ?? OTHER_LABELS[f as keyof typeof OTHER_LABELS] ?? String(f),
    describe,
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const res = props.mode === "create" ? await createEventAction({ data: values }) : await updateEventAction({ id: props.id, version, data: values });
    if (res.ok) {
      router.push(`/events/${res.data.id}`);
      router.refresh();
      return;
    }
    if (res.code === "CONFLICT" && res.current && merge(values as FormValues, res.current as SavedVersion<FormValues>)) return;
    for (const [f, m] of Object.entries(res.fieldErrors ?? {})) {
      const name = (f.startsWith("data.") ? f.slice(5) : f) as keyof EventInput;
      if (m?.[0]) setError(name, { message: m[0] });
    }
    setFormError(res.message);
  });

  const a = (name: keyof EventInput) => fieldProps(name, errors[name]);
  const err = (name: keyof EventInput) => <FieldError id={name} message={errors[name]?.message} />;
  const input = (name: keyof EventInput, type = "text", extra: Record<string, unknown> = {}) => (
    <div className="field">
      <label htmlFor={name}>{LABELS[name]}</label>
      <input type={type} {...extra} {...a(name)} {...register(name)} />
      {err(name)}
    </div>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="panel">
      <FormError message={formError} />
      {panel(getValues())}
      <div className="grid-2">
        <div className="field">
          <label htmlFor="situationId">{LABELS.situationId}</label>
          <select
            {...a("situationId")}
            {...register("situationId", {
              // Choosing a situation fills in its country when none is chosen yet.
              onChange: (ev) => {
                const country = props.situations.find((x) => x.id === ev.target.value)?.countryIso3;
                if (country && !getValues("countryIso3")) setValue("countryIso3", country, { shouldDirty: true });
              },
            })}
          >
            <option value="">None (organisation&apos;s log only)</option>
            {props.situations.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
          {err("situationId")}
        </div>
        {input("eventDate", "date")}
        {input("eventType", "text", { list: "event-types", placeholder: "e.g. Violence against civilians" })}
        <datalist id="event-types">
          {[...EVENT_TYPES, ...props.otherTypes].map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        {input("subEventType")}
        {input("actor1")}
        {input("actor2")}
        {input("fatalities", "number", { min: 0, placeholder: "Unknown" })}
        <div className="field">
          <label htmlFor="countryIso3">{LABELS.countryIso3}</label>
          <select {...a("countryIso3")} {...register("countryIso3")}>
            <option value="">Choose a country…</option>
            {props.countries.map((c) => (
              <option key={c.iso3} value={c.iso3}>
                {c.name}
              </option>
            ))}
          </select>
          {err("countryIso3")}
        </div>
        {input("admin1")}
        {input("admin2")}
        {input("admin3")}
        {input("location")}
        {input("latitude", "text", { inputMode: "decimal", placeholder: "e.g. 13.63" })}
        {input("longitude", "text", { inputMode: "decimal", placeholder: "e.g. 25.35" })}
      </div>
      <label className="choice">
        <input type="checkbox" {...register("civilianTargeting")} /> Civilians were targeted
      </label>
      <div className="field">
        <label htmlFor="notes">{LABELS.notes}</label>
        <textarea rows={4} {...a("notes")} {...register("notes")} />
        {err("notes")}
      </div>
      <fieldset>
        <legend>Crimes this event may amount to</legend>
        {CRIME_ORDER.map((c) => (
          <label key={c} className="choice">
            <input type="checkbox" value={c} {...register("crimes")} /> {CRIME_LABELS[c]}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="indicatorIds">Linked indicators (hold Ctrl or Shift to choose several)</label>
        <select multiple size={6} {...a("indicatorIds")} {...register("indicatorIds")}>
          {props.indicators.map((i) => (
            <option key={i.id} value={i.id}>
              {i.code} {i.text}
            </option>
          ))}
        </select>
        {err("indicatorIds")}
      </div>
      <Controller control={control} name="sourceIds" render={({ field }) => <SourcePicker label="Sources for this event" value={field.value} onChange={field.onChange} known={props.sources} />} />
      {err("sourceIds")}
      <button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : props.mode === "create" ? "Record event" : "Save changes"}
      </button>
    </form>
  );
}
