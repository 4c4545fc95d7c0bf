"use client";

// Rating every indicator of a round, fast and by keyboard: in a row, keys 0-3 set None, Present,
// Significant, Severe and move to the next indicator; Tab reaches trend, confidence and evidence.
// Scores and the indicators driving them update as you rate.
import { useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Controller, useForm, useWatch, type Control } from "react-hook-form";
import { discardRoundAction, publishRoundAction, saveRoundAction } from "@/app/(app)/indicators/actions";
import { CONFIDENCES, LEVELS, TRENDS, saveRoundSchema, type SaveRoundInput } from "@/lib/indicators/schemas";
import { mergeRound, roundChanges, type RatingValues, type RoundFormValues, type RoundItem, type RoundValues, type SavedRound } from "@/lib/indicators/round-merge";
import { scoreRound, type IndicatorInput, type Level } from "@/lib/indicators/score";
import { indicatorName } from "@/lib/indicators/score-text";
import { CONFIDENCE_LABELS, RATING_LEVEL_LABELS, TREND_LABELS } from "@/lib/labels";
import { FieldError, fieldProps } from "@/components/ui/form-field";
import { useUnsavedChangesWarning } from "@/components/shell/unsaved-changes";
import { keepFocusAfterAction } from "@/components/shell/keep-focus";
import { SourcePicker, type PickedSource } from "@/components/sources/source-picker";
import { ConflictPanel } from "@/components/ui/conflict-panel";
import { KEEP_MINE_NOTICE, mergedNotice, type SavedVersion } from "@/components/ui/use-merge-on-conflict";
import { ScoreSummary } from "./score-summary";

export interface FormRating {
  /** "" (or null, as the form reads an unchecked radio group) when not rated yet. */
  level: Level | "" | null;
  trend: "" | (typeof TRENDS)[number];
  confidence: "" | (typeof CONFIDENCES)[number];
  evidence: string;
  sourceIds: string[];
}
interface FormValues {
  assessedOn: string;
  summary: string;
  r: Record<string, FormRating>;
}
export interface FormIndicator {
  id: string;
  code: string;
  text: string;
  factor: number;
  retired: boolean;
  own: boolean;
}

interface Props {
  situationId: string;
  round: { id: string; version: number; assessedOn: string; summary: string };
  factors: readonly { number: number; title: string }[];
  indicators: FormIndicator[];
  ratings: Record<string, FormRating>;
  previous: { date: string; levels: Record<string, Level> } | null;
  sources: PickedSource[];
  today: string;
  /** The organisation's minimum coverage (percent) for a score to count (Organisation.minScoreCoverage). */
  minCoverage: number;
}

/** What is asked before publishing: a round with indicators not assessed says how many, and that its scores rest on the others. */
export function publishPrompt(unrated: number, active: number): string {
  const gap = unrated > 0 ? ` ${unrated} of ${active} indicators are not assessed: the scores rest on the ${active - unrated} assessed, and each score shows its coverage.` : "";
  return `Publish this round?${gap} Once published it cannot change; corrections make a new round.`;
}

/** How many of the indicators in use (not retired) are rated: the progress shown and the count asked about before publishing. */
function ratedOf(indicators: FormIndicator[], ratings: FormValues["r"]): { rated: number; total: number } {
  const active = indicators.filter((i) => !i.retired);
  return { rated: active.filter((i) => ratings[i.id]?.level).length, total: active.length };
}

const blank = (): FormRating => ({ level: "", trend: "", confidence: "", evidence: "", sourceIds: [] });
const formRating = (r: RatingValues | undefined): FormRating => (r ? { level: r.level, trend: r.trend, confidence: r.confidence, evidence: r.evidence, sourceIds: r.sourceIds } : blank());
const roundOf = (v: FormValues): RoundFormValues => ({ assessedOn: v.assessedOn, summary: v.summary, ratings: v.r });
const savedOf = (v: RoundValues): RoundFormValues => ({ assessedOn: v.assessedOn, summary: v.summary, ratings: v.ratings });

/** What a save sends: only what the form changed since the version it is based on (a rating left out stays as saved). */
function toInput(id: string, version: number, base: RoundFormValues, v: FormValues): SaveRoundInput {
  return { id, version, ...roundChanges(base, roundOf(v)) };
}

const FIELD_LABELS = { assessedOn: "Date of the assessment", summary: "Summary of this round" } as const;

