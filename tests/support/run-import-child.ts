// Runs one checked import in a process of its own, so a test can kill that process part-way
// (tests/integration/import-crash.test.ts). Argument: a JSON object of the import and the user.
import { createPrismaClient } from "../../lib/db-client";
import { runImport } from "../../lib/events/import";

const { imp, userId } = JSON.parse(process.argv[2]);
const db = createPrismaClient(process.env.DATABASE_URL!, 2);
await runImport(db, imp, userId);
await db.$disconnect();
