// npm run rls:trial: what PostgreSQL row-level security on the organisation boundary would cost
// (issue #26 asked to consider it as a second line of defence, and to adopt it only if cheap).
//
// Everything happens inside one transaction that is rolled back: a probe role, the policies and
// "ENABLE ROW LEVEL SECURITY" never outlive the run. Run it on the benchmark's data
// (npm run seed:large) and nothing else writing: the trial holds the tables' locks while it runs.
//
// For each of the app's typical reads it times, alternating, the query as the app runs it now (the
// organisation test in its WHERE, from lib/access); the same query under RLS (run as a role the
// policies bind, after set_config('app.organisation_id', ...)): RLS as a second line behind the
// app's own test; and the query without the app's test under RLS (RLS as the only line). It prints
// medians and ratios.
// It also times what RLS adds to every request besides the policies: with a connection pool, the
// organisation must be set per transaction, so every read becomes BEGIN; set_config; query; COMMIT.
import pg from "pg";
import { openDatabase } from "./lib/database";

const REPS = Number(process.env.RLS_TRIAL_REPS ?? 15);

const POLICIES = `
  CREATE ROLE rls_probe NOLOGIN;
  GRANT USAGE ON SCHEMA public TO rls_probe;
  GRANT SELECT ON ALL TABLES IN SCHEMA public TO rls_probe;
  ALTER TABLE "Situation" ENABLE ROW LEVEL SECURITY;
  ALTER TABLE "Event" ENABLE ROW LEVEL SECURITY;
  CREATE POLICY situation_boundary ON "Situation" FOR SELECT TO rls_probe USING (
    "organisationId" = current_setting('app.organisation_id', true)
    OR (visibility = 'COALITION' AND "archivedAt" IS NULL));
  CREATE POLICY event_boundary ON "Event" FOR SELECT TO rls_probe USING (
    "organisationId" = current_setting('app.organisation_id', true)
    OR "situationId" IN (SELECT id FROM "Situation" WHERE visibility = 'COALITION' AND "archivedAt" IS NULL));
`;

interface Probe {
  name: string;
  /** As the app runs it today: the organisation test written in the query. */
  app: (org: string) => [string, unknown[]];
  /** Under RLS: the policies add the organisation test (the app's own is left out). */
  rls: () => [string, unknown[]];
}