/** How the comparison with someone else's save names a field or an indicator: an indicator with its risk factor's name ("Indicator 2.1 (Record of serious violations)"), not its code alone. */
export function roundItemLabel(item: RoundItem, indicators: readonly { id: string; code: string; factor: number }[]): string {
  if ("field" in item) return FIELD_LABELS[item.field];
  const i = indicators.find((x) => x.id === item.indicatorId);
  return i ? `Indicator ${indicatorName(i.code, i.factor)}` : "An indicator added after you opened this page";
}

/** A rating as the comparison of two versions shows it, in a sentence. */
function describeRating(r: RatingValues | undefined): string {
  if (!r) return "Not rated";
  const words = [RATING_LEVEL_LABELS[r.level], r.trend && TREND_LABELS[r.trend].toLowerCase(), r.confidence && `${CONFIDENCE_LABELS[r.confidence].toLowerCase()} confidence`].filter(Boolean);
  const evidence = r.evidence ? ` Evidence: ${r.evidence.length > 200 ? `${r.evidence.slice(0, 200)}…` : r.evidence}` : " No evidence written.";
  const sources = r.sourceIds.length === 1 ? " 1 source cited." : ` ${r.sourceIds.length} sources cited.`;
  return `${words.join(", ")}.${evidence}${sources}`;
}

