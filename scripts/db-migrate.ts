// npm run db:migrate: applies pending migrations to the configured database.
import { databaseLabel, openDatabase } from "./lib/database";
import { migrate, MigrationError } from "./lib/migrate";

async function main() {
  const db = await openDatabase();
  console.log(`Migrating ${databaseLabel()}.`);
  try {
    const result = await migrate(db.url, { log: (l) => console.log(l) });
    for (const w of result.warnings) console.warn(`Warning: ${w}`);
    console.log(
      result.applied.length
        ? `Applied ${result.applied.length} migration(s); ${result.alreadyApplied} were already applied.`
        : `Database is up to date (${result.alreadyApplied} migrations applied).`,
    );
  } finally {
    await db.stop();
  }
}

main().catch((e) => {
  console.error(e instanceof MigrationError ? e.message : e);
  process.exit(1);
});
