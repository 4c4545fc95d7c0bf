// Every route handler and method, called as anonymous, VIEWER, ANALYST and ADMIN: who gets past the
// checks. A new route or method without an entry here fails this test. (Another organisation's
// records are refused per feature: source files, imports, exports, briefs, backup.)
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import type { Role } from "@/lib/generated/prisma/enums";
import { hasRole } from "@/lib/auth/roles";
import { actAs, createMember, createOrganisation } from "../support/fixtures";

const MATRIX: Record<string, Role | "PUBLIC"> = {
  "app/api/auth/[...nextauth]/route.ts#GET": "PUBLIC",
  "app/api/auth/[...nextauth]/route.ts#POST": "PUBLIC",
  "app/api/sources/[id]/file/route.ts#GET": "VIEWER",
  "app/api/sources/[id]/file/route.ts#PUT": "ANALYST",
  "app/api/sources/[id]/file/route.ts#DELETE": "ANALYST",
  "app/api/imports/route.ts#POST": "ANALYST",
  "app/api/imports/[id]/route.ts#GET": "VIEWER",
  "app/api/exports/[entity]/route.ts#GET": "VIEWER",
  "app/api/events/map/route.ts#GET": "VIEWER",
  "app/api/briefs/[id]/route.ts#GET": "VIEWER",
  "app/api/briefs/overview/route.ts#GET": "VIEWER",
  "app/api/backup/route.ts#GET": "ADMIN",
  "app/api/backup/route.ts#POST": "ADMIN",
  // The maps' country outlines: geography, the same for everyone (no data).
  "app/maps/world.svg/route.ts#GET": "PUBLIC",
  "app/maps/mercator.svg/route.ts#GET": "PUBLIC",
};

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
const modules = import.meta.glob<Record<string, unknown>>("/app/**/route.ts", { eager: true });
const handlers: Record<string, Handler> = {};
for (const [file, mod] of Object.entries(modules)) {
  for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) if (typeof mod[method] === "function") handlers[`${file.slice(1)}#${method}`] = mod[method] as Handler;
}

const ROLES: Role[] = ["VIEWER", "ANALYST", "ADMIN"];
const members: Partial<Record<Role, { id: string }>> = {};
beforeAll(async () => {
  const org = await createOrganisation();
  for (const role of ROLES) members[role] = await createMember(org.id, role);
});

function call(key: string) {
  const method = key.split("#")[1];
  const req = new NextRequest("http://localhost/api/x", { method, ...(method === "GET" || method === "DELETE" ? {} : { body: "x", headers: { "x-file-name": "x.csv", "content-length": "1" } }) });
  // Parameters that exist nowhere: past the role check, the route answers "not found" or "invalid".
  return handlers[key](req, { params: Promise.resolve({ id: "nonexistent", entity: "nonexistent", nextauth: ["session"] }) });
}

describe("the API route matrix", () => {
  it("lists every route and method, and only existing ones", () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  for (const [key, minimum] of Object.entries(MATRIX).filter(([, m]) => m !== "PUBLIC")) {
    it(`${key}: anonymous refused; ${minimum} and above allowed past the check`, async () => {
      await actAs(null);
      expect((await call(key)).status).toBe(401);
      for (const role of ROLES) {
        await actAs(members[role]!);
        const status = (await call(key)).status;
        if (hasRole(role, minimum as Role)) expect([401, 403]).not.toContain(status);
        else expect(status).toBe(403);
      }
    });
  }

  it("serves the maps' outlines to anyone, as SVG files of one shape per country", async () => {
    await actAs(null);
    const res = await (handlers["app/maps/world.svg/route.ts#GET"] as unknown as () => Response)();
    expect(res.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    const svg = await res.text();
    expect(svg).toContain('<path id="c-SDN" d="M');
    expect(svg.match(/<path /g)!.length).toBeGreaterThan(170);
    const plane = await (await (handlers["app/maps/mercator.svg/route.ts#GET"] as unknown as () => Response)()).text();
    expect(plane).toMatch(/^<svg [^>]*viewBox="0 0 3600 3600"><defs><g id="world"><path d="M/);
  });
});