export function RoundForm(props: Props) {
  const router = useRouter();
  const [version, setVersion] = useState(props.round.version);
  const [formError, setFormError] = useState<string | null>(null);
  // What someone else saved meanwhile: their changes to what this form left alone are taken in, the indicators and fields both changed are compared.
  const [conflict, setConflict] = useState<{ saved: SavedVersion<SavedRound>; taken: string[]; items: RoundItem[] } | null>(null);
  const [sources, setSources] = useState(props.sources);
  const [status, setStatus] = useState<string>("");
  const [busy, setBusy] = useState<null | "save" | "publish" | "discard">(null);
  const defaultValues = useMemo<FormValues>(
    () => ({
      assessedOn: props.round.assessedOn,
      summary: props.round.summary,
      r: Object.fromEntries(props.indicators.map((i) => [i.id, props.ratings[i.id] ?? blank()])),
    }),
    [props.indicators, props.ratings, props.round.assessedOn, props.round.summary],
  );
  const { register, control, handleSubmit, setValue, getValues, reset, setError, formState } = useForm<FormValues>({ defaultValues });
  // What the form's values are based on: the draft as opened, then as saved or as merged with someone else's save.
  const [base, setBase] = useState<RoundFormValues>(() => roundOf(defaultValues));
  const { errors, isDirty } = formState;
  const rows = useRef<HTMLFieldSetElement[]>([]);

  useUnsavedChangesWarning(isDirty);

  const visible = props.indicators.filter((i) => !i.retired || props.ratings[i.id]);
  const label = (item: RoundItem) => roundItemLabel(item, props.indicators);

  /** Takes what someone else saved into the form where this form left it alone; true when nothing is left to decide. */
  function merge(values: FormValues, saved: SavedVersion<SavedRound>): boolean {
    const m = mergeRound(base, roundOf(values), saved.values);
    for (const item of m.take) {
      if ("field" in item) {
        setValue(item.field, saved.values[item.field], { shouldDirty: true });
        continue;
      }
      const r = formRating(saved.values.ratings[item.indicatorId]);
      for (const key of ["level", "trend", "confidence", "evidence", "sourceIds"] as const) setValue(`r.${item.indicatorId}.${key}`, r[key], { shouldDirty: true });
    }
    const known = new Set(sources.map((x) => x.id));
    if (saved.values.sources.some((x) => !known.has(x.id))) setSources([...sources, ...saved.values.sources.filter((x) => !known.has(x.id))]);
    setConflict({ saved, taken: m.take.map(label), items: m.conflicts });
    if (m.conflicts.length > 0) return false;
    // Nothing to decide: the form holds both sets of changes and saves on the version it was merged with.
    setVersion(saved.version);
    setBase(savedOf(saved.values));
    setFormError(mergedNotice(saved.updatedBy));
    return true;
  }

  async function save(values: FormValues, atVersion: number): Promise<number | null> {
    setFormError(null);
    setConflict(null);
    const input = toInput(props.round.id, atVersion, base, values);
    const parsed = saveRoundSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [head, n, field] = issue.path;
        if (head === "ratings" && typeof n === "number") setError(`r.${input.ratings[n].indicatorId}.${String(field ?? "level")}` as `r.${string}.level`, { message: issue.message });
        else if (head === "assessedOn" || head === "summary") setError(head, { message: issue.message });
      }
      setFormError("Some fields need attention: see the messages next to them.");
      return null;
    }
    const res = await saveRoundAction(input);
    if (res.ok) {
      setVersion(res.data.version);
      setBase(roundOf(values));
      reset(values);
      setStatus(`Draft saved at ${new Date().toISOString().slice(11, 19)} UTC.`);
      return res.data.version;
    }
    if (res.code === "CONFLICT" && res.current && merge(values, res.current as SavedVersion<SavedRound>)) return null;
    for (const [key, messages] of Object.entries(res.fieldErrors ?? {})) {
      const m = /^ratings\.(\d+)/.exec(key);
      if (m) setError(`r.${input.ratings[Number(m[1])].indicatorId}.level`, { message: messages[0] });
      else if (key === "assessedOn" || key === "summary") setError(key, { message: messages[0] });
      else setFormError(messages[0]);
    }
    setFormError((e) => e ?? res.message);
    return null;
  }

  const onSave = handleSubmit(async (values) => {
    setBusy("save");
    await save(values, version);
    setBusy(null);
  });

  async function onPublish() {
    const { rated, total } = ratedOf(props.indicators, getValues().r);
    if (!window.confirm(publishPrompt(total - rated, total))) return;
    setBusy("publish");
    let v: number | null = version;
    if (isDirty) v = await save(getValues(), version);
    if (v !== null) {
      const res = await publishRoundAction({ id: props.round.id, version: v });
      if (res.ok) {
        reset(getValues());
        router.refresh();
        setBusy(null);
        return;
      }
      setFormError(res.message);
    }
    setBusy(null);
  }

  async function onDiscard() {
    if (!window.confirm("Discard this draft round and all its ratings? Published rounds are not affected.")) return;
    setBusy("discard");
    const res = await discardRoundAction({ id: props.round.id, version });
    setBusy(null);
    if (!res.ok) return setFormError(res.message);
    reset(getValues());
    router.push(`/situations/${props.situationId}?tab=indicators`);
    router.refresh();
  }

  function rate(index: number, id: string, level: Level) {
    setValue(`r.${id}.level`, level, { shouldDirty: true });
    const next = rows.current[index + 1];
    if (next) (next.querySelector<HTMLInputElement>("input:checked") ?? next.querySelector<HTMLInputElement>("input"))?.focus();
  }

  return (
    <form onSubmit={onSave} noValidate aria-label="Rate the indicators of this round">
      <div className="grid-2">
        <div className="field">
          <label htmlFor="assessedOn">Date of the assessment</label>
          <input type="date" max={props.today} {...fieldProps("assessedOn", errors.assessedOn)} {...register("assessedOn")} />
          <FieldError id="assessedOn" message={errors.assessedOn?.message} />
        </div>
        <div className="field">
          <label htmlFor="summary">Summary of this round (optional)</label>
          <textarea rows={2} {...fieldProps("summary", errors.summary)} {...register("summary")} />
          <FieldError id="summary" message={errors.summary?.message} />
        </div>
      </div>
      <p className="muted">
        Keyboard: on an indicator, press <kbd>0</kbd> None, <kbd>1</kbd> Present, <kbd>2</kbd> Significant, <kbd>3</kbd> Severe; focus moves to the next
        indicator. Arrow keys also change the rating; <kbd>Tab</kbd> reaches trend, confidence and evidence. &ldquo;Not assessed&rdquo; is not None: an
        indicator not assessed is left out of the scores, and each score says how many indicators it rests on.
        {props.previous && ` Ratings start from the round of ${props.previous.date}.`}
      </p>

      <div className="round-layout">
        <div>
          {props.factors.map((f) => {
            const inFactor = visible.filter((i) => i.factor === f.number);
            return (
              <section key={f.number} id={`factor-${f.number}`} aria-labelledby={`factor-${f.number}-title`} className="rating-factor">
                <h2 id={`factor-${f.number}-title`}>
                  Risk factor {f.number}: {f.title}
                </h2>
                {inFactor.map((i) => {
                  const index = visible.indexOf(i);
                  const e = errors.r?.[i.id];
                  const prev = props.previous?.levels[i.id];
                  return (
                    <fieldset
                      key={i.id}
                      className="rating-row"
                      ref={(el) => {
                        if (el) rows.current[index] = el;
                      }}
                      onKeyDown={(ev) => {
                        const n = "0123".indexOf(ev.key);
                        if (n < 0 || !(ev.target instanceof HTMLInputElement) || ev.target.type !== "radio") return;
                        ev.preventDefault();
                        rate(index, i.id, LEVELS[n]);
                      }}
                    >
                      <legend>
                        <span className="code">{i.code}</span> {i.text}
                        {i.own ? <span className="badge neutral">our indicator</span> : null}
                        {i.retired ? <span className="badge neutral">retired</span> : null}
                      </legend>
                      <div className="rating-controls">
                        <div className="levels" role="radiogroup" aria-label={`Rating of ${i.code}`} {...(e?.level ? { "aria-describedby": `r-${i.id}-level-error` } : {})}>
                          <label className="level-option opt-NOT_ASSESSED">
                            <input type="radio" value="" {...register(`r.${i.id}.level`)} />
                            Not assessed
                          </label>
                          {LEVELS.map((l) => (
                            <label key={l} className={`level-option opt-${l}`}>
                              <input type="radio" value={l} {...register(`r.${i.id}.level`)} />
                              {RATING_LEVEL_LABELS[l]}
                            </label>
                          ))}
                        </div>
                        <label className="inline-label">
                          <span className="visually-hidden">Trend of {i.code}</span>
                          <select {...register(`r.${i.id}.trend`)} aria-label={`Trend of ${i.code}`}>
                            <option value="">Trend…</option>
                            {TRENDS.map((t) => (
                              <option key={t} value={t}>
                                {TREND_LABELS[t]}
                              </option>
                            ))}
                          </select>
                        </label>
                        <label className="inline-label">
                          <span className="visually-hidden">Confidence in {i.code}</span>
                          <select {...register(`r.${i.id}.confidence`)} aria-label={`Confidence in ${i.code}`}>
                            <option value="">Confidence…</option>
                            {CONFIDENCES.map((c) => (
                              <option key={c} value={c}>
                                {CONFIDENCE_LABELS[c]} confidence
                              </option>
                            ))}
                          </select>
                        </label>
                        {prev && <span className="muted small">Last round: {RATING_LEVEL_LABELS[prev]}</span>}
                      </div>
                      <FieldError id={`r-${i.id}-level`} message={e?.level?.message} />
                      <Evidence control={control} id={i.id} code={i.code} sources={sources} register={register} error={e?.evidence?.message} />
                    </fieldset>
                  );
                })}
              </section>
            );
          })}
        </div>
        <aside className="round-side" aria-label="Progress and scores">
          <LiveProgress control={control} indicators={visible} factors={props.factors} />
          <div className="actions-row">
            <button type="submit" disabled={busy !== null} onClick={(e) => keepFocusAfterAction(e.currentTarget)}>
              {busy === "save" ? "Saving…" : "Save draft"}
            </button>
            <button
              type="button"
              onClick={(e) => {
                keepFocusAfterAction(e.currentTarget);
                void onPublish();
              }}
              disabled={busy !== null}
            >
              {busy === "publish" ? "Publishing…" : "Publish round"}
            </button>
            <button type="button" className="secondary" onClick={onDiscard} disabled={busy !== null}>
              Discard draft
            </button>
          </div>
          <p role="status" className="muted">
            {isDirty ? "You have unsaved changes." : status}
          </p>
          {formError && (
            <div role="alert" className="form-error">
              {formError}
            </div>
          )}
          {conflict && (
            <ConflictPanel
              updatedBy={conflict.saved.updatedBy}
              updatedAt={conflict.saved.updatedAt}
              taken={conflict.taken}
              rows={conflict.items.map((item) => {
                const mine = getValues();
                const theirs = conflict.saved.values;
                if ("field" in item) return { label: label(item), saved: theirs[item.field] || "(empty)", yours: mine[item.field] || "(empty)" };
                const own = mine.r[item.indicatorId];
                return { label: label(item), saved: describeRating(theirs.ratings[item.indicatorId]), yours: describeRating(own?.level ? (own as RatingValues) : undefined) };
              })}
              onKeepMine={() => {
                setVersion(conflict.saved.version);
                setBase(savedOf(conflict.saved.values));
                setConflict(null);
                setFormError(KEEP_MINE_NOTICE);
              }}
            />
          )}
          <LiveScores control={control} indicators={visible} minCoverage={props.minCoverage} />
        </aside>
      </div>
    </form>
  );
}

