import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { DELETE, GET, PUT } from "@/app/api/sources/[id]/file/route";
import { createSourceAction } from "@/app/(app)/sources/actions";
import { emptySourceInput } from "@/lib/sources/schemas";
import { actAs, createMember, createOrganisation } from "../support/fixtures";

process.env.UPLOAD_DIR = mkdtempSync(path.join(tmpdir(), "aew-uploads-"));
process.env.UPLOAD_MAX_BYTES = String(64 * 1024);

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
// The first bytes of a Windows program (an "MZ" header with a PE signature).
const EXE = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(58), Buffer.from([0x40, 0, 0, 0]), Buffer.from("PE\0\0"), Buffer.alloc(200)]);

function put(id: string, body: Buffer, name: string, headers: Record<string, string> = {}) {
  return PUT(new NextRequest(`http://localhost/api/sources/${id}/file`, { method: "PUT", body: new Uint8Array(body), headers: { "x-file-name": encodeURIComponent(name), "content-length": String(body.length), ...headers } }), {
    params: Promise.resolve({ id }),
  });
}
const get = (id: string) => GET(new NextRequest(`http://localhost/api/sources/${id}/file`), { params: Promise.resolve({ id }) });

let sourceId: string;
let analyst: { id: string };
let viewer: { id: string };
let outsider: { id: string };

beforeAll(async () => {
  const org = await createOrganisation();
  analyst = await createMember(org.id, "ANALYST");
  viewer = await createMember(org.id, "VIEWER");
  outsider = await createMember((await createOrganisation()).id, "ADMIN");
  await actAs(analyst);
  const s = await createSourceAction({ ...emptySourceInput(), title: "Witness statement (redacted)" });
  if (!s.ok) throw new Error(s.message);
  sourceId = s.data.id;
});

describe("attaching a file to a source", () => {
  it("stores it with its SHA-256, audits it, and serves it to members of the organisation only", async () => {
    await actAs(analyst);
    const res = await put(sourceId, PDF, "statement.pdf");
    expect(res.status).toBe(200);
    const sha = createHash("sha256").update(PDF).digest("hex");
    const row = await db.source.findUniqueOrThrow({ where: { id: sourceId } });
    expect(row).toMatchObject({ fileName: "statement.pdf", fileSha256: sha, fileSize: PDF.length, fileType: "application/pdf" });
    expect(await db.auditEntry.count({ where: { entityId: sourceId, action: "source.attach_file" } })).toBe(1);

    await actAs(viewer);
    const download = await get(sourceId);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toContain("statement.pdf");
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);

    await actAs(outsider);
    expect((await get(sourceId)).status).toBe(404);
    await actAs(null);
    expect((await get(sourceId)).status).toBe(401);
  });

  it("refuses a program disguised as a PDF, an oversized file, and viewers, keeping the stored file", async () => {
    await actAs(analyst);
    const exe = await put(sourceId, EXE, "report.pdf");
    expect(exe.status).toBe(415);
    expect(((await exe.json()) as { message: string }).message).toMatch(/\.exe file/);
    const big = await put(sourceId, Buffer.alloc(65 * 1024, 65), "notes.txt");
    expect(big.status).toBe(413);
    const misnamed = await put(sourceId, PDF, "picture.png");
    expect(misnamed.status).toBe(415);
    await actAs(viewer);
    expect((await put(sourceId, PDF, "statement.pdf")).status).toBe(403);
    expect((await db.source.findUniqueOrThrow({ where: { id: sourceId } })).fileName).toBe("statement.pdf");
  });

  it("accepts plain text and removes an attachment, audited", async () => {
    await actAs(analyst);
    expect((await put(sourceId, Buffer.from("Notes from the interview, in plain text.\n"), "notes.txt")).status).toBe(200);
    expect((await db.source.findUniqueOrThrow({ where: { id: sourceId } })).fileType).toBe("text/plain");
    const del = await DELETE(new NextRequest(`http://localhost/api/sources/${sourceId}/file`, { method: "DELETE" }), { params: Promise.resolve({ id: sourceId }) });
    expect(del.status).toBe(200);
    expect((await db.source.findUniqueOrThrow({ where: { id: sourceId } })).fileKey).toBeNull();
    expect(await db.auditEntry.count({ where: { entityId: sourceId, action: "source.remove_file" } })).toBe(1);
  });

  it("keeps a file only if it arrived whole: as many bytes as declared, with the sender's SHA-256", async () => {
    await actAs(analyst);
    const before = await db.source.findUniqueOrThrow({ where: { id: sourceId } });
    const sha = createHash("sha256").update(PDF).digest("hex");
    const wrongSha = await put(sourceId, PDF, "statement.pdf", { "x-content-sha256": "ab".repeat(32) });
    expect(wrongSha.status).toBe(422);
    expect(((await wrongSha.json()) as { message: string }).message).toContain("SHA-256 fingerprint differs");
    const cut = await put(sourceId, PDF, "statement.pdf", { "content-length": String(PDF.length + 1000) });
    expect(cut.status).toBe(400);
    expect(((await cut.json()) as { message: string }).message).toBe(`Only ${PDF.length} of the ${(PDF.length + 1000).toLocaleString("en")} bytes sent arrived, so nothing was stored. Please try again.`);
    const badName = await PUT(new NextRequest(`http://localhost/api/sources/${sourceId}/file`, { method: "PUT", body: new Uint8Array(PDF), headers: { "x-file-name": "%E0%A4%A", "content-length": String(PDF.length) } }), { params: Promise.resolve({ id: sourceId }) });
    expect(badName.status).toBe(400);
    const badSha = await put(sourceId, PDF, "statement.pdf", { "x-content-sha256": "not-a-hash" });
    expect(badSha.status).toBe(400);
    expect(await db.source.findUniqueOrThrow({ where: { id: sourceId } })).toMatchObject({ fileKey: before.fileKey, fileSha256: before.fileSha256 });
    expect((await put(sourceId, PDF, "statement.pdf", { "x-content-sha256": sha.toUpperCase() })).status).toBe(200);
  });

  it("refuses to attach or remove a file from another site's page (Origin not ours)", async () => {
    await actAs(analyst);
    const before = await db.source.findUniqueOrThrow({ where: { id: sourceId } });
    const foreign = await put(sourceId, PDF, "statement.pdf", { origin: "https://evil.example", host: "localhost" });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { message: string }).message).toBe("This request came from another site and was refused.");
    const del = await DELETE(new NextRequest(`http://localhost/api/sources/${sourceId}/file`, { method: "DELETE", headers: { origin: "https://evil.example", host: "localhost" } }), { params: Promise.resolve({ id: sourceId }) });
    expect(del.status).toBe(403);
    expect(await db.source.findUniqueOrThrow({ where: { id: sourceId } })).toMatchObject({ fileKey: before.fileKey, version: before.version });
    expect((await put(sourceId, PDF, "statement.pdf", { origin: "http://localhost", host: "localhost" })).status).toBe(200);
  });
});
