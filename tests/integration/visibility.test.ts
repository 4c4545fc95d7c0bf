import { describe, expect, it } from "vitest";
import { listFilterOptions, listVisibleSituations, recentlyUpdatedSituations } from "@/lib/situations/queries";
import { db } from "@/lib/db";
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
    // The dashboard's "recently updated": the same situations, last updated first.
    await db.situation.update({ where: { id: own.id }, data: { updatedAt: new Date(Date.now() + 60_000) } });
    const recent = await recentlyUpdatedSituations({ organisationId: mine.id, organisationName: mine.name, role: "VIEWER" }, 5);
    expect(recent.map((s) => s.title)).toEqual([own.title, shared.title]);
    // Each with its country and last editor, as stored.
    expect(recent).toEqual(
      await db.situation.findMany({
        where: { id: { in: [own.id, shared.id] } },
        orderBy: { updatedAt: "desc" },
        select: { id: true, title: true, riskCategory: true, updatedAt: true, country: { select: { name: true } }, updatedBy: { select: { name: true } } },
      }),
    );
    expect((await recentlyUpdatedSituations({ organisationId: mine.id, organisationName: mine.name, role: "VIEWER" }, 1)).map((s) => s.title)).toEqual([own.title]);

    // The list's filter choices: the organisations and regions of those situations only.
    const third = await createOrganisation();
    const theirs = await createMember(third.id, "ANALYST");
    await createSituation(third.id, theirs.id, { title: "Third's private", countryIso3: "FJI" });
    const options = await listFilterOptions({ organisationId: mine.id, organisationName: mine.name, role: "VIEWER" });
    expect(options.orgs).toEqual([mine, other].map((o) => ({ id: o.id, name: o.name })).sort((a, b) => a.name.localeCompare(b.name)));
    const regions = await db.country.findMany({ where: { situations: { some: { id: { in: [own.id, shared.id] } } } }, select: { region: true } });
    expect(options.regions).toEqual([...new Set(regions.map((r) => r.region))].sort());

    // The dashboard's counts by risk category.
    const counts = (await dashboardOverview({ organisationId: mine.id, organisationName: mine.name, role: "VIEWER" }, 30)).riskCounts;
    expect(counts.MONITORING).toBe(2);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(2);
  });
});
