// A restore whose server process is killed part-way (SIGKILL): nothing of the backup is kept, and
// the same file restores completely afterwards, without anything to clean up by hand.
import { spawn } from "node:child_process";
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { GET, POST } from "@/app/api/backup/route";
import { createSituationAction } from "@/app/(app)/situations/actions";
import { emptySituationInput } from "@/lib/situations/schemas";
import { actAs, createMember, createOrganisation } from "../support/fixtures";

const dir = mkdtempSync(path.join(tmpdir(), "aew-restore-crash-"));
const file = path.join(dir, "backup.json");
const EVENTS = 60_000;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  const org = await createOrganisation();
  const admin = await createMember(org.id, "ADMIN");
  await actAs(admin, org.id);
  const created = await createSituationAction({ ...emptySituationInput(), countryIso3: "SDN", title: "Sudan" });
  if (!created.ok) throw new Error(created.message);
  const situation = created.data;
  await db.$executeRawUnsafe(`INSERT INTO "Event" (id, "organisationId", "situationId", "eventDate", "eventType", notes, fatalities, "createdById", "updatedAt")
    SELECT 'crash-' || g, '${org.id}', '${situation.id}', DATE '2024-01-01' + (g % 300), 'Battles', repeat('Shelling of the market reported by residents. ', 4), g % 5, '${admin.id}', now() FROM generate_series(1, ${EVENTS}) g`);
  await actAs(admin, org.id);
  const res = await GET();
  expect(res.status).toBe(200);
  await pipeline(Readable.fromWeb(res.body! as import("node:stream/web").ReadableStream<Uint8Array>), createWriteStream(file));
}, 120_000);

describe("a restore whose process is killed part-way", () => {
  it("keeps nothing, and the same backup then restores whole", async () => {
    const target = await createOrganisation();
    const admin = await createMember(target.id, "ADMIN");
    const where = { organisationId: target.id };
    const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "tests/support/run-restore-child.ts", file, target.id, admin.id], { env: process.env, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    const exited = new Promise((r) => child.once("exit", r));
    for (let i = 0; !out.includes("restoring"); i++) {
      if (i > 1200) throw new Error("The restore did not start");
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 1500)); // well into the file (it takes several seconds)
    expect(out).not.toContain("restored");
    expect(child.exitCode, "the restore ended before it could be killed").toBeNull();
    child.kill("SIGKILL");
    await exited;

    expect(await db.situation.count({ where })).toBe(0);
    expect(await db.event.count({ where })).toBe(0);
    expect(await db.auditEntry.count({ where: { organisationId: target.id, action: "import.backup" } })).toBe(0);

    await actAs(admin, target.id);
    const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
    const res = await POST(new NextRequest("http://localhost/api/backup", { method: "POST", body, headers: { "content-length": String(statSync(file).size) }, duplex: "half" } as ConstructorParameters<typeof NextRequest>[1]));
    expect(await res.json()).toMatchObject({ ok: true, counts: { events: EVENTS, situations: 1 } });
    expect(await db.event.count({ where })).toBe(EVENTS);
  }, 300_000);
});
