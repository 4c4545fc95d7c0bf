"use client";

import { useEffect } from "react";

/** The forms on the page that hold changes not yet saved. */
const unsaved = new Set<symbol>();

export const LEAVE_PROMPT = "You have changes that are not saved. Leave this page and lose them?";

/** Whether a form on the page holds changes not yet saved (read by SoftNavigation before following a link). */
export function hasUnsavedChanges(): boolean {
  return unsaved.size > 0;
}

/**
 * While `dirty`, leaving the page asks first: on reload or closing the tab (the browser's own
 * prompt), and on a link within the app (SoftNavigation asks with LEAVE_PROMPT).
 */
export function useUnsavedChangesWarning(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const key = Symbol("unsaved form");
    unsaved.add(key);
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => {
      unsaved.delete(key);
      window.removeEventListener("beforeunload", warn);
    };
  }, [dirty]);
}
