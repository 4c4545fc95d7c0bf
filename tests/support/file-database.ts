// Each test file gets its own database, copied from the migrated template, and its own
// signed-in user (see tests/support/auth.ts). Next's request APIs are replaced by small fakes.
import { randomBytes } from "node:crypto";
import { afterAll, inject, vi } from "vitest";
import { withDatabase } from "@/lib/database-url";
import { adminQuery } from "./template";
import { testCookies, testSession } from "./request-context";

// Secrets the app derives keys from (e.g. the two-factor secret's encryption key): random per run.
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");

vi.mock("@/lib/auth/session", () => ({ readSessionClaims: async () => testSession.claims }));
vi.mock("next/headers", () => ({
  cookies: async () => testCookies,
  headers: async () => new Headers({ "user-agent": "vitest", "x-forwarded-for": "127.0.0.1" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {} }));

const adminUrl = inject("adminUrl");
const dbName = `aew_test_${randomBytes(6).toString("hex")}`;
await adminQuery(adminUrl, `CREATE DATABASE "${dbName}" TEMPLATE "${inject("templateDb")}"`);
process.env.DATABASE_URL = withDatabase(adminUrl, dbName);
process.env.TEST_DATABASE_NAME = dbName;

afterAll(async () => {
  const g = globalThis as unknown as { prisma?: { $disconnect(): Promise<void> } };
  await g.prisma?.$disconnect();
  g.prisma = undefined;
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
});
