"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Controller, useForm, useWatch, type FieldPath } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { createSituationAction, updateSituationAction } from "@/app/(app)/situations/actions";
import { situationInputSchema, type SituationInput, CRIME_STATUSES } from "@/lib/situations/schemas";
import type { SituationConflict, SituationSnapshot } from "@/lib/situations/mutations-types";
import { mergeSituation, snapshotOfInput, type Merged } from "@/lib/situations/merge";
import { CRIME_LABELS, CRIME_STATUS_LABELS, RISK_CATEGORY_DEFINITIONS, RISK_CATEGORY_LABELS, RISK_CATEGORY_ORDER, VISIBILITY_LABELS } from "@/lib/labels";
import { SITUATION_FIELD_LABELS, describeValue } from "@/lib/situations/fields";
import { SourcePicker, type PickedSource } from "@/components/sources/source-picker";
import { useUnsavedChangesWarning } from "@/components/shell/unsaved-changes";
import { FieldError, fieldProps } from "@/components/ui/form-field";
import { ConflictPanel } from "@/components/ui/conflict-panel";
import { KEEP_MINE_NOTICE, mergedNotice } from "@/components/ui/use-merge-on-conflict";

export interface CountryOption {
  iso3: string;
  name: string;
  region: string;
  /** The country's first-level regions, offered for the area (lib/events/area.ts: admin1Names). */
  subdivisions?: string[];
}

type Props =
  | { mode: "create"; countries: CountryOption[]; initial: SituationInput; sources?: PickedSource[] }
  | { mode: "edit"; countries: CountryOption[]; initial: SituationInput; id: string; version: number; sources?: PickedSource[] };

