// The indicators catalogue says, for each of the Framework's indicators, which text its wording was
// checked against, or that it was not (issue #27); an organisation's own indicators carry none.
import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import IndicatorsPage from "@/app/(app)/indicators/page";
import { db } from "@/lib/db";
import { actAs, createMember, createOrganisation } from "../support/fixtures";

describe("the catalogue's provenance", () => {
  it("shows each indicator's provenance where it is listed", async () => {
    const org = await createOrganisation();
    const viewer = await createMember(org.id, "VIEWER");
    await db.indicator.create({ data: { key: `own:${org.id}:3.99`, code: "3.99", riskFactorNumber: 3, position: 999, text: "An indicator only this organisation uses.", organisationId: org.id } });
    await actAs(viewer);
    const html = renderToStaticMarkup(await IndicatorsPage({ searchParams: Promise.resolve({}) }));
    const text = html.replace(/<[^>]+>/g, " ").replace(/&#x27;|&#39;/g, "'").replace(/\s+/g, " ");
    expect(text).toMatch(/Provenance: the wording of \d+ of the Framework's \d+ indicators has been checked against its text; \d+ have not been checked yet/);
    expect(text).toContain("11.1 Recurring patterns of violence against civilians or an identifiable group, including against their property, livelihoods and cultural or religious symbols. Not yet checked against the Framework's text (UN document A/70/741–S/2016/71).");
    expect(text).toContain("8.12 Steps in accountability processes, especially when they are seen as unfair. Checked on 2026-12-04 against the Framework's wording as quoted by the West Papua Genocide Monitor");
    expect(text).toContain("13.1 Parties to the conflict are splintering, or their chains of command are breaking down or missing. Checked on 2026-12-02 against a third-party copy of the Framework's text, and again on 2026-12-04 against its wording as quoted by the West Papua Genocide Monitor (thewestpapuagenocidemonitor.org, its page on risk factor 13).");
    expect(text).toContain("13.6 Measures that severely cut the rights of people protected by humanitarian law, including those aligned, or seen as aligned, with the other side who are not taking an active part in the fighting. Checked on 2026-12-02");
    expect(text).toContain("13.10 Planning, development, production, stockpiling, acquisition, availability or transfer of weapons banned under international law. Checked on 2026-12-02 against a third-party copy of the Framework's text.");
    // The organisation's own indicator: no provenance line.
    expect(text).toMatch(/An indicator only this organisation uses\. our indicator (?!Checked|Not yet|Its number)/);
  });
});
