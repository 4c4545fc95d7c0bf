import "server-only";
import { databaseUrl, poolSizes } from "@/lib/database-url";
import { createPrismaClient, type Db } from "@/lib/db-client";

export type { Db, Tx } from "@/lib/db-client";

const globalForPrisma = globalThis as unknown as { prisma?: Db };

/** The one Prisma client, created on first use so importing this module opens no connection (e.g. in `next build`). */
export function getDb(): Db {
  if (!globalForPrisma.prisma) {
    globalForPrisma.prisma = createPrismaClient(databaseUrl(), poolSizes().prisma);
  }
  return globalForPrisma.prisma;
}

export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const client = getDb();
    const value = Reflect.get(client, prop, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