function Evidence({ control, id, code, sources, register, error }: { control: Control<FormValues>; id: string; code: string; sources: PickedSource[]; register: ReturnType<typeof useForm<FormValues>>["register"]; error?: string }) {
  const [open, setOpen] = useState(false);
  const evidence = useWatch({ control, name: `r.${id}.evidence` });
  const sourceIds = useWatch({ control, name: `r.${id}.sourceIds` });
  const fid = `r-${id}-evidence`;
  return (
    <details className="evidence" open={open || !!error} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>
        Evidence and sources{evidence || sourceIds.length ? ` (${evidence ? "written" : "none written"}, ${sourceIds.length} source${sourceIds.length === 1 ? "" : "s"})` : ""}
      </summary>
      {(open || !!error) && (
        <>
          <div className="field">
            <label htmlFor={fid}>Evidence for {code}</label>
            <textarea id={fid} rows={3} {...register(`r.${id}.evidence`)} aria-invalid={error ? "true" : "false"} aria-describedby={error ? `${fid}-error` : undefined} />
            <FieldError id={fid} message={error} />
          </div>
          <Controller control={control} name={`r.${id}.sourceIds`} render={({ field }) => <SourcePicker key={sources.length} label={`Sources for ${code}`} value={field.value} onChange={field.onChange} known={sources} />} />
        </>
      )}
    </details>
  );
}

