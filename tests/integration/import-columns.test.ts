// An import file's header row is capped: a file of thousands of columns made a mapping page of
// megabytes (16,574 columns: 13 MB; five loads took a server process to 933 MB). Refused on upload.
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { POST } from "@/app/api/imports/route";
import { actAs, createMember, createOrganisation } from "../support/fixtures";

process.env.UPLOAD_DIR = mkdtempSync(path.join(tmpdir(), "aew-import-columns-"));

let org: { id: string };

beforeAll(async () => {
  org = await createOrganisation();
  await actAs(await createMember(org.id, "ANALYST"));
});

async function upload(text: string) {
  const body = Buffer.from(text);
  const res = await POST(
    new NextRequest("http://localhost/api/imports", {
      method: "POST",
      body: new Uint8Array(body),
      headers: { "x-file-name": "wide.csv", "content-length": String(body.length) },
    }),
  );
  return { status: res.status, body: (await res.json()) as { ok: boolean; id?: string; message?: string } };
}

describe("an import file's header row", () => {
  it("of 600 columns is refused with how many it has and how many are read, and nothing is kept", async () => {
    const header = Array.from({ length: 600 }, (_, i) => `column ${i}`).join(",");
    const row = Array.from({ length: 600 }, () => "x").join(",");
    expect(await upload(`${header}\n${row}\n`)).toEqual({
      status: 422,
      body: { ok: false, message: "This file has 600 columns; we read at most 500. Remove the columns you do not need and upload it again." },
    });
    expect(await db.eventImport.count({ where: { organisationId: org.id } })).toBe(0);
    const files = readdirSync(process.env.UPLOAD_DIR!, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    expect(files).toEqual([]);
  });

  it("with a column name of more than 200 characters is refused", async () => {
    expect(await upload(`id,${"a".repeat(300)}\n1,2\n`)).toMatchObject({ status: 422, body: { message: expect.stringContaining("is 300 characters long; a column name may have at most 200.") } });
  });
});
