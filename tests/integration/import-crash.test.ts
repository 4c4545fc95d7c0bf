// An import whose server process dies part-way: nothing is written, the import is shown as failed
// (not "running" for ever), and it can be run again. The process is really killed (SIGKILL).
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { checkImport, createImport, loadImport, startImport } from "@/lib/events/import-service";
import { uploadDir } from "@/lib/sources/files";
import { actAs, createMember, createOrganisation } from "../support/fixtures";
import { getCurrentUser } from "@/lib/auth/current-user";

process.env.UPLOAD_DIR = mkdtempSync(path.join(tmpdir(), "aew-import-crash-"));

const ROWS = 120_000;
function bigCsv(): Buffer {
  const lines = ["event_id_cnty,event_date,event_type,actor1,country,admin1,location,latitude,longitude,notes,fatalities"];
  for (let i = 1; i <= ROWS; i++) lines.push(`CRASH${i},2024-02-${String((i % 28) + 1).padStart(2, "0")},Battles,Militia A,Sudan,North Darfur,El Fasher,13.6,25.3,Clashes near the market reported by several sources,${i % 5}`);
  return Buffer.from(lines.join("\n") + "\n");
}

let actor: { user: NonNullable<Awaited<ReturnType<typeof getCurrentUser>>>; membership: NonNullable<NonNullable<Awaited<ReturnType<typeof getCurrentUser>>>["active"]> };
let org: { id: string };

beforeAll(async () => {
  org = await createOrganisation();
  const analyst = await createMember(org.id, "ANALYST");
  await actAs(analyst);
  const user = (await getCurrentUser())!;
  actor = { user, membership: user.active! };
});

async function checkedImport() {
  const body = bigCsv();
  const { id } = await createImport(actor, new Blob([new Uint8Array(body)]).stream(), { fileName: "crash.csv", declaredSize: body.length, sha256: null }, null);
  const imp = await db.eventImport.findUniqueOrThrow({ where: { id } });
  await checkImport(actor, { id, mapping: imp.mapping as Record<string, string>, situationId: "" });
  return db.eventImport.findUniqueOrThrow({ where: { id } });
}

describe("an import whose process is killed part-way", () => {
  it("writes nothing, is shown as failed once its process is gone, and runs again to the end", async () => {
    const imp = await checkedImport();
    const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "tests/support/run-import-child.ts", JSON.stringify({
      imp: { id: imp.id, organisationId: imp.organisationId, situationId: null, fileName: imp.fileName, sha256: imp.sha256, file: path.join(uploadDir(), imp.fileKey!), delimiter: imp.delimiter, mapping: imp.mapping },
      userId: actor.user.id,
    })], { env: process.env, stdio: ["ignore", "inherit", "inherit"] });
    const exited = new Promise((r) => child.once("exit", r));
    // Wait until the import is under way (rows read and written inside its transaction), then kill it.
    for (let i = 0; ; i++) {
      const now = await db.eventImport.findUniqueOrThrow({ where: { id: imp.id } });
      if (now.status === "RUNNING" && now.processedRows > 0) break;
      if (now.status !== "PENDING" && now.status !== "RUNNING") throw new Error(`The import ended before it could be killed: ${now.status}`);
      if (i > 600) throw new Error("The import did not start");
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill("SIGKILL");
    await exited;

    // PostgreSQL ends the dead client's transaction (and frees its lock) once the backend notices the
    // closed connection: at once when it waits for the client, after the statement it is running
    // otherwise. Until then the import truly is still running; a reader a moment later sees it failed.
    let after = await loadImport(actor.membership, imp.id);
    for (let i = 0; after.status === "RUNNING" && i < 300; i++) {
      await new Promise((r) => setTimeout(r, 100));
      after = await loadImport(actor.membership, imp.id);
    }
    expect(after.status).toBe("FAILED");
    expect(await db.event.count({ where: { organisationId: org.id } })).toBe(0);
    const audit = await db.auditEntry.findFirst({ where: { entityId: imp.id, action: "event_import.fail" } });
    expect((audit?.after as { error?: string } | null)?.error).toMatch(/stopped/);

    const again = await startImport(actor, { id: imp.id });
    expect(again).toMatchObject({ createdCount: ROWS, skippedCount: 0 });
    expect(await db.event.count({ where: { organisationId: org.id } })).toBe(ROWS);
    expect((await db.eventImport.findUniqueOrThrow({ where: { id: imp.id } })).status).toBe("COMPLETED");
  });

  it("is not taken for dead while it runs, and cannot be started twice at once", async () => {
    const imp = await checkedImport();
    const first = startImport(actor, { id: imp.id });
    for (;;) {
      const now = await db.eventImport.findUniqueOrThrow({ where: { id: imp.id } });
      if (now.status === "RUNNING") break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect((await loadImport(actor.membership, imp.id)).status).toBe("RUNNING");
    await expect(startImport(actor, { id: imp.id })).rejects.toThrow(/already/);
    await first;
    expect((await db.eventImport.findUniqueOrThrow({ where: { id: imp.id } })).status).toBe("COMPLETED");
  });
});
