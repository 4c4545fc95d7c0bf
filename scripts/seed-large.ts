// npm run seed:large: a synthetic but realistic dataset for the benchmark, deterministic (every
// value derives from row numbers, no randomness): 200 situations over 100 countries, 10 years of
// monthly published rounds with every indicator rated (~3.1 million ratings), 1,000,000 events,
// 20,000 responses, 50,000 sources and citations, 50 users. Rows are generated inside PostgreSQL
// (INSERT ... SELECT generate_series: bulk, no round trips per row) in chunks, with a progress bar
// and rows/s. Works on the embedded database and on any PostgreSQL (DATABASE_URL).
import cliProgress from "cli-progress";
import pg from "pg";
import { openDatabase } from "./lib/database";
import { hashPassword } from "../lib/auth/password";
import { createPrismaClient } from "../lib/db-client";
import { METHOD_VERSION, scoreRound, toScoringInput } from "../lib/indicators/score";
import type { Prisma } from "../lib/generated/prisma/client";

export const LARGE = { slug: "bench-large", situations: 200, countries: 100, months: 120, events: 1_000_000, responses: 20_000, sources: 50_000, users: 50 };
const START = "2016-01-01";

async function step(client: pg.Client, label: string, total: number, chunks: number, sql: (from: number, to: number) => string) {
  const bar = new cliProgress.SingleBar({ format: `${label.padEnd(22)} [{bar}] {percentage}% {value}/{total} rows, {rate} rows/s`, hideCursor: true }, cliProgress.Presets.shades_classic);
  const t0 = performance.now();
  bar.start(total, 0, { rate: 0 });
  const size = Math.ceil(total / chunks);
  for (let from = 1; from <= total; from += size) {
    const to = Math.min(total, from + size - 1);
    await client.query(sql(from, to));
    bar.update(to, { rate: Math.round(to / ((performance.now() - t0) / 1000)) });
  }
  bar.stop();
  return { rows: total, seconds: (performance.now() - t0) / 1000 };
}

