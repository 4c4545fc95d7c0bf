import "dotenv/config";
import { config as loadEnv } from "dotenv";
import { defineConfig } from "prisma/config";

loadEnv({ path: ".env.local", quiet: true });

function url(): string | undefined {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const pw = process.env.EMBEDDED_DB_PASSWORD;
  if (!pw) return undefined;
  return `postgresql://postgres:${encodeURIComponent(pw)}@127.0.0.1:${process.env.EMBEDDED_DB_PORT ?? "54329"}/tracker`;
}

// Migrations are applied by `npm run db:migrate` (scripts/db-migrate.ts); the Prisma CLI is
// used here for `prisma generate` only (see README, "Changing the schema").
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: url() ?? "" },
});
