import { METHOD_VERSION } from "@/lib/indicators/score";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { seedDemo, seedReference } from "@/prisma/seed";
import { FRAMEWORK_FACTORS } from "@/prisma/seed-data/framework";
import { DEMO_SITUATIONS, DEMO_USERS } from "@/prisma/seed-data/demo";

async function counts() {
  const db = getDb();
  return {
    organisations: await db.organisation.count(),
    users: await db.user.count(),
    memberships: await db.membership.count(),
    situations: await db.situation.count(),
    crimes: await db.crimeAssessment.count(),
    assessments: await db.assessment.count(),
    ratings: await db.indicatorRating.count(),
    responses: await db.response.count(),
    events: await db.event.count(),
    sources: await db.source.count(),
    citations: await db.citation.count(),
    indicators: await db.indicator.count(),
    countries: await db.country.count(),
  };
}

describe("seeding", () => {
  it("loads every country and the whole Framework catalogue", async () => {
    const db = getDb();
    const c = await counts();
    expect(c.countries).toBeGreaterThanOrEqual(249);
    expect(await db.riskFactor.count()).toBe(14);
    expect(c.indicators).toBe(FRAMEWORK_FACTORS.reduce((n, f) => n + f.indicators.length, 0));
    const sudan = await db.country.findUniqueOrThrow({ where: { iso3: "SDN" } });
    expect(sudan).toMatchObject({ name: "Sudan", region: "Africa", iso2: "SD" });
  });

  it("demo data is complete, and seeding again (even twice at once) duplicates nothing", async () => {
    const db = getDb();
    await seedDemo(db);
    const first = await counts();
    expect(first.situations).toBe(DEMO_SITUATIONS.length);
    expect(first.users).toBe(DEMO_USERS.length);
    expect(first.crimes).toBe(DEMO_SITUATIONS.length * 5);
    expect(first.assessments).toBe(DEMO_SITUATIONS.reduce((n, s) => n + (s.rounds?.length ?? 0), 0));
    // Published demo rounds carry their scores, as rounds published in the app do.
    expect(await db.assessment.count({ where: { status: "PUBLISHED", overallScore: null } })).toBe(0);
    // Scored with the current method, and saying so (issue #27).
    expect(await db.assessment.count({ where: { status: "PUBLISHED", methodVersion: { not: METHOD_VERSION } } })).toBe(0);
    expect(first.responses).toBeGreaterThan(0);
    expect(first.events).toBeGreaterThan(0);
    expect(first.citations).toBeGreaterThan(0);

    await Promise.all([seedDemo(db), seedDemo(db), seedReference(db)]);
    expect(await counts()).toEqual(first);
  });

  it("seeding an existing database brings the Framework's wording up to date by key, keeping each indicator's id and its ratings", async () => {
    const db = getDb();
    await seedDemo(db);
    const before = await db.indicator.findUniqueOrThrow({ where: { key: "UN:13.6" } });
    const ratings = await db.indicatorRating.count({ where: { indicatorId: before.id } });
    expect(ratings).toBeGreaterThan(0);
    // A database seeded before the wording was corrected (2026-12-04).
    await db.indicator.update({ where: { id: before.id }, data: { text: "Measures that severely cut the rights of people protected by humanitarian law, including those seen as aligned with the other side who are not fighting." } });

    await seedReference(db);
    const after = await db.indicator.findUniqueOrThrow({ where: { key: "UN:13.6" } });
    const wording = FRAMEWORK_FACTORS.find((f) => f.number === 13)!.indicators.find((i) => i.code === "13.6")!.text;
    expect(after).toMatchObject({ id: before.id, code: "13.6", riskFactorNumber: 13, position: 6, text: wording });
    expect(await db.indicatorRating.count({ where: { indicatorId: before.id } })).toBe(ratings);
  });
});