async function main() {
  const db = await openDatabase();
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const existing = await client.query(`SELECT id FROM "Organisation" WHERE slug = $1`, [LARGE.slug]);
    if (existing.rowCount) {
      console.log("The large dataset is already there (organisation bench-large). Nothing to do.");
      return;
    }
    const indicators = await client.query<{ id: string; code: string; riskFactorNumber: number }>(`SELECT id, code, "riskFactorNumber" FROM "Indicator" WHERE "organisationId" IS NULL ORDER BY "riskFactorNumber", position`);
    if (indicators.rowCount === 0) throw new Error("Run npm run setup (or npm run db:seed) first: the Framework's indicators are missing.");
    const org = "bench-org";
    const hash = await hashPassword("bench-password-2026");
    const t0 = performance.now();
    await client.query("BEGIN");
    await client.query(`INSERT INTO "Organisation" (id, name, slug, "updatedAt") VALUES ($1, 'Benchmark Network (large)', $2, now())`, [org, LARGE.slug]);
    await client.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") SELECT 'bench-user-' || g, 'bench' || g || '@bench.example', 'Bench User ' || g, $1, now() FROM generate_series(1, ${LARGE.users}) g`,
      [hash],
    );
    await client.query(
      `INSERT INTO "Membership" (id, "userId", "organisationId", role, "updatedAt")
       SELECT 'bench-m-' || g, 'bench-user-' || g, '${org}', (CASE WHEN g = 1 THEN 'ADMIN' WHEN g <= 21 THEN 'ANALYST' ELSE 'VIEWER' END)::"Role", now() FROM generate_series(1, ${LARGE.users}) g`,
    );
    await client.query(`CREATE TEMP TABLE bench_countries AS SELECT iso3, row_number() OVER (ORDER BY iso3) - 1 AS n FROM "Country" ORDER BY iso3 LIMIT ${LARGE.countries}`);
    await client.query(
      `INSERT INTO "Situation" (id, "organisationId", "countryIso3", title, summary, "riskCategory", visibility, "monitoringSince", "lastAssessedAt", "createdById", "updatedById", "updatedAt")
       SELECT 'bench-s-' || g, '${org}', c.iso3, 'Bench situation ' || g || ' (' || c.iso3 || ')', 'Synthetic situation for the benchmark.',
              (ARRAY['CURRENT_CRISIS','IMMINENT_RISK','SERIOUS_CONCERN','MONITORING','RESOLVED'])[1 + g % 5]::"RiskCategory",
              (CASE WHEN g % 2 = 0 THEN 'COALITION' ELSE 'ORGANISATION' END)::"Visibility", date '${START}',
              date '${START}' + interval '${LARGE.months - 1} months', 'bench-user-2', 'bench-user-2', now() - (g || ' hours')::interval
       FROM generate_series(1, ${LARGE.situations}) g JOIN bench_countries c ON c.n = g % ${LARGE.countries}`,
    );
    await client.query(
      `INSERT INTO "CrimeAssessment" (id, "situationId", crime, status, rationale, "updatedById", "updatedAt")
       SELECT 'bench-ca-' || g || '-' || k, 'bench-s-' || g, (ARRAY['GENOCIDE','WAR_CRIMES','CRIMES_AGAINST_HUMANITY','ETHNIC_CLEANSING','INCITEMENT'])[k]::"Crime",
              (ARRAY['NOT_ASSESSED','RISK','ALLEGED','DOCUMENTED','PAST'])[1 + (g + k) % 5]::"CrimeStatus", 'Synthetic rationale.', 'bench-user-2', now()
       FROM generate_series(1, ${LARGE.situations}) g, generate_series(1, 5) k`,
    );
    await client.query("COMMIT");
    console.log(`Organisation, ${LARGE.users} users, ${LARGE.situations} situations and their crimes.`);

    const results: Record<string, { rows: number; seconds: number }> = {};
    results.sources = await step(client, "Sources", LARGE.sources, 5, (a, b) =>
      `INSERT INTO "Source" (id, "organisationId", title, publisher, reliability, credibility, "publishedOn", "createdById", "updatedAt")
       SELECT 'bench-src-' || g, '${org}', 'Bench report ' || g, 'Publisher ' || (g % 300), (ARRAY['A','B','C','D','E','F'])[1 + g % 6]::"SourceReliability", 1 + g % 6,
              date '${START}' + (g % 3650), 'bench-user-2', now() FROM generate_series(${a}, ${b}) g`,
    );
    const rounds = LARGE.situations * LARGE.months;
    results.rounds = await step(client, "Assessment rounds", rounds, 4, (a, b) =>
      `INSERT INTO "Assessment" (id, "organisationId", "situationId", "assessedOn", status, summary, "createdById", "publishedById", "publishedAt", "updatedAt")
       SELECT 'bench-a-' || g, '${org}', 'bench-s-' || (1 + (g - 1) / ${LARGE.months}), date '${START}' + (((g - 1) % ${LARGE.months}) || ' months')::interval, 'PUBLISHED', '',
              'bench-user-2', 'bench-user-2', date '${START}' + (((g - 1) % ${LARGE.months}) || ' months')::interval, now()
       FROM generate_series(${a}, ${b}) g`,
    );
    // Ratings go in by rounds: every Framework indicator rated in each round.
    const perRound = indicators.rowCount!;
    const r = await step(client, `Ratings (rounds x ${perRound})`, rounds, 60, (a, b) =>
      `INSERT INTO "IndicatorRating" (id, "assessmentId", "indicatorId", level, evidence, "updatedAt")
       SELECT 'bench-r-' || g || '-' || i.id, 'bench-a-' || g, i.id,
              (ARRAY['NONE','NONE','NONE','NONE','PRESENT','PRESENT','SIGNIFICANT','SIGNIFICANT','SEVERE','NONE'])[1 + (g * 7 + i.position * 13 + i."riskFactorNumber" * 3 + g / ${LARGE.months}) % 10]::"RatingLevel",
              '', now()
       FROM generate_series(${a}, ${b}) g CROSS JOIN "Indicator" i WHERE i."organisationId" IS NULL`,
    );
    results.ratings = { rows: r.rows * perRound, seconds: r.seconds };
    results.events = await step(client, "Events", LARGE.events, 20, (a, b) =>
      `INSERT INTO "Event" (id, "organisationId", "situationId", "externalId", "eventDate", "eventType", "subEventType", actor1, actor2, fatalities, "civilianTargeting",
                            "countryIso3", admin1, location, latitude, longitude, notes, "createdById", "updatedAt")
       SELECT 'bench-e-' || g, '${org}', 'bench-s-' || (1 + g % ${LARGE.situations}), 'BENCH' || g, date '${START}' + (g % 3650),
              (ARRAY['Battles','Violence against civilians','Explosions/Remote violence','Riots','Protests','Strategic developments'])[1 + g % 6], 'Sub-type ' || (g % 4),
              'Actor ' || (g % 80), 'Actor ' || ((g * 7) % 80), (g * 31) % 23, g % 3 = 0, c.iso3, 'Province ' || (g % 12), 'Place ' || (g % 500),
              round((-30 + (g % 6000) / 100.0)::numeric, 4), round((-20 + (g % 9000) / 100.0)::numeric, 4), 'Synthetic event ' || g, 'bench-user-2', now()
       FROM generate_series(${a}, ${b}) g JOIN bench_countries c ON c.n = (1 + g % ${LARGE.situations}) % ${LARGE.countries}`,
    );
    results.responses = await step(client, "Responses", LARGE.responses, 2, (a, b) =>
      `INSERT INTO "Response" (id, "organisationId", "situationId", pillar, type, "actorType", "actorName", title, "startDate", status, "createdById", "updatedAt")
       SELECT 'bench-resp-' || g, '${org}', 'bench-s-' || (1 + g % ${LARGE.situations}), (ARRAY['I','II','III'])[1 + g % 3]::"Pillar",
              (ARRAY['STATEMENT','DEMARCHE','MEDIATION','TARGETED_SANCTIONS','FACT_FINDING'])[1 + g % 5]::"ResponseType",
              (ARRAY['UN_SECURITY_COUNCIL','REGIONAL_BODY','OTHER_STATE','STATE_CONCERNED'])[1 + g % 4]::"ActorType", 'Actor ' || (g % 40), 'Synthetic response ' || g,
              date '${START}' + (g % 3650), (ARRAY['PROPOSED','ADOPTED','IMPLEMENTED','BLOCKED'])[1 + g % 4]::"ResponseStatus", 'bench-user-2', now()
       FROM generate_series(${a}, ${b}) g`,
    );
    results.citations = await step(client, "Citations", LARGE.sources, 2, (a, b) =>
      `INSERT INTO "Citation" (id, "sourceId", "responseId", "eventId", "createdById")
       SELECT 'bench-c-' || g, 'bench-src-' || g, CASE WHEN g % 2 = 0 THEN 'bench-resp-' || (1 + g % ${LARGE.responses}) END,
              CASE WHEN g % 2 = 1 THEN 'bench-e-' || g END, 'bench-user-2' FROM generate_series(${a}, ${b}) g`,
    );

    // Scores, as publication stores them: computed by the same function.
    const prisma = createPrismaClient(db.url, 4);
    const input = indicators.rows.map((i) => toScoringInput({ ...i, retiredAt: null }));
    const bar = new cliProgress.SingleBar({ format: `${"Round scores".padEnd(22)} [{bar}] {percentage}% {value}/{total} rounds`, hideCursor: true }, cliProgress.Presets.shades_classic);
    const ts = performance.now();
    bar.start(rounds, 0);
    for (let s = 1; s <= LARGE.situations; s++) {
      const rows = await client.query<{ assessmentId: string; indicatorId: string; level: "NONE" | "PRESENT" | "SIGNIFICANT" | "SEVERE" }>(
        `SELECT r."assessmentId", r."indicatorId", r.level FROM "IndicatorRating" r JOIN "Assessment" a ON a.id = r."assessmentId" WHERE a."situationId" = $1`,
        [`bench-s-${s}`],
      );
      const byRound = new Map<string, { indicatorId: string; level: "NONE" | "PRESENT" | "SIGNIFICANT" | "SEVERE" }[]>();
      for (const r of rows.rows) byRound.set(r.assessmentId, [...(byRound.get(r.assessmentId) ?? []), r]);
      const values = [...byRound.entries()].map(([id, rs]) => {
        const sc = scoreRound(input, rs);
        return { id, overall: sc.overall.score, scores: sc };
      });
      await client.query(
        `UPDATE "Assessment" a SET "overallScore" = v.overall, scores = v.scores, "methodVersion" = ${METHOD_VERSION} FROM jsonb_to_recordset($1::jsonb) AS v(id text, overall float8, scores jsonb) WHERE a.id = v.id`,
        [JSON.stringify(values as unknown as Prisma.InputJsonValue)],
      );
      bar.update(s * LARGE.months);
    }
    bar.stop();
    results.scores = { rows: rounds, seconds: (performance.now() - ts) / 1000 };
    await prisma.$disconnect();
    // Rows went in by generated id, which is not the order of most indexes: rebuilt, the indexes of
    // the two big tables are a third to a quarter of the size (Event's went from ~600 to ~180 MB), as
    // a restored or maintained database's would be. VACUUM clears the rows the scores UPDATE replaced.
    console.log("Rebuilding the indexes of the large tables, then VACUUM ANALYZE...");
    for (const table of ["Event", "IndicatorRating"]) await client.query(`REINDEX TABLE "${table}"`);
    await client.query(`VACUUM ANALYZE`);
    const total = Object.values(results).reduce((n, r) => n + r.rows, 0);
    console.log(`\nDone in ${Math.round((performance.now() - t0) / 1000)} s: ${total.toLocaleString("en")} rows.`);
    for (const [k, r] of Object.entries(results)) console.log(`  ${k.padEnd(10)} ${r.rows.toLocaleString("en").padStart(10)} rows  ${Math.round(r.rows / r.seconds).toLocaleString("en").padStart(8)} rows/s`);
    console.log("Sign in as bench1@bench.example (administrator) with the password bench-password-2026.");
  } finally {
    await client.end();
    await db.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
