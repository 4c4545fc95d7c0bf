// npm run db:diff -- <name>: writes the next migration from the change between the schema as
// of the last migration (prisma/migrations/schema-snapshot.prisma) and prisma/schema.prisma.
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openDatabase } from "./lib/database";
import { MIGRATIONS_DIR } from "./lib/migrate";
import { diffSchemas, isEmptyMigration, SCHEMA_FILE, SNAPSHOT_FILE } from "./lib/schema-diff";

async function main() {
  const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
  if (!name) {
    console.error("Usage: npm run db:diff -- <short_name>   e.g. npm run db:diff -- add_situation_tags");
    process.exit(2);
  }
  const db = await openDatabase(); // migrate diff wants a reachable database; it changes nothing there
  try {
    const sql = diffSchemas(existsSync(SNAPSHOT_FILE) ? SNAPSHOT_FILE : null, SCHEMA_FILE, db.url);
    if (isEmptyMigration(sql)) {
      copyFileSync(SCHEMA_FILE, SNAPSHOT_FILE); // comments or formatting may still differ
      console.log("No change between the last migration and prisma/schema.prisma; no migration written.");
      return;
    }
    const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    const lock = path.join(MIGRATIONS_DIR, "migration_lock.toml");
    if (!existsSync(lock)) writeFileSync(lock, 'provider = "postgresql"\n');
    copyFileSync(SCHEMA_FILE, SNAPSHOT_FILE);
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql. Review it, add any hand-written SQL (triggers, CHECK constraints), then run npm run db:migrate.`);
  } finally {
    await db.stop();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
