// The Prisma client factory: used once by lib/db.ts for the app, and by scripts (seed, tests)
// that run outside Next.js, so every client is configured the same way.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export function createPrismaClient(connectionString: string, poolSize = 10) {
  const adapter = new PrismaPg({ connectionString, max: poolSize });
  // Secret columns are omitted from every query; the few places that need them
  // (sign-in, two-factor) ask with `omit: { passwordHash: false }`.
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true, totpSecret: true } } });
}

export type Db = ReturnType<typeof createPrismaClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
