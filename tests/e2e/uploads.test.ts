// Large request bodies through the real server (and its proxy): every byte sent is stored, or the
// request is refused out loud before anything is written. The e2e server runs with
// IMPORT_MAX_BYTES = 16 MiB and UPLOAD_MAX_BYTES = 12 MiB (tests/e2e/global-app.ts), so each limit
// sits above the 10 MiB a proxy would buffer and can be tested at its edge.
import { createHash } from "node:crypto";
import { readdirSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { createPrismaClient } from "../../lib/db-client";
import { browserSession } from "./browser";
import { E2E_IMPORT_MAX_BYTES, E2E_UPLOAD_MAX_BYTES } from "./limits";
import { hydrated, screenshot, signIn } from "./helpers";

const baseUrl = inject("baseUrl");
const uploadDir = inject("e2eUploadDir");
const session = browserSession(baseUrl, signIn);
const db = createPrismaClient(inject("e2eDatabaseUrl"), 2);
beforeAll(session.setup);
afterAll(async () => {
  await session.teardown();
  await db.$disconnect();
});

const MiB = 1024 * 1024;
const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const HEADER = "event_id_cnty,event_date,event_type,sub_event_type,actor1,civilian_targeting,country,admin1,location,latitude,longitude,notes,fatalities\n";

/** An ACLED-shaped CSV of exactly `bytes` bytes: rows of about 150 bytes, the last one's notes padded. */
function csvOfSize(bytes: number, prefix: string): { body: Buffer; rows: number } {
  const row = (i: number, notes: string) => `${prefix}${i},2024-03-0${(i % 9) + 1},Battles,Armed clash,Military Forces of Sudan,,Sudan,North Darfur,El Fasher,13.6289,25.3494,${notes},${i % 7}\n`;
  const parts: string[] = [HEADER];
  let size = HEADER.length;
  let n = 0;
  for (;;) {
    const next = row(n + 1, "Clashes reported near the market");
    if (size + next.length + 300 > bytes) break;
    parts.push(next);
    size += next.length;
    n++;
  }
  parts.push(row(n + 1, "x".repeat(bytes - size - row(n + 1, "").length)));
  const body = Buffer.from(parts.join(""));
  if (body.length !== bytes) throw new Error(`csvOfSize made ${body.length} bytes, not ${bytes}`);
  return { body, rows: n + 1 };
}

/** A plain-text file of exactly `bytes` bytes. */
const textOfSize = (bytes: number) => Buffer.alloc(bytes, "Witness statement, transcribed. ");

let analyst: Page;
let cookie: string;

beforeAll(async () => {
  analyst = await session.newPage();
  await signIn(analyst, baseUrl, "analyst@demo.example");
  await analyst.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
  cookie = (await analyst.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
});

/** Sends a body with node:http (so Content-Length and headers are exactly what the test says). */
function send(method: string, urlPath: string, body: Buffer, headers: Record<string, string> = {}): Promise<{ status: number; json: { ok?: boolean; id?: string; message?: string } }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${baseUrl}${urlPath}`, { method, headers: { cookie, "content-length": String(body.length), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let json = {};
        try {
          json = JSON.parse(text);
        } catch {
          /* not JSON */
        }
        resolve({ status: res.statusCode ?? 0, json });
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}

const importUpload = (body: Buffer, name: string, headers: Record<string, string> = {}) =>
  send("POST", "/api/imports", body, { "x-file-name": encodeURIComponent(name), "content-type": "text/csv", "x-content-sha256": sha256(body), ...headers });

const leftovers = () => readdirSync(path.join(uploadDir, "tmp")).length;

describe("large uploads: every byte kept, or refused before anything is written", () => {
  it("imports a 12 MB ACLED file chosen in the browser whole: stored byte for byte, every row checked", async () => {
    const { body, rows } = csvOfSize(12 * MiB + 12_345, "BIGA");
    const file = path.join(tmpdir(), `aew-e2e-big-${process.pid}.csv`);
    writeFileSync(file, body);
    await analyst.goto(`${baseUrl}/events/import`);
    await hydrated(analyst);
    await analyst.getByLabel(/CSV file/).setInputFiles(file);
    await analyst.getByRole("button", { name: "Upload and check" }).click();
    await analyst.waitForURL(/\/events\/import\/[\w-]+$/, { timeout: 120_000 });
    const id = analyst.url().split("/").pop()!;
    const imp = await db.eventImport.findUniqueOrThrow({ where: { id } });
    expect(imp.fileSize).toBe(body.length);
    expect(imp.sha256).toBe(sha256(body));
    await analyst.getByRole("button", { name: "Check the file" }).click();
    await analyst.getByText(`Import ${rows.toLocaleString("en")} rows`, { exact: false }).waitFor({ timeout: 120_000 });
    await screenshot(analyst, "import-large-file-checked");
  }, 240_000);

  it("keeps imports just under and just over 10 MB and at the limit, byte for byte", async () => {
    for (const size of [10 * MiB - 1, 10 * MiB + 1, E2E_IMPORT_MAX_BYTES]) {
      const { body } = csvOfSize(size, `EDGE${size}-`);
      const res = await importUpload(body, `edge-${size}.csv`);
      expect(res.status, `${size} bytes: ${res.json.message}`).toBe(200);
      const imp = await db.eventImport.findUniqueOrThrow({ where: { id: res.json.id! } });
      expect({ size, stored: imp.fileSize, sha: imp.sha256 }).toEqual({ size, stored: size, sha: sha256(body) });
    }
  });

  it("refuses an import one byte over the limit, naming the limit, and stores nothing", async () => {
    const before = await db.eventImport.count();
    const { body } = csvOfSize(E2E_IMPORT_MAX_BYTES + 1, "OVER");
    const res = await importUpload(body, "over.csv");
    expect(res.status).toBe(413);
    expect(res.json.message).toContain("16 MB");
    expect(await db.eventImport.count()).toBe(before);
    expect(leftovers()).toBe(0);
  });

  it("refuses a file whose SHA-256 differs from the one the browser computed, and stores nothing", async () => {
    const before = await db.eventImport.count();
    const { body } = csvOfSize(11 * MiB, "SHA");
    const res = await importUpload(body, "changed.csv", { "x-content-sha256": "0".repeat(64) });
    expect(res.status).toBe(422);
    expect(res.json.message).toMatch(/fingerprint/i);
    expect(await db.eventImport.count()).toBe(before);
    expect(leftovers()).toBe(0);
  });

  it("attaches files just over 10 MB and at the limit whole, refuses one byte more; downloads keep their own CSP", async () => {
    const source = await db.source.findFirstOrThrow({ where: { organisation: { slug: "demo-watch" }, deletedAt: null } });
    for (const size of [10 * MiB + 1, E2E_UPLOAD_MAX_BYTES]) {
      const body = textOfSize(size);
      const res = await send("PUT", `/api/sources/${source.id}/file`, body, { "x-file-name": `statement-${size}.txt`, "x-content-sha256": sha256(body) });
      expect(res.status, `${size} bytes: ${res.json.message}`).toBe(200);
      const row = await db.source.findUniqueOrThrow({ where: { id: source.id } });
      expect({ size: row.fileSize, sha: row.fileSha256 }).toEqual({ size, sha: sha256(body) });
    }
    const over = textOfSize(E2E_UPLOAD_MAX_BYTES + 1);
    const res = await send("PUT", `/api/sources/${source.id}/file`, over, { "x-file-name": "too-big.txt", "x-content-sha256": sha256(over) });
    expect(res.status).toBe(413);
    expect(res.json.message).toContain("12 MB");
    expect((await db.source.findUniqueOrThrow({ where: { id: source.id } })).fileSize).toBe(E2E_UPLOAD_MAX_BYTES);
    expect(leftovers()).toBe(0);

    const download = await fetch(`${baseUrl}/api/sources/${source.id}/file`, { headers: { cookie } });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(sha256(Buffer.from(await download.arrayBuffer()))).toBe(sha256(textOfSize(E2E_UPLOAD_MAX_BYTES)));
  });

  it("refuses an upload cut short (fewer bytes than Content-Length announced) and stores nothing", async () => {
    const before = await db.eventImport.count();
    const { body } = csvOfSize(11 * MiB, "CUT");
    await new Promise<void>((resolve) => {
      const req = httpRequest(`${baseUrl}/api/imports`, { method: "POST", headers: { cookie, "content-length": String(body.length), "x-file-name": "cut.csv" } });
      req.on("error", () => resolve());
      req.on("response", () => resolve());
      req.write(body.subarray(0, 6 * MiB), () => setTimeout(() => req.destroy(), 500));
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await db.eventImport.count()).toBe(before);
    expect(leftovers()).toBe(0);
  });
});
