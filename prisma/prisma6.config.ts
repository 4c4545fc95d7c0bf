// Used only by `npm run db:diff` (scripts/db-diff.ts) and the schema test: Prisma 6.19's
// `migrate diff` runs offline with the JS engine and a driver adapter, which Prisma 7 cannot
// (it needs the schema-engine binary). It reads nothing from and writes nothing to the database.
import { PrismaPg } from "prisma6-adapter-pg";

const connectionString = process.env.PRISMA6_DIFF_DATABASE_URL;
if (!connectionString) throw new Error("PRISMA6_DIFF_DATABASE_URL is not set (run npm run db:diff).");

const config = {
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaPg({ connectionString }),
};

export default config;
