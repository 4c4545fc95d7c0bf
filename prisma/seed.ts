// npm run db:seed: reference data (countries, the Framework of Analysis) and the demo
// organisations, accounts and situations. Idempotent, and safe while the app runs: the demo
// part runs in one transaction under an advisory lock, and creates only what is missing.
import { createRequire } from "node:module";
import path from "node:path";
import type { Country as WorldCountry } from "world-countries";
import { createPrismaClient, type Db, type Tx } from "@/lib/db-client";
import { hashPassword } from "@/lib/auth/password";
import type { Crime } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { METHOD_VERSION, scoreRound, toScoringInput } from "@/lib/indicators/score";
import { backfillRoundScores } from "@/lib/indicators/backfill";
import { FRAMEWORK_FACTORS } from "./seed-data/framework";
import { DEMO_ORGS, DEMO_PASSWORD, DEMO_SITUATIONS, DEMO_USERS, demoRoundDate, profileLevel } from "./seed-data/demo";
import { roundAlerts, type PublishedRoundFacts } from "@/lib/alerts/rules";
import { raiseAlerts } from "@/lib/alerts/raise";

const SEED_LOCK = 72707370;
// world-countries is a JSON package: require() reads it in every runtime (tsx, Vitest, Node ESM).
const countries = createRequire(import.meta.url)("world-countries") as WorldCountry[];

export async function seedReference(db: Db): Promise<{ countries: number; factors: number; indicators: number }> {
  const rows = countries.map((c) => ({
    iso3: c.cca3,
    iso2: c.cca2,
    name: c.name.common,
    region: c.region,
    subregion: c.subregion || c.region,
  }));
  await db.$executeRaw`
    INSERT INTO "Country" ("iso3", "iso2", "name", "region", "subregion")
    SELECT * FROM unnest(${rows.map((r) => r.iso3)}::text[], ${rows.map((r) => r.iso2)}::text[], ${rows.map((r) => r.name)}::text[],
                         ${rows.map((r) => r.region)}::text[], ${rows.map((r) => r.subregion)}::text[])
    ON CONFLICT ("iso3") DO UPDATE SET "iso2" = EXCLUDED."iso2", "name" = EXCLUDED."name",
      "region" = EXCLUDED."region", "subregion" = EXCLUDED."subregion"`;

  let indicators = 0;
  await db.$transaction(
    async (tx) => {
      for (const f of FRAMEWORK_FACTORS) {
        const data = { title: f.title, description: f.description, group: f.group };
        await tx.riskFactor.upsert({ where: { number: f.number }, create: { number: f.number, ...data }, update: data });
        for (const [i, ind] of f.indicators.entries()) {
          const position = Number(ind.code.split(".")[1] ?? i + 1);
          await tx.indicator.upsert({
            where: { key: `UN:${ind.code}` },
            create: { key: `UN:${ind.code}`, code: ind.code, riskFactorNumber: f.number, position, text: ind.text },
            update: { code: ind.code, riskFactorNumber: f.number, position, text: ind.text },
          });
          indicators++;
        }
      }
    },
    { timeout: 60_000 },
  );
  return { countries: rows.length, factors: FRAMEWORK_FACTORS.length, indicators };
}

async function findOrCreateSource(tx: Tx, organisationId: string, userId: string, title: string, extra: { publisher: string; publishedOn: Date; url?: string; unSymbol?: string; reliability: "A" | "B" | "C"; credibility: number }) {
  const existing = await tx.source.findFirst({ where: { organisationId, title } });
  if (existing) return existing;
  return tx.source.create({
    data: {
      organisationId,
      title,
      createdById: userId,
      notes: "Demo source for illustration only.",
      accessedOn: new Date("2026-11-01"),
      ...extra,
    },
  });
}

