// The Prisma client factory: used once by lib/db.ts for the app, and by scripts (seed, tests)
// that run outside Next.js, so every client is configured the same way.
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Marks SQL text with values written into it (lib/events/sql.ts, for what takes no parameters):
 * such a text is used once, so it is not kept as a prepared statement.
 */
export const INLINE_VALUES = "/* values inline */";
/** At most this many statements are kept prepared per server process (and so per connection). */
export const MAX_PREPARED = 500;

const prepared = new Map<string, string>();

/**
 * The name a query is prepared under, on each connection that runs it: PostgreSQL then parses and
 * plans a page's queries once per connection instead of on every request (it had spent more time
 * on that than on running them: about 4 ms of a situation page's 5). Values always travel as
 * parameters; a statement with values in its text gets no name. Off with
 * DATABASE_PREPARED_STATEMENTS=off (e.g. behind a PgBouncer that does not keep them).
 */
export function statementName(sql: string): string | undefined {
  if (process.env.DATABASE_PREPARED_STATEMENTS === "off" || sql.includes(INLINE_VALUES)) return undefined;
  let name = prepared.get(sql);
  if (name === undefined && prepared.size < MAX_PREPARED) {
    name = `s_${createHash("sha1").update(sql).digest("base64url")}`;
    prepared.set(sql, name);
  }
  return name;
}

export function createPrismaClient(connectionString: string, poolSize = 10) {
  // The adapter's type asks for a name for every query; without one (undefined) a query runs unnamed.
  const adapter = new PrismaPg({ connectionString, max: poolSize }, { statementNameGenerator: (q) => statementName(q.sql) as string });
  // Secret columns are omitted from every query; the few places that need them
  // (sign-in, two-factor) ask with `omit: { passwordHash: false }`.
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true, totpSecret: true } } });
}

export type Db = ReturnType<typeof createPrismaClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
