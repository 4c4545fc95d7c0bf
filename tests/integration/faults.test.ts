// The fault suite: the database stops during a save and during an export, the upload disk fills.
// After each: nothing half-written, the person sees what happened, and the app recovers by itself.
// (A server process killed during an import: tests/integration/import-crash.test.ts.) This file
// runs on a PostgreSQL server of its own, which it stops and starts again.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { ensureEmbeddedServer, type EmbeddedServer } from "../../scripts/lib/embedded-db";
import { createTemplate } from "../support/template";
import { db } from "@/lib/db";
import { createSituationAction } from "@/app/(app)/situations/actions";
import { createSourceAction } from "@/app/(app)/sources/actions";
import { emptySituationInput } from "@/lib/situations/schemas";
import { emptySourceInput } from "@/lib/sources/schemas";
import { GET as exportList } from "@/app/api/exports/[entity]/route";
import { PUT as attach } from "@/app/api/sources/[id]/file/route";
import { actAs, createMember, createOrganisation } from "../support/fixtures";

const base = mkdtempSync(path.join(tmpdir(), "aew-faults-"));
const password = randomBytes(12).toString("hex");
let port = 0;
let server: EmbeddedServer;
const start = () => ensureEmbeddedServer({ dataDir: path.join(base, "pgdata"), port, password, database: "postgres", logFile: path.join(base, "postgres.log") });

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port: p } = srv.address() as { port: number };
      srv.close(() => resolve(p));
    });
  });
}

let analyst: { id: string };
let orgId: string;

beforeAll(async () => {
  port = await freePort();
  server = await start();
  process.env.DATABASE_URL = await createTemplate(server.url.replace(/\/postgres$/, "/postgres"), "aew_faults");
  const g = globalThis as unknown as { prisma?: unknown; rawPool?: unknown };
  g.prisma = undefined;
  g.rawPool = undefined;
  const org = await createOrganisation();
  orgId = org.id;
  analyst = await createMember(org.id, "ANALYST");
}, 120_000);

afterAll(async () => {
  const g = globalThis as unknown as { prisma?: { $disconnect(): Promise<void> }; rawPool?: { end(): Promise<void> } };
  await g.prisma?.$disconnect().catch(() => {});
  await g.rawPool?.end().catch(() => {});
  g.prisma = undefined;
  g.rawPool = undefined;
  if (running) await server?.stop();
  rmSync(base, { recursive: true, force: true });
});

let running = true;
async function stopDatabase() {
  await server.stop();
  running = false;
}
async function startDatabase() {
  if (!running) server = await start();
  running = true;
}
beforeEach(startDatabase);

// It brings its own server, so `npm run test:pg` (the same files against an external server) skips it.
const suite = process.env.TEST_PG_EXTERNAL === "1" ? describe.skip : describe;

suite("the database stops during a save", () => {
  it("answers that nothing was saved (no server error page), and the next save works once it is back", async () => {
    await actAs(analyst);
    const input = { ...emptySituationInput(), countryIso3: "SDN", title: "Saved while the database was down" };
    await stopDatabase();
    const refused = await createSituationAction(input);
    expect(refused).toMatchObject({ ok: false, message: "The database could not be reached, so nothing was saved. What you typed is still here: try again in a moment." });
    await startDatabase();
    const saved = await createSituationAction(input);
    expect(saved.ok).toBe(true);
    expect(await db.situation.count({ where: { organisationId: orgId, title: input.title } })).toBe(1);
  });
});

suite("the database stops during an export", () => {
  it("ends the download in an error, never as a complete-looking file, and the next export works", async () => {
    await actAs(analyst);
    await db.$executeRawUnsafe(`INSERT INTO "Event" (id, "organisationId", "eventDate", "eventType", notes, fatalities, "createdById", "updatedAt")
      SELECT 'fault-' || g, '${orgId}', DATE '2024-01-01' + (g % 300), 'Battles', repeat('Clashes near the market. ', 8), g % 5, '${analyst.id}', now() FROM generate_series(1, 60000) g`);
    const res = await exportList(new NextRequest("http://localhost/api/exports/events?format=csv"), { params: Promise.resolve({ entity: "events" }) });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    await reader.read(); // the download has begun
    await stopDatabase();
    const outcome = await (async () => {
      try {
        for (;;) {
          const { done } = await reader.read();
          if (done) return "ended as if complete";
        }
      } catch {
        return "failed";
      }
    })();
    expect(outcome).toBe("failed");
    await startDatabase();
    const again = await exportList(new NextRequest("http://localhost/api/exports/events?format=csv"), { params: Promise.resolve({ entity: "events" }) });
    const text = await again.text();
    expect(text.trim().split("\n").length).toBe(60_001);
  });
});

suite("the upload disk fills", () => {
  it("refuses the file saying so, keeps nothing half-written, and takes the next file once there is room", async () => {
    const dir = path.join(base, "uploads");
    mkdirSync(dir);
    // A 1 MB disk where this machine lets us mount one (as root); otherwise this part cannot run.
    try {
      execFileSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", dir], { stdio: "ignore" });
    } catch {
      console.warn("Could not mount a small tmpfs here: the full-disk fault is not tested on this machine.");
      return;
    }
    try {
      process.env.UPLOAD_DIR = dir;
      await actAs(analyst);
      const created = await createSourceAction({ ...emptySourceInput(), title: "Satellite imagery report" });
      if (!created.ok) throw new Error(created.message);
      const id = created.data.id;
      const put = (body: Buffer, name: string) =>
        attach(new NextRequest(`http://localhost/api/sources/${id}/file`, { method: "PUT", body: new Uint8Array(body), headers: { "x-file-name": name, "content-length": String(body.length) } }), { params: Promise.resolve({ id }) });
      const full = await put(Buffer.alloc(2 * 1024 * 1024, "Witness statement, transcribed. "), "statement.txt");
      expect(full.status).toBe(507);
      expect(((await full.json()) as { message: string }).message).toBe("The server has no room left to store this file, so nothing was stored. Tell your administrator.");
      expect(readdirSync(path.join(dir, "tmp"))).toEqual([]);
      expect((await db.source.findUniqueOrThrow({ where: { id } })).fileKey).toBeNull();
      const small = await put(Buffer.from("A short note fits.\n"), "note.txt");
      expect(small.status).toBe(200);
    } finally {
      execFileSync("umount", [dir]);
    }
  });
});
