// Restores a backup file in a process of its own, so a test can kill that process part-way
// (tests/integration/restore-crash.test.ts). Arguments: the file, the organisation, the user.
import { createReadStream, statSync } from "node:fs";
import { Readable } from "node:stream";
import { createPrismaClient } from "../../lib/db-client";
import { readBackup } from "../../lib/exports/backup-reader";
import { restoreBackup } from "../../lib/exports/restore-backup";

const [file, organisationId, userId] = process.argv.slice(2);
const db = createPrismaClient(process.env.DATABASE_URL!, 2);
const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
await db.$transaction(async (tx) => {
  console.log("restoring");
  await restoreBackup(tx, readBackup(body, statSync(file).size), organisationId, userId);
}, { timeout: 600_000 });
console.log("restored");
await db.$disconnect();