function useScores(control: Control<FormValues>, indicators: FormIndicator[], minCoverage: number) {
  const r = useWatch({ control, name: "r" });
  return useMemo(() => {
    const input: IndicatorInput[] = indicators.map((i) => ({ id: i.id, code: i.code, factor: i.factor, retired: i.retired }));
    const ratings = Object.entries(r)
      .filter(([, v]) => !!v.level)
      .map(([indicatorId, v]) => ({ indicatorId, level: v.level as Level }));
    return { scores: scoreRound(input, ratings, { minCoverage }), r };
  }, [r, indicators, minCoverage]);
}

function LiveProgress({ control, indicators, factors }: { control: Control<FormValues>; indicators: FormIndicator[]; factors: readonly { number: number; title: string }[] }) {
  const r = useWatch({ control, name: "r" });
  const active = indicators.filter((i) => !i.retired);
  const { rated, total } = ratedOf(indicators, r);
  return (
    <div className="panel">
      <p style={{ margin: 0 }}>
        <strong data-testid="rated-count">
          Rated {rated} of {total}
        </strong>
      </p>
      <progress max={total} value={rated} aria-label="Indicators rated" style={{ width: "100%" }} />
      <nav aria-label="Jump to a risk factor">
        <ul className="factor-jumps">
          {factors.map((f) => {
            const inF = active.filter((i) => i.factor === f.number);
            const done = inF.filter((i) => r[i.id]?.level).length;
            return (
              <li key={f.number}>
                <a href={`#factor-${f.number}`} title={f.title} onClick={() => requestAnimationFrame(() => focusFactor(f.number))}>
                  {/* A number for the eye, with the title on hover; the risk factor's title for screen readers. */}
                  <span aria-hidden="true">
                    {f.number}
                    <span className="muted small">
                      {" "}
                      {done}/{inF.length}
                    </span>
                  </span>
                  <span className="visually-hidden">{`${f.number}. ${f.title}: ${done} of ${inF.length} rated`}</span>
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
    </div>
  );
}

/** After a jump to a risk factor, its first indicator's rating has the focus, so the keys 0-3 rate at once. */
function focusFactor(factor: number) {
  const row = document.getElementById(`factor-${factor}`)?.querySelector("fieldset");
  const input = row?.querySelector<HTMLInputElement>("input[type=radio]:checked") ?? row?.querySelector<HTMLInputElement>("input[type=radio]");
  input?.focus();
}

function LiveScores({ control, indicators, minCoverage }: { control: Control<FormValues>; indicators: FormIndicator[]; minCoverage: number }) {
  const { scores } = useScores(control, indicators, minCoverage);
  const text = useMemo(() => Object.fromEntries(indicators.map((i) => [i.id, i.text])), [indicators]);
  return <ScoreSummary scores={scores} text={text} heading="h3" />;
}
