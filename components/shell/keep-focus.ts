"use client";

/**
 * After an action's button has run it and the page is refreshing around it: if focus falls to the
 * page itself (the button was disabled while busy, or is gone from the refreshed page), put it back
 * on the button when it is there again, else on the page's main heading, so that a keyboard user
 * goes on from where they were instead of from the top. Watches for up to `ms` milliseconds (a
 * confirmation, the busy state and the refresh each take focus away in turn) and stops as soon as
 * focus is somewhere else.
 */
export function keepFocusAfterAction(button: HTMLElement | null, ms = 15_000) {
  if (!button) return;
  const until = performance.now() + ms;
  const check = () => {
    const active = document.activeElement;
    const lost = !active || active === document.body || active === document.documentElement;
    if (!lost && active !== button) return; // the user moved on
    if (lost && !button.isConnected) {
      const heading = document.querySelector<HTMLElement>("main h1");
      if (heading) {
        if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
        heading.focus();
      }
      return;
    }
    if (lost && !(button as HTMLButtonElement).disabled) button.focus();
    if (performance.now() < until) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}
