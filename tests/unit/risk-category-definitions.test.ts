// Our risk categories show what they mean where one is chosen (issue #27): the situation form shows
// the chosen category's definition under it, read out with the field.
import { describe, expect, it, vi } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { RISK_CATEGORY_DEFINITIONS, RISK_CATEGORY_ORDER } from "@/lib/labels";
import { emptySituationInput } from "@/lib/situations/schemas";

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: () => {}, refresh: () => {} }), usePathname: () => "/situations/new" }));
vi.mock("@/app/(app)/situations/actions", () => ({ createSituationAction: async () => ({ ok: true }), updateSituationAction: async () => ({ ok: true }) }));
vi.mock("@/app/(app)/sources/actions", () => ({ searchSourcesAction: async () => ({ ok: true, data: [] }) }));

describe("our risk categories' definitions", () => {
  it("has one for every category", () => {
    for (const c of RISK_CATEGORY_ORDER) expect(RISK_CATEGORY_DEFINITIONS[c].length).toBeGreaterThan(20);
  });

  it("shows the chosen category's definition under the situation form's field", async () => {
    const { SituationForm } = await import("@/components/situations/situation-form");
    const html = renderToStaticMarkup(
      createElement(SituationForm, { mode: "create", countries: [{ iso3: "SDN", name: "Sudan", region: "Africa" }], initial: { ...emptySituationInput(), riskCategory: "IMMINENT_RISK" } }),
    );
    expect(html).toMatch(/<select[^>]*aria-describedby="riskCategory-definition"[^>]*>/);
    expect(html).toContain(`<p id="riskCategory-definition" class="muted" style="margin-block:0.25rem 0;font-size:0.9rem">${RISK_CATEGORY_DEFINITIONS.IMMINENT_RISK}</p>`);
  });
});