export async function seedDemo(db: Db): Promise<{ created: string[] }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const created: string[] = [];
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK})`;
      const orgs = new Map<string, string>();
      for (const o of DEMO_ORGS) {
        const org = await tx.organisation.upsert({
          where: { slug: o.slug },
          create: { ...o, isDemo: true },
          update: {},
        });
        orgs.set(o.slug, org.id);
      }
      const users = new Map<string, string>();
      for (const u of DEMO_USERS) {
        const user = await tx.user.upsert({
          where: { email: u.email },
          create: { email: u.email, name: u.name, passwordHash },
          update: {},
        });
        users.set(u.email, user.id);
        for (const m of u.memberships) {
          const organisationId = orgs.get(m.org)!;
          await tx.membership.upsert({
            where: { userId_organisationId: { userId: user.id, organisationId } },
            create: { userId: user.id, organisationId, role: m.role },
            update: {},
          });
        }
      }

      const indicators = await tx.indicator.findMany({ where: { organisationId: null }, select: { id: true, code: true, riskFactorNumber: true, retiredAt: true } });
      for (const s of DEMO_SITUATIONS) {
        const organisationId = orgs.get(s.org)!;
        const authorId = users.get(s.org === "demo-watch" ? "analyst@demo.example" : "partner@demo.example")!;
        // The demo organisation's rounds are drafted by its analyst and published by its administrator (whose change raises the alerts).
        const publisherId = s.org === "demo-watch" ? users.get("admin@demo.example")! : authorId;
        if (await tx.situation.findFirst({ where: { organisationId, title: s.title } })) continue;

        const situation = await tx.situation.create({
          data: {
            organisationId,
            countryIso3: s.country,
            title: s.title,
            scope: s.scope ?? null,
            summary: s.summary,
            riskCategory: s.riskCategory,
            visibility: s.visibility,
            populationsAtRisk: s.populationsAtRisk,
            perpetrators: s.perpetrators,
            recommendedAction: s.recommendedAction,
            isDemo: true,
            monitoringSince: new Date("2025-01-15"),
            createdById: authorId,
            updatedById: authorId,
            lastAssessedAt: s.rounds ? demoRoundDate(s.rounds[s.rounds.length - 1].daysAgo) : null,
          },
        });
        created.push(s.title);
        const allCrimes: Crime[] = ["GENOCIDE", "WAR_CRIMES", "CRIMES_AGAINST_HUMANITY", "ETHNIC_CLEANSING", "INCITEMENT"];
        for (const crime of allCrimes) {
          const c = s.crimes[crime];
          await tx.crimeAssessment.create({
            data: { situationId: situation.id, crime, status: c?.status ?? "NOT_ASSESSED", rationale: c?.rationale ?? "", updatedById: authorId },
          });
        }
        await tx.auditEntry.create({
          data: {
            userId: authorId,
            organisationId,
            action: "situation.create",
            entityType: "Situation",
            entityId: situation.id,
            after: { title: s.title, riskCategory: s.riskCategory, visibility: s.visibility },
            meta: { seed: "demo" },
          },
        });

        let previous: PublishedRoundFacts | null = null;
        for (const round of s.rounds ?? []) {
          const assessedOn = demoRoundDate(round.daysAgo);
          const scores = scoreRound(
            indicators.map(toScoringInput),
            indicators.map((i) => ({ indicatorId: i.id, level: profileLevel(round.profile, i.code) })),
          );
          const assessment = await tx.assessment.create({
            data: {
              organisationId,
              situationId: situation.id,
              assessedOn,
              status: "PUBLISHED",
              publishedAt: assessedOn,
              publishedById: publisherId,
              createdById: authorId,
              summary: "Demo assessment round.",
              overallScore: scores.overall.score,
              scores: scores as unknown as Prisma.InputJsonValue,
              methodVersion: METHOD_VERSION,
            },
          });
          await tx.indicatorRating.createMany({
            data: indicators.map((i) => {
              const level = profileLevel(round.profile, i.code);
              const rated = level !== "NONE";
              return {
                assessmentId: assessment.id,
                indicatorId: i.id,
                level,
                trend: rated ? ("RISING" as const) : null,
                confidence: rated ? ("MEDIUM" as const) : null,
                evidence: rated ? "Demo evidence: reports from several independent sources." : "",
              };
            }),
          });
          // The demo's alerts come from the same rules as the app's, as if each round had just been published.
          const facts: PublishedRoundFacts = {
            id: assessment.id,
            assessedOn: assessedOn.toISOString().slice(0, 10),
            scores,
            severe: indicators.filter((i) => profileLevel(round.profile, i.code) === "SEVERE").map((i) => ({ indicatorId: i.id, code: i.code, factor: i.riskFactorNumber })),
          };
          const alertIds = await raiseAlerts(tx, { id: situation.id, organisationId }, roundAlerts({ id: situation.id, title: s.title }, previous, facts), publisherId);
          // Dated when the round was published, as they would have been.
          await tx.alert.updateMany({ where: { id: { in: alertIds } }, data: { createdAt: assessedOn } });
          previous = facts;
        }

        if (s.country === "SDN") {
          const report = await findOrCreateSource(tx, organisationId, authorId, "Demo: UN fact-finding mission report (illustrative)", {
            publisher: "United Nations Human Rights Council",
            publishedOn: new Date("2026-06-15"),
            url: "https://www.ohchr.org/",
            reliability: "A",
            credibility: 2,
          });
          const ngo = await findOrCreateSource(tx, organisationId, authorId, "Demo: NGO field monitoring bulletin (illustrative)", {
            publisher: "Demo field monitoring network",
            publishedOn: new Date("2026-10-20"),
            reliability: "C",
            credibility: 3,
          });
          const resolution = await findOrCreateSource(tx, organisationId, authorId, "Security Council resolution 1593 (2005)", {
            publisher: "United Nations Security Council",
            publishedOn: new Date("2005-03-31"), // adopted that day
            unSymbol: "S/RES/1593 (2005)",
            reliability: "A",
            credibility: 1,
          });
          const responses = [
            { pillar: "III", type: "ICC_REFERRAL", actorType: "UN_SECURITY_COUNCIL", actorName: "UN Security Council", title: "Referral of the situation in Darfur to the International Criminal Court", startDate: "2005-03-31", reference: "S/RES/1593 (2005)", status: "IMPLEMENTED", effect: "LIMITED", source: resolution.id },
            { pillar: "III", type: "ARMS_EMBARGO", actorType: "UN_SECURITY_COUNCIL", actorName: "UN Security Council", title: "Arms embargo on armed groups in Darfur", startDate: "2004-07-30", reference: "S/RES/1556 (2004)", status: "IMPLEMENTED", effect: "LIMITED", source: null },
            { pillar: "III", type: "FACT_FINDING", actorType: "UN_HUMAN_RIGHTS_COUNCIL", actorName: "UN Human Rights Council", title: "Independent international fact-finding mission", startDate: "2023-10-11", reference: null, status: "IMPLEMENTED", effect: "MODERATE", source: report.id },
            { pillar: "II", type: "HUMANITARIAN_ASSISTANCE", actorType: "OTHER_STATE", actorName: "Demo donor States", title: "Demo: emergency humanitarian funding", startDate: "2026-05-01", reference: null, status: "ADOPTED", effect: "NOT_ASSESSED", source: null },
          ] as const;
          for (const r of responses) {
            const response = await tx.response.create({
              data: {
                organisationId,
                situationId: situation.id,
                pillar: r.pillar,
                type: r.type,
                actorType: r.actorType,
                actorName: r.actorName,
                title: r.title,
                startDate: new Date(r.startDate),
                reference: r.reference,
                status: r.status,
                effect: r.effect,
                createdById: authorId,
              },
            });
            if (r.source) await tx.citation.create({ data: { sourceId: r.source, responseId: response.id, createdById: authorId } });
          }
          const events = [
            { id: "DEMO-SDN-0001", date: "2026-10-26", type: "Violence against civilians", sub: "Attack", place: "El Fasher", admin1: "North Darfur", lat: 13.6279, lon: 25.3494, fatalities: 120, civ: true },
            { id: "DEMO-SDN-0002", date: "2026-10-20", type: "Battles", sub: "Armed clash", place: "El Fasher", admin1: "North Darfur", lat: 13.6279, lon: 25.3494, fatalities: 35, civ: false },
            { id: "DEMO-SDN-0003", date: "2026-09-14", type: "Explosions/Remote violence", sub: "Air/drone strike", place: "Nyala", admin1: "South Darfur", lat: 12.05, lon: 24.8807, fatalities: 12, civ: true },
            { id: "DEMO-SDN-0004", date: "2026-08-02", type: "Violence against civilians", sub: "Sexual violence", place: "Geneina", admin1: "West Darfur", lat: 13.4526, lon: 22.4472, fatalities: 0, civ: true },
          ];
          for (const e of events) {
            const event = await tx.event.create({
              data: {
                organisationId,
                situationId: situation.id,
                externalId: e.id,
                eventDate: new Date(e.date),
                eventType: e.type,
                subEventType: e.sub,
                actor1: "Demo paramilitary forces",
                countryIso3: "SDN",
                admin1: e.admin1,
                location: e.place,
                latitude: e.lat,
                longitude: e.lon,
                fatalities: e.fatalities,
                civilianTargeting: e.civ,
                notes: "Demo event for illustration only.",
                crimes: e.civ ? ["WAR_CRIMES", "CRIMES_AGAINST_HUMANITY"] : ["WAR_CRIMES"],
                createdById: authorId,
              },
            });
            await tx.citation.create({ data: { sourceId: ngo.id, eventId: event.id, createdById: authorId } });
          }
          const cah = await tx.crimeAssessment.findUniqueOrThrow({ where: { situationId_crime: { situationId: situation.id, crime: "CRIMES_AGAINST_HUMANITY" } } });
          await tx.citation.create({ data: { sourceId: report.id, crimeAssessmentId: cah.id, createdById: authorId, locator: "paras. 40-62" } });
        }
      }
    },
    { timeout: 120_000 },
  );
  return { created };
}

async function main() {
  const { openDatabase } = await import("../scripts/lib/database");
  const db = await openDatabase();
  const prisma = createPrismaClient(db.url, 2);
  try {
    const ref = await seedReference(prisma);
    console.log(`Reference data: ${ref.countries} countries, ${ref.factors} risk factors, ${ref.indicators} indicators.`);
    const backfilled = await backfillRoundScores(prisma);
    if (backfilled) console.log(`Scores computed for ${backfilled} published rounds recorded before scores were stored.`);
    if (!process.argv.includes("--reference-only")) {
      const demo = await seedDemo(prisma);
      console.log(demo.created.length ? `Demo data: created ${demo.created.length} situations.` : "Demo data: already present.");
      console.log("\nDemo accounts (password for all: " + DEMO_PASSWORD + "):");
      for (const u of DEMO_USERS) console.log(`  ${u.email.padEnd(24)} ${u.memberships.map((m) => `${m.role} in ${m.org}`).join(", ")}`);
    }
  } finally {
    await prisma.$disconnect();
    await db.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve("prisma/seed.ts")) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
