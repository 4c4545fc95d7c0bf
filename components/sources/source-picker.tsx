"use client";

import { useEffect, useId, useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { createSourceAction, searchSourcesAction } from "@/app/(app)/sources/actions";
import { FieldError, fieldProps } from "@/components/ui/form-field";
import { CREDIBILITY_LABELS, RELIABILITY, RELIABILITY_LABELS, emptySourceInput, sourceInputSchema, type SourceInput } from "@/lib/sources/schemas";

export interface PickedSource {
  id: string;
  title: string;
  publisher: string;
  reliability: string;
  credibility: number;
}

/**
 * Cites sources from the organisation's library: search existing ones, or add a new one
 * without leaving the form. Used wherever a claim cites sources.
 */
export function SourcePicker({ label, value, onChange, known }: { label: string; value: string[]; onChange: (ids: string[]) => void; known: PickedSource[] }) {
  const id = useId();
  const [byId, setById] = useState<Record<string, PickedSource>>(() => Object.fromEntries(known.map((s) => [s.id, s])));
  const [q, setQ] = useState("");
  const [results, setResults] = useState<PickedSource[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    if (q.trim().length < 2) return;
    const t = setTimeout(async () => {
      const res = await searchSourcesAction({ q });
      if (res.ok) setResults(res.data);
      else setError(res.message);
    }, 250);
    return () => clearTimeout(t);
  }, [q]);

  const cite = (s: PickedSource) => {
    setById((m) => ({ ...m, [s.id]: s }));
    if (!value.includes(s.id)) onChange([...value, s.id]);
  };

  return (
    <div className="source-picker" role="group" aria-labelledby={`${id}-label`}>
      <div id={`${id}-label`} className="picker-label">
        {label}
      </div>
      {value.length > 0 ? (
        <ul className="chips" aria-label={`${label}: cited`}>
          {value.map((sid) => (
            <li key={sid} className="tag">
              {byId[sid]?.title ?? "Source"} <span className="muted">{byId[sid] ? `(${byId[sid].reliability}${byId[sid].credibility})` : ""}</span>{" "}
              <button type="button" className="link-button" aria-label={`Remove ${byId[sid]?.title ?? "source"}`} onClick={() => onChange(value.filter((x) => x !== sid))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted" style={{ margin: 0 }}>
          No source cited.
        </p>
      )}
      <div className="picker-row">
        <label htmlFor={`${id}-q`} className="visually-hidden">
          Search your sources for {label.toLowerCase()}
        </label>
        <input id={`${id}-q`} type="search" placeholder="Search your sources to cite…" value={q} onChange={(e) => setQ(e.target.value)} />
        <button type="button" className="secondary" onClick={() => setAdding((x) => !x)} aria-expanded={adding}>
          {adding ? "Cancel new source" : "Add a new source"}
        </button>
      </div>
      {q.trim().length >= 2 && (
        <ul className="picker-results" aria-label="Matching sources">
          {results.length === 0 && <li className="muted">No source matches “{q}”.</li>}
          {results.map((s) => (
            <li key={s.id}>
              <button type="button" className="link-button" disabled={value.includes(s.id)} onClick={() => cite(s)}>
                {value.includes(s.id) ? "Cited" : "Cite"}
              </button>{" "}
              {s.title} <span className="muted">{s.publisher ? `· ${s.publisher} ` : ""}({s.reliability}{s.credibility})</span>
            </li>
          ))}
        </ul>
      )}
      {adding && (
        <NewSourceInline
          onCreated={(s) => {
            cite(s);
            setAdding(false);
          }}
        />
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function NewSourceInline({ onCreated }: { onCreated: (s: PickedSource) => void }) {
  const id = useId();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SourceInput>({ resolver: zodResolver(sourceInputSchema), defaultValues: emptySourceInput() });
  const save = handleSubmit(async (values) => {
    const res = await createSourceAction(values);
    if (res.ok) return onCreated(res.data);
    for (const [f, m] of Object.entries(res.fieldErrors ?? {})) if (m?.[0]) setError(f as keyof SourceInput, { message: m[0] });
    setFormError(res.message);
  });
  const field = (name: keyof SourceInput, text: string, input: React.ReactNode) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{text}</label>
      {input}
      <FieldError id={`${id}-${name}`} message={errors[name]?.message} />
    </div>
  );
  const a = (name: keyof SourceInput) => fieldProps(`${id}-${name}`, errors[name]);
  return (
    <div className="panel inline-source" role="group" aria-label="New source">
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <div className="grid-2">
        {field("title", "Source title", <input {...a("title")} {...register("title")} />)}
        {field("publisher", "Publisher", <input {...a("publisher")} {...register("publisher")} />)}
        {field("url", "Web address (optional)", <input {...a("url")} type="url" {...register("url")} />)}
        {field("unSymbol", "UN document symbol (optional)", <input {...a("unSymbol")} placeholder="S/RES/1593 (2005)" {...register("unSymbol")} />)}
        {field(
          "reliability",
          "Source reliability",
          <select {...a("reliability")} {...register("reliability")}>
            {RELIABILITY.map((r) => (
              <option key={r} value={r}>
                {RELIABILITY_LABELS[r]}
              </option>
            ))}
          </select>,
        )}
        {field(
          "credibility",
          "Information credibility",
          <select {...a("credibility")} {...register("credibility")}>
            {[1, 2, 3, 4, 5, 6].map((c) => (
              <option key={c} value={c}>
                {CREDIBILITY_LABELS[c]}
              </option>
            ))}
          </select>,
        )}
      </div>
      <button type="button" onClick={() => void save()} disabled={isSubmitting}>
        {isSubmitting ? "Adding…" : "Add source and cite it"}
      </button>
    </div>
  );
}
