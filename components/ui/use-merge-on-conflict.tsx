"use client";
// A form's side of "someone saved this after you opened it" (lib/forms/merge.ts): the version the
// next save checks, what the form's values are based on, and the conflict panel. Their changes to
// fields left alone go into the form; fields both changed are listed to decide.
import { useState } from "react";
import type { FieldValues, Path, PathValue, UseFormSetValue } from "react-hook-form";
import { mergeFields } from "@/lib/forms/merge";
import { ConflictPanel } from "./conflict-panel";

/** What the form says when the other person's changes were all to fields left alone. */
export const mergedNotice = (updatedBy: string) => `${updatedBy} saved changes to other fields meanwhile: they are now in the form, beside yours. Press Save to save both.`;
/** What the form says after "Keep my version of these fields". */
export const KEEP_MINE_NOTICE = "Your version of the fields above will replace theirs when you press Save; their other changes stay.";

/** What a refused save says is saved now (the `current` of the action's CONFLICT result). */
export interface SavedVersion<T> {
  version: number;
  updatedAt: string;
  updatedBy: string;
  values: T;
}

export function useMergeOnConflict<T extends FieldValues>(opts: {
  initial: T;
  version: number;
  setValue: UseFormSetValue<T>;
  setFormError: (message: string | null) => void;
  label: (field: keyof T) => string;
  /** A value as the comparison shows it (an empty text or nothing shows as "(empty)" without asking). */
  describe: (field: keyof T, value: unknown) => string;
}) {
  const show = (f: keyof T, v: unknown) => (v === "" || v === null || v === undefined ? "(empty)" : opts.describe(f, v));
  const [version, setVersion] = useState(opts.version);
  const [base, setBase] = useState(opts.initial);
  const [conflict, setConflict] = useState<{ saved: SavedVersion<T>; taken: string[]; fields: (keyof T)[] } | null>(null);

  /** Merges what is saved now into the form; true when nothing is left to decide (the form says to save again). */
  const merge = (values: T, saved: SavedVersion<T>): boolean => {
    const m = mergeFields(base, values, saved.values);
    for (const f of m.take) opts.setValue(f as Path<T>, saved.values[f] as PathValue<T, Path<T>>, { shouldDirty: true });
    setConflict({ saved, taken: m.take.map(opts.label), fields: m.conflicts });
    if (m.conflicts.length > 0) return false;
    setVersion(saved.version);
    setBase(saved.values);
    opts.setFormError(mergedNotice(saved.updatedBy));
    return true;
  };

  const panel = (mine: T) =>
    conflict && (
      <ConflictPanel
        updatedBy={conflict.saved.updatedBy}
        updatedAt={conflict.saved.updatedAt}
        taken={conflict.taken}
        rows={conflict.fields.map((f) => ({ label: opts.label(f), saved: show(f, conflict.saved.values[f]), yours: show(f, mine[f]) }))}
        onKeepMine={() => {
          setVersion(conflict.saved.version);
          setBase(conflict.saved.values);
          setConflict(null);
          opts.setFormError(KEEP_MINE_NOTICE);
        }}
      />
    );

  return { version, merge, panel };
}
