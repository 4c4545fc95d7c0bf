// Issue #29: an organisation's logo for its briefs. Administrators upload a PNG or JPEG (at most
// 2 MB, checked by its content), see it on the Admin page, replace or remove it; every change is
// audited; the briefs read it through organisationLogo().
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { unzipSync, strFromU8 } from "fflate";
import { DELETE, GET, PUT } from "@/app/api/admin/logo/route";
import { GET as brief } from "@/app/api/briefs/[id]/route";
import { organisationLogo } from "@/lib/admin/logo";
import { uploadDir } from "@/lib/sources/files";
import { actAs, createMember, createOrganisation, createSituation } from "../support/fixtures";

process.env.UPLOAD_DIR = mkdtempSync(path.join(tmpdir(), "aew-logo-"));

// A 1 x 1 pixel PNG, and the start of a JPEG (what file-type reads to know one).
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]), Buffer.alloc(64, 1)]);
const GIF = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

let org: { id: string };
let admin: { id: string };
let analyst: { id: string };

beforeAll(async () => {
  org = await createOrganisation();
  admin = await createMember(org.id, "ADMIN");
  analyst = await createMember(org.id, "ANALYST");
});

function put(body: Buffer, name: string, headers: Record<string, string> = {}) {
  return PUT(
    new NextRequest("http://localhost/api/admin/logo", {
      method: "PUT",
      body: new Uint8Array(body),
      headers: { "x-file-name": encodeURIComponent(name), "content-length": String(body.length), "x-content-sha256": sha(body), ...headers },
    }),
  );
}
const message = async (res: Response) => ((await res.json()) as { message?: string }).message;

describe("an organisation's logo", () => {
  it("is set by an administrator from a PNG, served back to them, audited, and read by the briefs as stored", async () => {
    await actAs(admin);
    expect(await organisationLogo(org.id)).toBeNull();
    const res = await put(PNG, "logo.png");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, data: { type: "image/png", sha256: sha(PNG) } });
    const stored = await db.organisation.findUniqueOrThrow({ where: { id: org.id } });
    expect(stored).toMatchObject({ logoType: "image/png", logoSha256: sha(PNG) });
    expect(await organisationLogo(org.id)).toEqual({ data: PNG, type: "image/png" });
    const served = await GET();
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { organisationId: org.id, action: "organisation.logo_set" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ userId: admin.id, entityType: "Organisation", entityId: org.id, before: { logoKey: null, logoType: null, logoSha256: null } });
    expect(audit.after).toMatchObject({ logoType: "image/png", logoSha256: sha(PNG), fileName: "logo.png", size: PNG.length });

    // Replaced by a JPEG.
    expect((await put(JPEG, "logo.jpeg")).status).toBe(200);
    expect(await organisationLogo(org.id)).toEqual({ data: JPEG, type: "image/jpeg" });
  });

  it("refuses what is not a whole PNG or JPEG of at most 2 MB, saying why, and keeps the logo it had", async () => {
    await actAs(admin);
    const before = await db.organisation.findUniqueOrThrow({ where: { id: org.id }, select: { logoKey: true, logoSha256: true } });
    const gif = await put(GIF, "logo.gif");
    expect(gif.status).toBe(415);
    expect(await message(gif)).toBe("This file's content is a .gif file; upload a PNG or JPEG image.");
    const renamed = await put(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"), "logo.png");
    expect(renamed.status).toBe(415);
    const misnamed = await put(PNG, "logo.jpg");
    expect(misnamed.status).toBe(415);
    expect(await message(misnamed)).toBe("The file is named .jpg but its content is a PNG image. Rename it or attach the right file.");
    const large = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]);
    const tooLarge = await put(large, "large.png");
    expect(tooLarge.status).toBe(413);
    expect(await message(tooLarge)).toBe("The file is larger than 2 MB, the most we accept.");
    // Sent without its size: stopped at the limit while reading.
    const unannounced = await PUT(new NextRequest("http://localhost/api/admin/logo", { method: "PUT", body: new Uint8Array(large), headers: { "x-file-name": "large.png" } }));
    expect(unannounced.status).toBe(413);
    const altered = await put(PNG, "logo.png", { "x-content-sha256": sha(JPEG) });
    expect(altered.status).toBe(422);
    expect(await db.organisation.findUniqueOrThrow({ where: { id: org.id }, select: { logoKey: true, logoSha256: true } })).toEqual(before);
  });

  it("is changed by administrators only, and never from another site's page", async () => {
    await actAs(analyst);
    const refused = await put(PNG, "logo.png");
    expect(refused.status).toBe(403);
    expect(await message(refused)).toBe("Only administrators can change the organisation's logo.");
    expect((await GET()).status).toBe(403);
    await actAs(admin);
    const crossSite = await put(PNG, "logo.png", { origin: "https://evil.example", host: "localhost" });
    expect(crossSite.status).toBe(403);
    expect((await DELETE(new NextRequest("http://localhost/api/admin/logo", { method: "DELETE", headers: { origin: "https://evil.example", host: "localhost" } }))).status).toBe(403);
    expect(await organisationLogo(org.id)).toMatchObject({ type: "image/jpeg" });
  });

  it("is not used when its stored file no longer has the fingerprint taken at upload", async () => {
    const { logoKey } = await db.organisation.findUniqueOrThrow({ where: { id: org.id }, select: { logoKey: true } });
    const file = path.join(uploadDir(), logoKey!);
    writeFileSync(file, PNG);
    expect(await organisationLogo(org.id)).toBeNull();
    writeFileSync(file, JPEG);
    expect(await organisationLogo(org.id)).toEqual({ data: JPEG, type: "image/jpeg" });
  });

  it("stands above the title of the organisation's Word briefs, as uploaded, for every member who downloads one", async () => {
    await actAs(admin);
    expect((await put(PNG, "logo.png")).status).toBe(200);
    const situation = await createSituation(org.id, analyst.id, { title: "Logo brief" });
    await actAs(analyst);
    const res = await brief(new NextRequest(`http://localhost/api/briefs/${situation.id}?format=docx`), { params: Promise.resolve({ id: situation.id }) });
    expect(res.status).toBe(200);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const media = Object.keys(files).filter((f) => f.startsWith("word/media/"));
    expect(media).toHaveLength(1);
    expect(Buffer.from(files[media[0]])).toEqual(PNG);
    const xml = strFromU8(files["word/document.xml"]);
    expect(xml.indexOf("<w:drawing>")).toBeGreaterThan(-1);
    expect(xml.indexOf("<w:drawing>")).toBeLessThan(xml.indexOf("Logo brief"));
    expect(xml).toMatch(/descr="[^"]*&apos;s logo"|descr="[^"]*'s logo"/);
  });

  it("is removed by an administrator, audited", async () => {
    await actAs(admin);
    const res = await DELETE(new NextRequest("http://localhost/api/admin/logo", { method: "DELETE" }));
    expect(res.status).toBe(200);
    expect(await organisationLogo(org.id)).toBeNull();
    expect(await db.organisation.findUniqueOrThrow({ where: { id: org.id }, select: { logoKey: true, logoType: true, logoSha256: true } })).toEqual({ logoKey: null, logoType: null, logoSha256: null });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { organisationId: org.id, action: "organisation.logo_remove" } });
    expect(audit.before).toMatchObject({ logoType: "image/png", logoSha256: sha(PNG) });
    expect((await GET()).status).toBe(404);
    expect((await DELETE(new NextRequest("http://localhost/api/admin/logo", { method: "DELETE" }))).status).toBe(404);
  });
});
