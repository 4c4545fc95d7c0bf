import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createSituationAction, updateSituationAction } from "@/app/(app)/situations/actions";
import { emptySituationInput } from "@/lib/situations/schemas";
import { createEventAction } from "@/app/(app)/events/actions";
import { emptyEventInput } from "@/lib/events/schemas";
import { findStaleAssessments, recentActivity } from "@/lib/dashboard/queries";
import { assessmentIntervalAction } from "@/app/(app)/admin/actions";
import { actAs, createMember, createOrganisation } from "../support/fixtures";

describe("dashboard panels", () => {
  it("lists situations due for assessment by the organisation's interval, and recent activity with links", async () => {
    const org = await createOrganisation();
    const admin = await createMember(org.id, "ADMIN");
    await actAs(admin);
    expect(await assessmentIntervalAction({ days: 3 })).toMatchObject({ ok: false, fieldErrors: { days: ["At least 7 days."] } });
    expect(await assessmentIntervalAction({ days: 30 })).toMatchObject({ ok: true });
    const me = await createMember(org.id, "ANALYST");
    await actAs(me);
    const mk = async (title: string) => {
      const r = await createSituationAction({ ...emptySituationInput(), countryIso3: "HTI", title });
      if (!r.ok) throw new Error(r.message);
      return r.data.id;
    };
    const never = await mk("Never assessed");
    const old = await mk("Assessed long ago");
    const fresh = await mk("Assessed last week");
    await db.situation.update({ where: { id: old }, data: { lastAssessedAt: new Date(Date.now() - 90 * 86400_000) } });
    await db.situation.update({ where: { id: fresh }, data: { lastAssessedAt: new Date(Date.now() - 7 * 86400_000) } });
    const m = { organisationId: org.id, organisationName: org.name, role: "ANALYST" as const };
    const stale = await findStaleAssessments(m);
    expect(stale.intervalDays).toBe(30);
    expect(stale.rows.map((r) => r.id)).toEqual([never, old]);

    await updateSituationAction({ ...emptySituationInput(), countryIso3: "HTI", title: "Renamed", id: never, version: 1 });
    const activity = await recentActivity(m);
    expect(activity[0]).toMatchObject({ what: "edited situation", title: "Renamed", href: `/situations/${never}?tab=history`, who: "ANALYST user" });
    expect(activity).toHaveLength(4);

    // Events recorded by hand are activity too: listed under their situation, or under the event log when they have none.
    const inSituation = await createEventAction({ data: { ...emptyEventInput(), eventDate: "2026-10-01", eventType: "Battles", situationId: never, countryIso3: "HTI" } });
    const loose = await createEventAction({ data: { ...emptyEventInput(), eventDate: "2026-10-02", eventType: "Riots", countryIso3: "HTI" } });
    if (!inSituation.ok || !loose.ok) throw new Error("event not recorded");
    const later = await recentActivity(m);
    expect(later[0]).toMatchObject({ what: "recorded an event", title: "in the event log", href: `/events/${loose.data.id}` });
    expect(later[1]).toMatchObject({ what: "recorded an event", title: "Renamed", href: `/events/${inSituation.data.id}` });
  });
});
