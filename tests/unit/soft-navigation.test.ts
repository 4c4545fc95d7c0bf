import { describe, expect, it } from "vitest";
import { softTarget } from "@/components/shell/soft-navigation";

const here = new URL("http://localhost:3000/situations?risk=CURRENT_CRISIS");
const click = { defaultPrevented: false, button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false };
const link = (attrs: Record<string, string>) => ({ getAttribute: (n: string) => attrs[n] ?? null, hasAttribute: (n: string) => n in attrs });

describe("softTarget: which plain links navigate within the app", () => {
  it("follows links to the app's pages, keeping query and fragment", () => {
    expect(softTarget(click, link({ href: "/situations/s1" }), here)).toBe("/situations/s1");
    expect(softTarget(click, link({ href: "/situations/s1?tab=indicators#factors" }), here)).toBe("/situations/s1?tab=indicators#factors");
    expect(softTarget(click, link({ href: "?risk=IMMINENT_RISK" }), here)).toBe("/situations?risk=IMMINENT_RISK");
    expect(softTarget(click, link({ href: "http://localhost:3000/sources/x", target: "_self" }), here)).toBe("/sources/x");
  });
  it("leaves downloads, files, other sites, new tabs and jumps within the page to the browser", () => {
    const cases: Record<string, string>[] = [
      { href: "/api/exports/events?format=csv" },
      { href: "/api/briefs/s1" },
      { href: "/maps/world.svg" },
      { href: "/situations/s1", download: "" },
      { href: "/situations/s1", target: "_blank" },
      { href: "https://example.org/report" },
      { href: "#content" },
      { href: "/situations?risk=CURRENT_CRISIS#top" },
      {},
    ];
    for (const attrs of cases) {
      expect(softTarget(click, link(attrs), here), JSON.stringify(attrs)).toBeNull();
    }
  });
  it("leaves clicks with a modifier key, other buttons, or already handled ones to the browser", () => {
    for (const change of [{ ctrlKey: true }, { metaKey: true }, { shiftKey: true }, { altKey: true }, { button: 1 }, { defaultPrevented: true }]) {
      expect(softTarget({ ...click, ...change }, link({ href: "/situations/s1" }), here)).toBeNull();
    }
  });
});
