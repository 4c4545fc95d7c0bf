"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { hasUnsavedChanges, LEAVE_PROMPT } from "./unsaved-changes";

/** Where a click on this link should go without reloading the page, or null to let the browser follow it. */
export function softTarget(event: Pick<MouseEvent, "defaultPrevented" | "button" | "metaKey" | "ctrlKey" | "shiftKey" | "altKey">, link: Pick<Element, "getAttribute" | "hasAttribute">, here: URL): string | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const href = link.getAttribute("href");
  if (!href || href.startsWith("#") || link.hasAttribute("download")) return null;
  const target = link.getAttribute("target");
  if (target && target !== "_self") return null;
  const url = new URL(href, here);
  if (url.origin !== here.origin) return null;
  // Files and downloads (exports, briefs, attachments, map images) are not pages.
  if (/^\/(api|_next|maps)\//.test(url.pathname)) return null;
  // A jump within this page is the browser's.
  if (url.hash && url.pathname === here.pathname && url.search === here.search) return null;
  return url.pathname + url.search + url.hash;
}

/**
 * Plain links (<a href>) navigate within the app as next/link's do, without reloading the page:
 * long lists and tables are written as plain markup (lib/markup.ts, or <a> rather than <Link>,
 * which costs a client component per link on the server), and this one listener serves them all.
 */
export function SoftNavigation() {
  const router = useRouter();
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!link) return;
      const to = softTarget(event, link, new URL(window.location.href));
      if (to === null) return;
      event.preventDefault();
      router.push(to);
    };
    // Before any link within the app is followed (plain or next/link, whose own listener comes
    // later): a form with changes not yet saved asks first, and the click is dropped if not confirmed.
    const onClickFirst = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!link || !hasUnsavedChanges() || softTarget(event, link, new URL(window.location.href)) === null) return;
      if (window.confirm(LEAVE_PROMPT)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    document.addEventListener("click", onClickFirst, true);
    document.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("click", onClickFirst, true);
      document.removeEventListener("click", onClick);
    };
  }, [router]);
  return null;
}
