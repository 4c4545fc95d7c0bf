// Every route handler and method, called as anonymous, VIEWER, ANALYST and ADMIN, and as four
// callers the gate must stop or confine: a member whose organisation requires two-factor sign-in
// they have not set up, a member whose only membership was deactivated (their session still open),
// a member whose only organisation the coalition secretariat suspended (session still open), and an administrator of another organisation whose active-organisation cookie names this one,
// asking for this organisation's private records: who gets past the checks, and what they get. A
// new route or method without an entry here fails this test, as does a route.ts under app/ that
// exports a handler this test does not call. The partner API (/api/v1, `{ token: scope }`) takes no
// session at all: its column is who holds which token (lib/access/token.ts), and every session
// caller above, without a token, gets 401 (tests/integration/partner-api.test.ts has the rest).
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import type { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { hasRole } from "@/lib/auth/roles";
import { TWO_FACTOR_REQUIRED } from "@/lib/api/caller";
import { ORGANISATION_SUSPENDED_MESSAGE } from "@/lib/access/gate";
import { ENTITIES } from "@/lib/exports/datasets";
import { apiTokenHash, newApiTokenSecret } from "@/lib/api-tokens/secret";
import { API_SCOPES, type ApiScope } from "@/lib/api-tokens/schemas";
import { actAs, createSituation, uid, MATRIX_ROLES, createMatrixCallers } from "../support/fixtures";

const MATRIX: Record<string, Role | "PUBLIC" | { token: ApiScope }> = {
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
  "app/api/admin/logo/route.ts#GET": "ADMIN",
  "app/api/admin/logo/route.ts#PUT": "ADMIN",
  "app/api/admin/logo/route.ts#DELETE": "ADMIN",
  // The maps' country outlines: geography, the same for everyone (no data).
  "app/maps/world.svg/route.ts#GET": "PUBLIC",
  "app/maps/mercator.svg/route.ts#GET": "PUBLIC",
  // The partner API: a token with the record type's scope, never a session.
  "app/api/v1/situations/route.ts#GET": { token: "situations" },
  "app/api/v1/assessments/route.ts#GET": { token: "assessments" },
  "app/api/v1/rounds/route.ts#GET": { token: "rounds" },
  "app/api/v1/responses/route.ts#GET": { token: "responses" },
  "app/api/v1/events/route.ts#GET": { token: "events" },
  "app/api/v1/events.csv/route.ts#GET": { token: "events" },
  "app/api/v1/sources/route.ts#GET": { token: "sources" },
  // The partner API's description (no data).
  "app/api/v1/openapi.json/route.ts#GET": "PUBLIC",
};

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
const modules = import.meta.glob<Record<string, unknown>>("/app/**/route.{ts,tsx,js,mjs}", { eager: true });
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const handlers: Record<string, Handler> = {};
for (const [file, mod] of Object.entries(modules)) {
  for (const method of METHODS) if (typeof mod[method] === "function") handlers[`${file.slice(1)}#${method}`] = mod[method] as Handler;
}

const ROLES = MATRIX_ROLES;
let members: Partial<Record<Role, { id: string }>>;
let org: { id: string };
let pending: { id: string };
let deactivated: { id: string };
let outsider: { id: string };
let suspended: { id: string };
let suspendedOrg: { id: string };
/** This organisation's private records, and a word that is in each of them and in nothing else. */
const MARKER = uid("Marker");
let own: { situation: string; source: string; imp: string };

beforeAll(async () => {
  ({ org, members, pending, deactivated, outsider, suspended, suspendedOrg } = await createMatrixCallers());
  const author = members.ANALYST!.id;
  const situation = await createSituation(org.id, author, { title: `${MARKER} situation`, visibility: "ORGANISATION" });
  await db.event.create({ data: { organisationId: org.id, situationId: situation.id, eventDate: new Date("2024-01-01"), eventType: "Battles", countryIso3: "SDN", location: `${MARKER} place`, latitude: 15.5, longitude: 32.5, notes: MARKER, createdById: author } });
  const source = await db.source.create({ data: { organisationId: org.id, title: `${MARKER} source`, createdById: author } });
  const imp = await db.eventImport.create({ data: { organisationId: org.id, fileName: `${MARKER}.csv`, sha256: "x", createdById: author, headers: [MARKER], mapping: {} } });
  own = { situation: situation.id, source: source.id, imp: imp.id };
});

function call(key: string, params: Record<string, string | string[]> = {}, search = "") {
  const method = key.split("#")[1];
  const req = new NextRequest(`http://localhost/api/x${search}`, { method, ...(method === "GET" || method === "DELETE" ? {} : { body: "x", headers: { "x-file-name": "x.csv", "content-length": "1" } }) });
  // Parameters that exist nowhere: past the role check, the route answers "not found" or "invalid".
  return handlers[key](req, { params: Promise.resolve({ id: "nonexistent", entity: "nonexistent", nextauth: ["session"], ...params }) });
}

/** A token of `organisationId` issued by `issuerId`, stored as the Admin page stores one; its secret. */
async function token(organisationId: string, issuerId: string, scopes: ApiScope[], extra: { revokedAt?: Date; expiresAt?: Date } = {}) {
  const secret = newApiTokenSecret();
  await db.apiToken.create({ data: { organisationId, name: uid("Matrix "), tokenHash: apiTokenHash(secret), scopes, expiresAt: new Date(Date.now() + 86400_000), createdById: issuerId, ...extra } });
  return secret;
}

function withToken(key: string, secret: string, search = "") {
  return handlers[key](new NextRequest(`http://localhost/api/x${search}`, { headers: { authorization: `Bearer ${secret}` } }), { params: Promise.resolve({}) });
}

/** A response's status, its body read to the end (a CSV's database connection is given back only then). */
async function statusOf(res: Promise<Response>) {
  const r = await res;
  await r.arrayBuffer();
  return r.status;
}

/** How the other organisation's administrator asks each route for this organisation's records. */
function asksForOwn(key: string): { params?: Record<string, string>; search?: string; entities?: string[] } {
  if (key.startsWith("app/api/sources/[id]/")) return { params: { id: own.source } };
  if (key.startsWith("app/api/imports/[id]/")) return { params: { id: own.imp } };
  if (key.startsWith("app/api/imports/route.ts")) return { search: `?situation=${own.situation}` };
  if (key.startsWith("app/api/briefs/[id]/")) return { params: { id: own.situation } };
  if (key.startsWith("app/api/briefs/overview/")) return { search: `?situations=${own.situation}` };
  if (key.startsWith("app/api/events/map/")) return { search: `?situation=${own.situation}` };
  if (key.startsWith("app/api/exports/")) return { entities: [...ENTITIES, "audit"] };
  return {};
}

describe("the API route matrix", () => {
  it("lists every route and method, and only existing ones", () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it("lists every route file under app/, also one whose handlers this test would not find", () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /^route\.[a-z]+$/.test(e.name) ? [path.join(dir, e.name).split(path.sep).join("/")] : []));
    expect(files("app").sort()).toEqual([...new Set(Object.keys(MATRIX).map((key) => key.split("#")[0]))].sort());
  });

  for (const [key, minimum] of Object.entries(MATRIX).filter((e): e is [string, Role] => e[1] !== "PUBLIC" && typeof e[1] === "string")) {
    it(`${key}: anonymous refused; ${minimum} and above allowed past the check`, async () => {
      await actAs(null);
      expect((await call(key)).status).toBe(401);
      for (const role of ROLES) {
        await actAs(members[role]!);
        const status = (await call(key)).status;
        if (hasRole(role, minimum)) expect([401, 403]).not.toContain(status);
        else expect(status).toBe(403);
      }
    });

    it(`${key}: two-factor pending refused, saying how to go on`, async () => {
      await actAs(pending);
      const res = await call(key);
      expect(res.status).toBe(403);
      expect((await res.json()).message).toBe(TWO_FACTOR_REQUIRED);
    });

    it(`${key}: deactivated refused`, async () => {
      await actAs(deactivated, org.id);
      expect((await call(key)).status).toBe(403);
    });

    it(`${key}: suspended organisation's administrator refused, told why`, async () => {
      await actAs(suspended, suspendedOrg.id);
      const res = await call(key);
      expect(res.status).toBe(403);
      expect((await res.json()).message).toBe(ORGANISATION_SUSPENDED_MESSAGE);
    });

    it(`${key}: other organisation naming this one gets none of its private records`, async () => {
      await actAs(outsider, org.id);
      const { params, search = "", entities = ["nonexistent"] } = asksForOwn(key);
      for (const entity of entities) {
        const res = await call(key, { ...params, entity }, search);
        // Asked for a record by its id: refused. Anything else answers with their own organisation's data only.
        if (params?.id || search.includes("situation=") && key.includes("imports")) expect([403, 404]).toContain(res.status);
        const body = Buffer.from(await res.arrayBuffer()).toString("latin1");
        expect(body).not.toContain(MARKER);
      }
    });
  }

  for (const [key, { token: scope }] of Object.entries(MATRIX).filter((e): e is [string, { token: ApiScope }] => typeof e[1] === "object")) {
    it(`${key}: a session is no credential: every session caller without a token gets 401`, async () => {
      for (const [caller, active] of [[null], ...ROLES.map((r) => [members[r]!]), [pending], [deactivated, org.id], [suspended, suspendedOrg.id], [outsider, org.id]] as [{ id: string } | null, string?][]) {
        await actAs(caller, active);
        expect(await statusOf(call(key))).toBe(401);
      }
    });

    it(`${key}: this organisation's token with the scope reads; without it 403; revoked, expired, a deactivated issuer's or a suspended organisation's: 401`, async () => {
      await actAs(null);
      const admin = members.ADMIN!;
      expect(await statusOf(withToken(key, await token(org.id, admin.id, [scope])))).toBe(200);
      expect(await statusOf(withToken(key, await token(org.id, admin.id, API_SCOPES.filter((s) => s !== scope))))).toBe(403);
      expect(await statusOf(withToken(key, await token(org.id, admin.id, [scope], { revokedAt: new Date() })))).toBe(401);
      expect(await statusOf(withToken(key, await token(org.id, admin.id, [scope], { expiresAt: new Date(Date.now() - 1000) })))).toBe(401);
      expect(await statusOf(withToken(key, await token(org.id, deactivated.id, [scope])))).toBe(401);
      expect(await statusOf(withToken(key, await token(suspendedOrg.id, suspended.id, [scope])))).toBe(401);
    });

    it(`${key}: another organisation's token gets none of this organisation's private records, also asked for by id`, async () => {
      const outsiderOrg = (await db.membership.findFirstOrThrow({ where: { userId: outsider.id } })).organisationId;
      for (const search of ["", `?situation=${own.situation}`]) {
        const res = await withToken(key, await token(outsiderOrg, outsider.id, [scope]), search);
        expect(res.status).toBe(200);
        expect(Buffer.from(await res.arrayBuffer()).toString("latin1")).not.toContain(MARKER);
      }
    });
  }

  it("serves the partner API's OpenAPI document to anyone", async () => {
    await actAs(null);
    const res = await call("app/api/v1/openapi.json/route.ts#GET");
    expect(res.status).toBe(200);
    expect((await res.json()).openapi).toBe("3.1.0");
  });

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

