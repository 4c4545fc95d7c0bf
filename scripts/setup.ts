// npm run setup: local secrets, the embedded database (unless DATABASE_URL is set),
// migrations, reference data and demo data. Safe to run again.
import { spawnSync } from "node:child_process";
import { openDatabase } from "./lib/database";
import { ensureLocalSecrets } from "./lib/local-env";
import { migrate } from "./lib/migrate";

async function main() {
  const added = await ensureLocalSecrets();
  if (added.length) console.log(`Created .env.local with ${added.join(", ")}.`);
  const db = await openDatabase();
  try {
    console.log(process.env.DATABASE_URL ? "Using the PostgreSQL server in DATABASE_URL." : "Embedded PostgreSQL is running (data in .data/postgres).");
    const result = await migrate(db.url, { log: (l) => console.log(l) });
    for (const w of result.warnings) console.warn(`Warning: ${w}`);
    console.log(`Migrations: ${result.applied.length} applied, ${result.alreadyApplied} already there.`);
    const seed = spawnSync(process.execPath, ["--import", "tsx", "prisma/seed.ts"], {
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: db.url },
    });
    if (seed.status !== 0) throw new Error("Seeding failed.");
  } finally {
    await db.stop();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
