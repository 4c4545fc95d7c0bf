import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createSituationAction, updateSituationAction } from "@/app/(app)/situations/actions";
import { emptySituationInput } from "@/lib/situations/schemas";
import { createEventAction } from "@/app/(app)/events/actions";
import { emptyEventInput } from "@/lib/events/schemas";
import { findStaleAssessments, recentActivity } from "@/lib/dashboard/queries";
import { assessmentIntervalAction } from "@/app/(app)/admin/actions";
import { publishRoundAction, rescoreRoundAction, saveRoundAction, startRoundAction } from "@/app/(app)/indicators/actions";
import { dashboardOverview } from "@/lib/dashboard/overview";
import { Prisma } from "@/lib/generated/prisma/client";
import { scoreRoundV1, toScoringInput } from "@/lib/indicators/score";
import { actAs, createMember, createOrganisation, createSituation, ok } from "../support/fixtures";

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

  it("shows a published round's figures as re-scored, not as first read (each server process keeps the figures it has read)", async () => {
    const org = await createOrganisation();
    const admin = await createMember(org.id, "ADMIN");
    const s = await createSituation(org.id, admin.id, { title: "Re-scored on the dashboard" });
    await actAs(admin);
    const i11 = await db.indicator.findFirstOrThrow({ where: { code: "1.1", organisationId: null } });
    const r = await ok(startRoundAction({ situationId: s.id, assessedOn: "2026-01-01" }));
    await ok(saveRoundAction({ id: r.id, version: 1, assessedOn: "2026-01-01", summary: "", ratings: [{ indicatorId: i11.id, level: "SEVERE", trend: "", confidence: "", evidence: "", sourceIds: [] }] }));
    const published = await ok(publishRoundAction({ id: r.id, version: 2 }));
    // As a round published before method 2 was: method 1's figures (0.9 overall).
    const indicators = await db.indicator.findMany({ where: { organisationId: null }, select: { id: true, code: true, riskFactorNumber: true, retiredAt: true } });
    const v1 = scoreRoundV1(indicators.map(toScoringInput), [{ indicatorId: i11.id, level: "SEVERE" }]);
    await db.assessment.update({ where: { id: r.id }, data: { scores: v1 as unknown as Prisma.InputJsonValue, overallScore: v1.overall.score, methodVersion: 1 } });
    const m = { organisationId: org.id, organisationName: org.name, role: "ADMIN" as const };
    expect((await dashboardOverview(m, 30)).latest.get(s.id)?.scores.overall).toMatchObject({ score: 0.9 });

    await ok(rescoreRoundAction({ id: r.id, version: published.version }));
    expect((await dashboardOverview(m, 30)).latest.get(s.id)?.scores.overall).toMatchObject({ lowConfidence: true, coverage: 0 });
  });
});
