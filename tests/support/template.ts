// A migrated database with the reference data, copied (CREATE DATABASE ... TEMPLATE) for each test file.
import pg from "pg";
import { withDatabase } from "../../lib/database-url";
import { createPrismaClient } from "../../lib/db-client";
import { migrate } from "../../scripts/lib/migrate";
import { seedReference } from "../../prisma/seed";

export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createTemplate(adminUrl: string, name: string): Promise<string> {
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}"`);
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  const url = withDatabase(adminUrl, name);
  await migrate(url);
  const prisma = createPrismaClient(url, 2);
  try {
    await seedReference(prisma);
  } finally {
    await prisma.$disconnect();
  }
  return url;
}
