// A member whose organisation requires two-factor sign-in, and who has not set it up, may only set
// it up: every API route refuses them as server actions and pages do (issue #26: GET /api/backup
// gave such an administrator the whole dataset).
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { encryptSecret, newSecret } from "@/lib/auth/totp";
import { GET as backup } from "@/app/api/backup/route";
import { GET as exportList } from "@/app/api/exports/[entity]/route";
import { actAs, createMember, createOrganisation } from "../support/fixtures";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
const modules = import.meta.glob<Record<string, unknown>>("/app/**/route.ts", { eager: true });
// Open to everyone by design: next-auth's own endpoints and the maps' country outlines. The partner
// API (/api/v1) takes no session at all, only a token: a token of an issuer who must still set up
// two-factor sign-in is refused there (tests/integration/partner-api.test.ts).
const PUBLIC = ["/app/api/auth/", "/app/maps/", "/app/api/v1/"];
const routes: [string, Handler][] = [];
for (const [file, mod] of Object.entries(modules)) {
  if (PUBLIC.some((p) => file.startsWith(p))) continue;
  for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) if (typeof mod[method] === "function") routes.push([`${file.slice(1)}#${method}`, mod[method] as Handler]);
}

const MESSAGE = /organisation requires two-factor sign-in.*Account page/;
let pending: { id: string };
let orgId: string;

beforeAll(async () => {
  const org = await createOrganisation();
  orgId = org.id;
  await db.organisation.update({ where: { id: org.id }, data: { requireTwoFactor: true } });
  pending = await createMember(org.id, "ADMIN");
});

function get(path: string) {
  return new NextRequest(`http://localhost${path}`);
}

describe("API routes and the organisation's two-factor requirement", () => {
  it("finds the routes to check", () => {
    expect(routes.length).toBeGreaterThanOrEqual(11);
  });

  for (const [key] of [["app/api/backup/route.ts#GET"], ["app/api/exports/[entity]/route.ts#GET"]]) {
    it(`${key}: an administrator who has not set up two-factor sign-in is refused`, async () => {
      await actAs(pending);
      const res = key.startsWith("app/api/backup") ? await backup() : await exportList(get("/api/exports/audit"), { params: Promise.resolve({ entity: "audit" }) });
      expect(res.status).toBe(403);
      expect((await res.json()).message).toMatch(MESSAGE);
    });
  }

  it("GET /api/exports/situations is refused too, and nothing is written to the audit log", async () => {
    await actAs(pending);
    const res = await exportList(get("/api/exports/situations?format=csv"), { params: Promise.resolve({ entity: "situations" }) });
    expect(res.status).toBe(403);
    expect((await res.json()).message).toMatch(MESSAGE);
    expect(await db.auditEntry.count({ where: { userId: pending.id, action: "export.download" } })).toBe(0);
  });

  for (const [key, handler] of routes) {
    it(`${key}: refused with 403 and says how to go on`, async () => {
      await actAs(pending);
      const method = key.split("#")[1];
      const req = new NextRequest("http://localhost/api/x", { method, ...(method === "GET" || method === "DELETE" ? {} : { body: "x", headers: { "x-file-name": "x.csv", "content-length": "1" } }) });
      const res = await handler(req, { params: Promise.resolve({ id: "nonexistent", entity: "situations" }) });
      expect(res.status).toBe(403);
      expect((await res.json()).message).toMatch(MESSAGE);
    });
  }

  it("lets the same administrator through once two-factor sign-in is set up", async () => {
    const admin = await createMember(orgId, "ADMIN");
    await db.user.update({ where: { id: admin.id }, data: { totpSecret: encryptSecret(newSecret()), totpEnabledAt: new Date() } });
    await actAs(admin);
    const whole = await backup();
    expect(whole.status).toBe(200);
    await whole.arrayBuffer();
    const list = await exportList(get("/api/exports/situations?format=csv"), { params: Promise.resolve({ entity: "situations" }) });
    expect(list.status).toBe(200);
    await list.arrayBuffer();
  });
});