const visibleSituation = `(s."organisationId" = $1 OR (s.visibility = 'COALITION' AND s."archivedAt" IS NULL))`;
const probes: Probe[] = [
  {
    name: "events list, first page (own events, newest first)",
    app: (org) => [`SELECT t.id, t."eventDate" FROM "Event" t WHERE t."deletedAt" IS NULL AND t."organisationId" = $1 ORDER BY t."eventDate" DESC, t.id DESC LIMIT 50`, [org]],
    rls: () => [`SELECT t.id, t."eventDate" FROM "Event" t WHERE t."deletedAt" IS NULL ORDER BY t."eventDate" DESC, t.id DESC LIMIT 50`, []],
  },
  {
    name: "situations list, first page",
    app: (org) => [`SELECT s.id, s.title FROM "Situation" s WHERE s."archivedAt" IS NULL AND ${visibleSituation} ORDER BY s."updatedAt" DESC LIMIT 50`, [org]],
    rls: () => [`SELECT s.id, s.title FROM "Situation" s WHERE s."archivedAt" IS NULL ORDER BY s."updatedAt" DESC LIMIT 50`, []],
  },
  {
    name: "events per situation, last 90 days (dashboard-like aggregate)",
    app: (org) => [
      `SELECT t."situationId", count(*) FROM "Event" t JOIN "Situation" s ON s.id = t."situationId" WHERE t."deletedAt" IS NULL AND t."eventDate" >= now() - interval '90 days' AND ${visibleSituation} GROUP BY 1`,
      [org],
    ],
    rls: () => [`SELECT t."situationId", count(*) FROM "Event" t JOIN "Situation" s ON s.id = t."situationId" WHERE t."deletedAt" IS NULL AND t."eventDate" >= now() - interval '90 days' GROUP BY 1`, []],
  },
  {
    name: "all visible events counted (what an export reads)",
    app: (org) => [`SELECT count(*) FROM "Event" t JOIN "Situation" s ON s.id = t."situationId" WHERE t."deletedAt" IS NULL AND ${visibleSituation}`, [org]],
    rls: () => [`SELECT count(*) FROM "Event" t WHERE t."deletedAt" IS NULL`, []],
  },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed(client: pg.Client, sql: string, params: unknown[]): Promise<[number, number]> {
  const t = performance.now();
  const r = await client.query(sql, params);
  return [performance.now() - t, r.rowCount ?? 0];
}

async function main() {
  const db = await openDatabase();
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ organisationId: string; n: string }>(`SELECT "organisationId", count(*) AS n FROM "Event" GROUP BY 1 ORDER BY 2 DESC LIMIT 1`);
    if (!rows.length) throw new Error("No events: run npm run seed:large first.");
    const org = rows[0].organisationId;
    console.log(`Organisation with the most events: ${Number(rows[0].n).toLocaleString("en")} of ${(await client.query(`SELECT count(*) FROM "Event"`)).rows[0].count} events; ${REPS} runs each, alternating.`);
    await client.query("BEGIN");
    await client.query(POLICIES);
    const results: { name: string; app: number; both: number; rls: number; rowsApp: number; rowsRls: number }[] = [];
    for (const p of probes) {
      const app: number[] = [];
      const both: number[] = [];
      const rls: number[] = [];
      let rowsApp = 0;
      let rowsRls = 0;
      for (let i = 0; i < REPS + 1; i++) {
        const [ta, na] = await timed(client, ...p.app(org));
        await client.query(`SET LOCAL ROLE rls_probe`);
        await client.query(`SELECT set_config('app.organisation_id', $1, true)`, [org]);
        const [tr, nr] = await timed(client, ...p.rls());
        const [tb] = await timed(client, ...p.app(org));
        await client.query(`RESET ROLE`);
        if (i === 0) continue; // warm-up
        app.push(ta);
        both.push(tb);
        rls.push(tr);
        rowsApp = na;
        rowsRls = nr;
      }
      results.push({ name: p.name, app: median(app), both: median(both), rls: median(rls), rowsApp, rowsRls });
    }
    await client.query("ROLLBACK");

    // What a pooled connection adds to each request's reads: the organisation set in a transaction.
    const [plainSql, plainParams] = probes[0].app(org);
    const plain: number[] = [];
    const wrapped: number[] = [];
    for (let i = 0; i < REPS * 4; i++) {
      plain.push((await timed(client, plainSql, plainParams))[0]);
      const t = performance.now();
      await client.query("BEGIN");
      await client.query(`SELECT set_config('app.organisation_id', $1, true)`, [org]);
      await client.query(plainSql, plainParams);
      await client.query("COMMIT");
      wrapped.push(performance.now() - t);
    }

    console.log("\n| read | as today (ms) | RLS behind the app's test (ms, ratio) | RLS alone (ms, ratio) | rows (today / RLS alone) |\n| --- | --- | --- | --- | --- |");
    const x = (a: number, b: number) => `${a.toFixed(1)} (${(a / b).toFixed(2)})`;
    for (const r of results) console.log(`| ${r.name} | ${r.app.toFixed(1)} | ${x(r.both, r.app)} | ${x(r.rls, r.app)} | ${r.rowsApp} / ${r.rowsRls} |`);
    console.log(`| events list first page, in BEGIN; set_config; query; COMMIT (what a pool needs) | ${median(plain).toFixed(2)} | ${median(wrapped).toFixed(2)} (${(median(wrapped) / median(plain)).toFixed(2)}) | | |`);
    const still = await client.query(`SELECT relrowsecurity FROM pg_class WHERE relname = 'Event'`);
    console.log(`\nRow-level security left on "Event" after the trial: ${still.rows[0].relrowsecurity ? "YES (unexpected)" : "no (rolled back)"}.`);
  } finally {
    await client.end();
    await db.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
