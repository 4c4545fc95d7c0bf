import { describe, expect, it } from "vitest";
import { listVisibleSituations } from "@/lib/situations/queries";
import { dashboardOverview } from "@/lib/dashboard/overview";
import { createMember, createOrganisation, createSituation } from "../support/fixtures";

describe("which situations a member sees", () => {
  it("own organisation's and coalition-shared ones; never another's private or archived ones", async () => {
    const mine = await createOrganisation();
    const other = await createOrganisation();
    const me = await createMember(mine.id, "VIEWER");
    const them = await createMember(other.id, "ANALYST");
    const own = await createSituation(mine.id, me.id, { title: "Own private" });
    const shared = await createSituation(other.id, them.id, { title: "Their shared", visibility: "COALITION" });
    await createSituation(other.id, them.id, { title: "Their private" });
    await createSituation(mine.id, me.id, { title: "Own archived", archivedAt: new Date() });

    const seen = await listVisibleSituations({ organisationId: mine.id, organisationName: mine.name, role: "VIEWER" });
    expect(seen.map((s) => s.title).sort()).toEqual([own.title, shared.title].sort());

    // The dashboard's counts by risk category.
    const counts = (await dashboardOverview({ organisationId: mine.id, organisationName: mine.name, role: "VIEWER" }, 30)).riskCounts;
    expect(counts.MONITORING).toBe(2);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(2);
  });
});