export function SituationForm(props: Props) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<SituationConflict | null>(null);
  const [version, setVersion] = useState(props.mode === "edit" ? props.version : 0);
  // What the form's values were based on: the version it was opened with, then the saved version it was merged with.
  const [base, setBase] = useState<SituationSnapshot>(() => snapshotOfInput(props.initial));
  const [conflicts, setConflicts] = useState<Merged[]>([]);
  const [taken, setTaken] = useState<string[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    getValues,
    control,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<SituationInput>({ resolver: zodResolver(situationInputSchema), defaultValues: props.initial });
  useUnsavedChangesWarning(isDirty);

  const [countryFilter, setCountryFilter] = useState("");
  const chosenCountry = useWatch({ control, name: "countryIso3" });
  const chosenCategory = useWatch({ control, name: "riskCategory" });
  const shownCountries = props.countries.filter(
    (c) => c.iso3 === chosenCountry || !countryFilter || c.name.toLowerCase().includes(countryFilter.toLowerCase()) || c.iso3 === countryFilter.toUpperCase(),
  );
  const regions = [...new Set(shownCountries.map((c) => c.region))].sort();
  const country = props.countries.find((c) => c.iso3 === chosenCountry);
  const subdivisions = country?.subdivisions ?? [];
  const [subdivision, setSubdivision] = useState("");
  const addSubdivision = () => {
    if (!subdivision) return;
    const scope = (getValues("scope") ?? "").trim();
    setValue("scope", scope ? `${scope}, ${subdivision}` : subdivision, { shouldDirty: true, shouldValidate: !!errors.scope });
    setSubdivision("");
  };

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const res = props.mode === "create" ? await createSituationAction(values) : await updateSituationAction({ ...values, id: props.id, version });
    if (res.ok) {
      router.push(`/situations/${res.data.id}`);
      router.refresh();
      return;
    }
    if (res.code === "CONFLICT" && res.current) {
      // Their changes to fields I left alone go into the form; only fields we both changed are for me to decide.
      const current = res.current as SituationConflict;
      const theirs = current.values;
      const merge = mergeSituation(base, snapshotOfInput(values), theirs);
      for (const m of merge.take) {
        if ("field" in m) {
          setValue(m.field, theirs[m.field] as never, { shouldDirty: true });
        } else {
          const i = values.crimes.findIndex((c) => c.crime === m.crime);
          const c = theirs.crimes[m.crime];
          if (i >= 0 && c) setValue(`crimes.${i}`, { crime: m.crime, status: c.status, rationale: c.rationale, sourceIds: c.sourceIds ?? [] }, { shouldDirty: true });
        }
      }
      setTaken(merge.take.map(label));
      setConflicts(merge.conflicts);
      setConflict(current);
      if (merge.conflicts.length === 0) {
        // Nothing to decide: the form now holds both sets of changes and saves over the version it was merged with.
        setVersion(current.version);
        setBase(theirs);
        setFormError(mergedNotice(current.updatedBy));
        return;
      }
    }
    for (const [field, messages] of Object.entries(res.fieldErrors ?? {})) {
      if (messages?.[0]) setError(field as FieldPath<SituationInput>, { message: messages[0] });
    }
    setFormError(res.message);
  });

  const aria = fieldProps;

  const mine = getValues();
  const conflictRows = conflict
    ? conflicts.map((m) => {
        if ("crime" in m) {
          const own = mine.crimes.find((c) => c.crime === m.crime);
          return { label: label(m), saved: describeValue("crime", conflict.values.crimes[m.crime]), yours: describeValue("crime", own) };
        }
        return { label: label(m), saved: describeValue(m.field, conflict.values[m.field]), yours: describeValue(m.field, mine[m.field]) };
      })
    : [];

  return (
    <form onSubmit={onSubmit} noValidate aria-describedby={formError ? "form-error" : undefined}>
      {formError && (
        <div className="form-error" role="alert" id="form-error">
          {formError}
        </div>
      )}
      {conflict && (
        <ConflictPanel
          updatedBy={conflict.updatedBy}
          updatedAt={conflict.updatedAt}
          taken={taken}
          rows={conflictRows}
          onKeepMine={() => {
            setVersion(conflict.version);
            setBase(conflict.values);
            setConflict(null);
            setFormError(KEEP_MINE_NOTICE);
          }}
        />
      )}

      <fieldset className="panel">
        <legend>Situation</legend>
        <div className="field">
          <label htmlFor="title">Title</label>
          <input {...aria("title", errors.title)} {...register("title")} />
          <FieldError id="title" message={errors.title?.message} />
        </div>
        <div className="grid-2">
          <div className="field">
            <label htmlFor="countryIso3">Country</label>
            <input
              type="search"
              aria-label="Find a country"
              placeholder="Find a country…"
              value={countryFilter}
              onChange={(e) => setCountryFilter(e.target.value)}
              style={{ marginBottom: "0.3rem" }}
            />
            <select {...aria("countryIso3", errors.countryIso3)} {...register("countryIso3")}>
              <option value="">{shownCountries.length ? `Choose a country (${shownCountries.length} shown)` : "No country matches"}</option>
              {regions.map((r) => (
                <optgroup key={r} label={r}>
                  {shownCountries
                    .filter((c) => c.region === r)
                    .map((c) => (
                      <option key={c.iso3} value={c.iso3}>
                        {c.name}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
            <FieldError id="countryIso3" message={errors.countryIso3?.message} />
          </div>
          <div className="field">
            <label htmlFor="scope">Sub-national scope (optional)</label>
            <p className="muted small" id="scope-help" style={{ marginBlock: "0 0.3rem" }}>
              Choose the regions this situation covers, or type an area; rows from ACLED are matched by any of a region&apos;s names.
            </p>
            <input
              {...aria("scope", errors.scope)}
              aria-describedby={errors.scope ? "scope-help scope-error" : "scope-help"}
              list={subdivisions.length ? "scope-regions" : undefined}
              autoComplete="off"
              placeholder="e.g. Darfur"
              {...register("scope")}
            />
            {subdivisions.length > 0 && (
              <>
                <datalist id="scope-regions">
                  {subdivisions.map((n) => (
                    <option key={n} value={n} />
                  ))}
                </datalist>
                <div style={{ display: "flex", flexWrap: "wrap", gap: "0.3rem 0.5rem", marginBlockStart: "0.3rem", alignItems: "center" }}>
                  <select
                    style={{ flex: "1 1 12rem", minInlineSize: 0 }}
                    aria-label={`A region of ${country!.name} to add to the area`}
                    value={subdivision}
                    onChange={(e) => setSubdivision(e.target.value)}
                  >
                    <option value="">{subdivisions.length === 1 ? "Choose its region" : `Choose one of its ${subdivisions.length} regions`}</option>
                    {subdivisions.map((n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                  </select>
                  <button type="button" className="secondary" style={{ whiteSpace: "nowrap" }} onClick={addSubdivision} disabled={!subdivision}>
                    Add to the area
                  </button>
                </div>
              </>
            )}
            <FieldError id="scope" message={errors.scope?.message} />
          </div>
          <div className="field">
            <label htmlFor="riskCategory">Risk category</label>
            <select
              {...aria("riskCategory", errors.riskCategory)}
              aria-describedby={errors.riskCategory ? "riskCategory-definition riskCategory-error" : "riskCategory-definition"}
              {...register("riskCategory")}
            >
              {RISK_CATEGORY_ORDER.map((c) => (
                <option key={c} value={c}>
                  {RISK_CATEGORY_LABELS[c]}
                </option>
              ))}
            </select>
            {/* What the chosen category means, where it is chosen (issue #27). */}
            <p id="riskCategory-definition" className="muted" style={{ marginBlock: "0.25rem 0", fontSize: "0.9rem" }}>
              {RISK_CATEGORY_DEFINITIONS[chosenCategory] ?? ""}
            </p>
            <FieldError id="riskCategory" message={errors.riskCategory?.message} />
          </div>
          <div className="field">
            <label htmlFor="visibility">Who may see it</label>
            <select {...aria("visibility", errors.visibility)} {...register("visibility")}>
              {(["ORGANISATION", "COALITION"] as const).map((v) => (
                <option key={v} value={v}>
                  {VISIBILITY_LABELS[v]}
                </option>
              ))}
            </select>
            <FieldError id="visibility" message={errors.visibility?.message} />
          </div>
          <div className="field">
            <label htmlFor="monitoringSince">Monitored since (optional)</label>
            <input type="date" {...aria("monitoringSince", errors.monitoringSince)} {...register("monitoringSince")} />
            <FieldError id="monitoringSince" message={errors.monitoringSince?.message} />
          </div>
        </div>
        {(
          [
            ["summary", 6],
            ["background", 5],
            ["populationsAtRisk", 3],
            ["perpetrators", 3],
            ["recommendedAction", 3],
            ["notes", 3],
          ] as const
        ).map(([name, rows]) => (
          <div className="field" key={name}>
            <label htmlFor={name}>{SITUATION_FIELD_LABELS[name]}</label>
            <textarea rows={rows} {...aria(name, errors[name])} {...register(name)} />
            <FieldError id={name} message={errors[name]?.message} />
          </div>
        ))}
      </fieldset>

      <fieldset className="panel">
        <legend>The four crimes and incitement</legend>
        <p className="muted">For each crime: its status for this situation and why. Give a reason for anything other than “Not assessed”.</p>
        {props.initial.crimes.map((c, i) => {
          const err = errors.crimes?.[i];
          return (
            <div key={c.crime} className="crime-row">
              <h3>{CRIME_LABELS[c.crime]}</h3>
              <input type="hidden" {...register(`crimes.${i}.crime`)} />
              <div className="field">
                <label htmlFor={`crimes-${i}-status`}>Status</label>
                <select
                  id={`crimes-${i}-status`}
                  aria-invalid={err?.status ? "true" : "false"}
                  aria-describedby={err?.status ? `crimes-${i}-status-error` : undefined}
                  {...register(`crimes.${i}.status`)}
                >
                  {CRIME_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {CRIME_STATUS_LABELS[s]}
                    </option>
                  ))}
                </select>
                <FieldError id={`crimes-${i}-status`} message={err?.status?.message} />
              </div>
              <div className="field">
                <label htmlFor={`crimes-${i}-rationale`}>Rationale</label>
                <textarea
                  id={`crimes-${i}-rationale`}
                  rows={2}
                  aria-invalid={err?.rationale ? "true" : "false"}
                  aria-describedby={err?.rationale ? `crimes-${i}-rationale-error` : undefined}
                  {...register(`crimes.${i}.rationale`)}
                />
                <FieldError id={`crimes-${i}-rationale`} message={err?.rationale?.message} />
              </div>
              <div className="crime-sources">
                <Controller
                  control={control}
                  name={`crimes.${i}.sourceIds`}
                  render={({ field }) => (
                    <SourcePicker label={`Sources for ${CRIME_LABELS[c.crime].toLowerCase()}`} value={field.value} onChange={field.onChange} known={props.sources ?? []} />
                  )}
                />
              </div>
            </div>
          );
        })}
      </fieldset>
      <button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : props.mode === "create" ? "Create situation" : "Save changes"}
      </button>
    </form>
  );
}

/** A field's or crime's name as the form labels it. */
function label(m: Merged): string {
  return "crime" in m ? CRIME_LABELS[m.crime] : SITUATION_FIELD_LABELS[m.field];
}
