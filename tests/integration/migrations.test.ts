import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { withDatabase } from "@/lib/database-url";
import { migrate, MigrationError, readMigrations } from "@/scripts/lib/migrate";
import { diffSchemas, SCHEMA_FILE, SNAPSHOT_FILE } from "@/scripts/lib/schema-diff";
import { adminQuery } from "../support/template";

const adminUrl = inject("adminUrl");

const created: string[] = [];

async function freshDatabase(label: string): Promise<string> {
  const name = `aew_${label}_${Math.random().toString(36).slice(2, 8)}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  created.push(name);
  return withDatabase(adminUrl, name);
}

// On an external server (npm run test:pg) the databases would otherwise stay behind after every run.
afterAll(async () => {
  for (const name of created) await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

/** Everything Prisma models about a database, in a comparable form. */
async function catalogue(url: string) {
  const columns = await query(
    url,
    `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length, numeric_precision, numeric_scale
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
      ORDER BY table_name, column_name`,
  );
  const indexes = await query(url, `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY indexname`);
  const constraints = await query(
    url,
    `SELECT conrelid::regclass::text AS tbl, conname, contype, pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE connamespace = 'public'::regnamespace AND contype NOT IN ('c', 'n')
        AND conrelid NOT IN (SELECT oid FROM pg_class WHERE relname = '_prisma_migrations')
      ORDER BY 1, 2`,
  );
  const enums = await query(url, `SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY 1`);
  return { columns, indexes, constraints, enums };
}

describe("the committed migrations", () => {
  it("yield exactly what prisma/schema.prisma describes", async () => {
    const fromSchema = await freshDatabase("schema");
    const fromMigrations = await freshDatabase("migrations");
    const sql = diffSchemas(null, SCHEMA_FILE, adminUrl);
    await query(fromSchema, sql);
    await migrate(fromMigrations);
    const expected = await catalogue(fromSchema);
    const actual = await catalogue(fromMigrations);
    expect(actual.enums).toEqual(expected.enums);
    expect(actual.columns).toEqual(expected.columns);
    // Expression indexes Prisma cannot model are added by hand, and only these:
    const handWrittenIndexes = ["Situation_search_idx", "Assessment_one_draft_per_situation", "IndicatorRating_severe_idx", "Assessment_published_latest_idx", "Source_live_idx", "Response_live_idx", "AlertReceipt_emailDueAt_due_idx"];
    expect(actual.indexes.filter((i) => !handWrittenIndexes.includes(i.indexname))).toEqual(expected.indexes);
    expect(actual.indexes.map((i) => i.indexname)).toEqual(expect.arrayContaining(handWrittenIndexes));
    expect(actual.constraints).toEqual(expected.constraints);
    // What Prisma cannot model is added by hand in the migrations, and only this:
    const checks = await query<{ conname: string }>(fromMigrations, `SELECT conname FROM pg_constraint WHERE contype = 'c' AND connamespace = 'public'::regnamespace ORDER BY 1`);
    expect(checks.map((c) => c.conname)).toEqual(["Citation_exactly_one_target", "Event_fatalities_not_negative", "Source_credibility_range"]);
    const triggers = await query<{ tgname: string }>(fromMigrations, `SELECT tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1`);
    expect(triggers.map((t) => t.tgname)).toEqual(["Assessment_score_summary", "AuditEntry_append_only", "AuditEntry_no_truncate"]);
  });

  it("have a schema snapshot matching prisma/schema.prisma (run npm run db:diff after changing the schema)", () => {
    expect(readFileSync(SNAPSHOT_FILE, "utf8")).toBe(readFileSync(SCHEMA_FILE, "utf8"));
  });
});

describe("npm run db:migrate (scripts/lib/migrate.ts)", () => {
  function migrationsDir(files: Record<string, string>): string {
    const dir = mkdtempSync(path.join(tmpdir(), "aew-migrations-"));
    for (const [name, sql] of Object.entries(files)) {
      mkdirSync(path.join(dir, name));
      writeFileSync(path.join(dir, name, "migration.sql"), sql);
    }
    return dir;
  }

  it("applies pending migrations once, recording Prisma's checksums", async () => {
    const url = await freshDatabase("m1");
    const dir = migrationsDir({ "20260101000000_a": 'CREATE TABLE "A" (id int);', "20260102000000_b": 'CREATE TABLE "B" (id int);' });
    expect((await migrate(url, { dir })).applied).toEqual(["20260101000000_a", "20260102000000_b"]);
    expect(await migrate(url, { dir })).toMatchObject({ applied: [], alreadyApplied: 2 });
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      url,
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    const sha = createHash("sha256").update('CREATE TABLE "A" (id int);').digest("hex");
    expect(rows[0]).toMatchObject({ migration_name: "20260101000000_a", checksum: sha, applied_steps_count: 1 });
    expect(rows.every((r) => r.finished_at)).toBe(true);
    expect(readMigrations(dir).map((m) => m.checksum)[0]).toBe(sha);
  });

  it("rolls back a failing migration, records the failure, and refuses to go on until it is resolved", async () => {
    const url = await freshDatabase("m2");
    const dir = migrationsDir({
      "20260101000000_ok": 'CREATE TABLE "Ok" (id int);',
      "20260102000000_bad": 'CREATE TABLE "Half" (id int); SELECT * FROM "does_not_exist";',
    });
    await expect(migrate(url, { dir })).rejects.toThrow(MigrationError);
    const tables = await query<{ table_name: string }>(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
    expect(tables.map((t) => t.table_name)).toEqual(["Ok", "_prisma_migrations"]);
    const [failed] = await query<{ finished_at: Date | null; logs: string }>(url, `SELECT finished_at, logs FROM "_prisma_migrations" WHERE migration_name = '20260102000000_bad'`);
    expect(failed.finished_at).toBeNull();
    expect(failed.logs).toMatch(/does_not_exist/);
    await expect(migrate(url, { dir })).rejects.toThrow(/failed earlier/);
  });

  it("is safe when two processes migrate at once (advisory lock)", async () => {
    const url = await freshDatabase("m3");
    const dir = migrationsDir({ "20260101000000_a": 'CREATE TABLE "A" (id int);' });
    const [x, y] = await Promise.all([migrate(url, { dir }), migrate(url, { dir })]);
    expect([...x.applied, ...y.applied]).toEqual(["20260101000000_a"]);
  });
});
