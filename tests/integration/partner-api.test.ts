// The read-only partner API (issue #30): tokens issued and revoked by administrators, and the
// /api/v1 routes called with them as a partner's tools would. Who gets in (the token matrix:
// unknown, expired, revoked, out of scope, a deactivated or demoted issuer, a suspended
// organisation), what they get (their organisation's records and the coalition's shared ones,
// never another organisation's private ones), cursor pages, the per-minute limit shared through the
// database, an audit entry per request, and every answer checked against the OpenAPI document.
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { Ajv2020 } from "ajv/dist/2020.js";
import { db } from "@/lib/db";
import { API_SCOPES, type ApiScope } from "@/lib/api-tokens/schemas";
import { apiTokenHash } from "@/lib/api-tokens/secret";
import { listApiTokens } from "@/lib/api-tokens/queries";
import { API_RATE_LIMIT_PER_MINUTE } from "@/lib/api/v1/limits";
import { issueApiTokenAction, revokeApiTokenAction, setMemberActiveAction, changeRoleAction } from "@/app/(app)/admin/actions";
import { GET as situationsGET } from "@/app/api/v1/situations/route";
import { GET as assessmentsGET } from "@/app/api/v1/assessments/route";
import { GET as roundsGET } from "@/app/api/v1/rounds/route";
import { GET as responsesGET } from "@/app/api/v1/responses/route";
import { GET as eventsGET } from "@/app/api/v1/events/route";
import { GET as sourcesGET } from "@/app/api/v1/sources/route";
import { GET as eventsCsvGET } from "@/app/api/v1/events.csv/route";
import { GET as openApiGET } from "@/app/api/v1/openapi.json/route";
import { actAs, createMember, createOrganisation, createSituation, ok, uid } from "../support/fixtures";

const ROUTES: Record<ApiScope, (req: NextRequest) => Promise<Response>> = {
  situations: situationsGET,
  assessments: assessmentsGET,
  rounds: roundsGET,
  responses: responsesGET,
  events: eventsGET,
  sources: sourcesGET,
};

/** Words in organisation B's private records only, and in A's and B's shared ones. */
const B_PRIVATE = uid("Bprivate");
const SHARED = uid("Shared");
const A_OWN = uid("Aown");

let orgA: { id: string };
let orgB: { id: string };
let adminA: { id: string };
let adminB: { id: string };
let analystA: { id: string };
let ids: Record<string, string>;

function get(handler: (req: NextRequest) => Promise<Response>, path: string, secret: string | null, search = "") {
  const headers: Record<string, string> = secret === null ? {} : { authorization: `Bearer ${secret}` };
  return handler(new NextRequest(`http://localhost/api/v1/${path}${search}`, { headers }));
}

/** A response's status, its body read to the end (a CSV's database connection is given back only then). */
async function statusOf(res: Promise<Response>) {
  const r = await res;
  await r.arrayBuffer();
  return r.status;
}

async function issue(admin: { id: string }, scopes: ApiScope[] = [...API_SCOPES], name = uid("Token ")) {
  await actAs(admin);
  return ok(issueApiTokenAction({ name, scopes, days: 30 }));
}

async function addRecords(org: { id: string }, author: { id: string }, word: string, visibility: "ORGANISATION" | "COALITION") {
  const s = await createSituation(org.id, author.id, { title: `${word} situation`, visibility });
  await db.crimeAssessment.create({ data: { situationId: s.id, crime: "WAR_CRIMES", status: "ALLEGED", rationale: `${word} rationale`, updatedById: author.id } });
  await db.assessment.create({
    data: { organisationId: org.id, situationId: s.id, assessedOn: new Date("2024-03-01"), status: "PUBLISHED", summary: `${word} round`, overallScore: 42, scores: { overall: 42 }, publishedAt: new Date(), createdById: author.id, publishedById: author.id },
  });
  await db.assessment.create({ data: { organisationId: org.id, situationId: s.id, assessedOn: new Date("2024-04-01"), status: "DRAFT", summary: `${word} draft ${B_PRIVATE}`, createdById: author.id } });
  await db.response.create({
    data: { organisationId: org.id, situationId: s.id, pillar: "III", type: "STATEMENT", actorType: "UN_SECURITY_COUNCIL", actorName: "Council", title: `${word} response`, startDate: new Date("2024-02-01"), status: "ADOPTED", createdById: author.id },
  });
  for (let i = 1; i <= 3; i++) {
    await db.event.create({
      data: { organisationId: org.id, situationId: s.id, eventDate: new Date(`2024-01-0${i}`), eventType: "Battles", countryIso3: "SDN", location: `${word} place ${i}`, latitude: 15.5, longitude: 32.5, fatalities: i, notes: word, createdById: author.id },
    });
  }
  return s.id;
}

beforeAll(async () => {
  orgA = await createOrganisation();
  orgB = await createOrganisation();
  adminA = await createMember(orgA.id, "ADMIN");
  analystA = await createMember(orgA.id, "ANALYST");
  adminB = await createMember(orgB.id, "ADMIN");
  const analystB = await createMember(orgB.id, "ANALYST");
  ids = {
    aOwn: await addRecords(orgA, analystA, A_OWN, "ORGANISATION"),
    bPrivate: await addRecords(orgB, analystB, B_PRIVATE, "ORGANISATION"),
    bShared: await addRecords(orgB, analystB, SHARED, "COALITION"),
  };
  await db.source.create({ data: { organisationId: orgA.id, title: `${A_OWN} source`, reliability: "B", credibility: 2, createdById: analystA.id } });
  await db.source.create({ data: { organisationId: orgB.id, title: `${B_PRIVATE} source`, createdById: analystB.id } });
});

describe("issuing and revoking tokens (Admin page)", () => {
  it("shows the secret once and keeps only its hash; issue and revoke are audited without the secret", async () => {
    const t = await issue(adminA, ["events", "events", "sources"], "Partner dashboard");
    expect(t.secret).toMatch(/^aew_[\w-]{43}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: t.id } });
    expect(row).toMatchObject({ organisationId: orgA.id, name: "Partner dashboard", scopes: ["events", "sources"], createdById: adminA.id, revokedAt: null, tokenHash: apiTokenHash(t.secret) });
    expect(JSON.stringify(row)).not.toContain(t.secret);
    expect(Math.round((row.expiresAt.getTime() - Date.now()) / 86400_000)).toBe(30);
    await actAs(adminA);
    expect(await revokeApiTokenAction({ id: t.id })).toMatchObject({ ok: true });
    expect(await revokeApiTokenAction({ id: t.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const audit = await db.auditEntry.findMany({ where: { entityType: "ApiToken", entityId: t.id }, orderBy: { id: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["api_token.issue", "api_token.revoke"]);
    expect(JSON.stringify(audit, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain(t.secret);
    // What the Admin page lists: name, scopes, dates and who issued it; neither the secret nor its hash.
    const listed = (await listApiTokens(orgA.id)).find((x) => x.id === t.id)!;
    expect(listed).toMatchObject({ name: "Partner dashboard", scopes: ["events", "sources"], issuedBy: "ADMIN user", revokedAt: expect.any(Date), lastUsedAt: null });
    expect(Object.keys(listed)).not.toContain("tokenHash");
    expect(await listApiTokens(orgB.id)).not.toContainEqual(expect.objectContaining({ id: t.id }));
  });

  it("refuses a token valid longer than a year, without a scope or a name, and another organisation's revocation", async () => {
    await actAs(adminA);
    const long = await issueApiTokenAction({ name: "Too long", scopes: ["events"], days: 366 });
    expect(long).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { days: ["A token is valid for 365 days at most."] } });
    expect(await issueApiTokenAction({ name: "No scope", scopes: [], days: 30 })).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { scopes: [expect.any(String)] } });
    expect(await issueApiTokenAction({ name: "", scopes: ["events"], days: 30 })).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { name: [expect.any(String)] } });
    const t = await issue(adminA, ["events"]);
    await actAs(adminB);
    expect(await revokeApiTokenAction({ id: t.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: t.id } })).revokedAt).toBeNull();
    await actAs(analystA);
    expect(await issueApiTokenAction({ name: "Analyst's", scopes: ["events"], days: 30 })).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});

describe("what a token reads", () => {
  for (const scope of API_SCOPES) {
    it(`${scope}: its organisation's records and the coalition's shared ones, never another organisation's private ones`, async () => {
      const { secret } = await issue(adminA);
      const res = await get(ROUTES[scope], scope, secret, "?limit=200");
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("private, no-store");
      const text = await res.text();
      expect(text).not.toContain(B_PRIVATE);
      const body = JSON.parse(text) as { data: unknown[]; next: string | null };
      expect(body.next).toBeNull();
      expect(text).toContain(A_OWN);
      if (scope !== "sources") expect(text).toContain(SHARED); // sources are never shared
    });
  }

  it("rounds: published ones only, with their scores and ratings", async () => {
    const { secret } = await issue(adminA, ["rounds"]);
    const body = await (await get(roundsGET, "rounds", secret, `?situation=${ids.bShared}`)).json();
    expect(body.data).toHaveLength(1);
    expect(body.data[0]).toMatchObject({ situationId: ids.bShared, summary: `${SHARED} round`, overallScore: 42, scores: { overall: 42 }, ratings: [] });
  });

  it("applies the list pages' filters", async () => {
    const { secret } = await issue(adminA);
    const events = await (await get(eventsGET, "events", secret, `?situation=${ids.aOwn}&minFatalities=2`)).json();
    expect(events.data.map((e: { fatalities: number }) => e.fatalities)).toEqual([3, 2]);
    const oldest = await (await get(eventsGET, "events", secret, `?situation=${ids.aOwn}&sort=oldest`)).json();
    expect(oldest.data.map((e: { eventDate: string }) => e.eventDate)).toEqual(["2024-01-01", "2024-01-02", "2024-01-03"]);
    const shared = await (await get(situationsGET, "situations", secret, `?org=${orgB.id}`)).json();
    expect(shared.data.map((s: { id: string }) => s.id)).toEqual([ids.bShared]);
    const crimes = await (await get(assessmentsGET, "assessments", secret, `?situation=${ids.bPrivate}`)).json();
    expect(crimes.data).toEqual([]); // another organisation's private situation, asked for by id
    const responses = await (await get(responsesGET, "responses", secret, `?situation=${ids.aOwn}&pillar=III`)).json();
    expect(responses.data.map((r: { title: string }) => r.title)).toEqual([`${A_OWN} response`]);
    const sources = await (await get(sourcesGET, "sources", secret, `?q=${A_OWN}`)).json();
    expect(sources.data).toMatchObject([{ title: `${A_OWN} source`, reliability: "B", credibility: 2 }]);
  });

  it("pages by cursor: every record once, in order, whatever the page size; a wrong cursor or limit is refused", async () => {
    const { secret } = await issue(adminA);
    for (const scope of ["situations", "events"] as const) {
      const whole = (await (await get(ROUTES[scope], scope, secret, "?limit=200")).json()).data.map((r: { id: string }) => r.id);
      expect(whole.length).toBeGreaterThan(1);
      const paged: string[] = [];
      let after: string | null = null;
      do {
        const body: { data: { id: string }[]; next: string | null } = await (await get(ROUTES[scope], scope, secret, `?limit=1${after ? `&after=${after}` : ""}`)).json();
        expect(body.data.length).toBe(1);
        paged.push(...body.data.map((r) => r.id));
        after = body.next;
      } while (after);
      expect(paged).toEqual(whole);
    }
    for (const search of ["?limit=201", "?limit=0", "?limit=ten", "?after=not%20a%20cursor"]) {
      const res = await get(situationsGET, "situations", secret, search);
      expect(res.status).toBe(400);
      expect((await res.json()).message).toMatch(/^(limit must be a whole number from 1 to 200\.|after must be the next value of the previous page\.)$/);
    }
    expect((await get(eventsGET, "events", secret, `?after=${ids.aOwn}`)).status).toBe(400); // a cursor of another list
  });

  it("serves the events as CSV with the HXL hashtag row, filtered as the list", async () => {
    const { secret } = await issue(adminA, ["events"]);
    const res = await get(eventsCsvGET, "events.csv", secret, `?situation=${ids.aOwn}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = (await res.text()).trim().split(/\r?\n/);
    expect(lines[1]).toContain("#date+occurred");
    expect(lines[1]).toContain("#geo+lat");
    expect(lines).toHaveLength(2 + 3);
    const all = await (await get(eventsCsvGET, "events.csv", secret)).text();
    expect(all).toContain(SHARED);
    expect(all).not.toContain(B_PRIVATE);
  });
});

describe("the token matrix", () => {
  const everyRoute = async (secret: string | null) => {
    const statuses: number[] = [];
    for (const scope of API_SCOPES) statuses.push(await statusOf(get(ROUTES[scope], scope, secret)));
    statuses.push(await statusOf(get(eventsCsvGET, "events.csv", secret)));
    return statuses;
  };

  it("no token, a malformed header or an unknown token: 401 on every route, saying how to authenticate", async () => {
    expect(await everyRoute(null)).toEqual(Array(7).fill(401));
    const res = await get(situationsGET, "situations", null);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer /);
    expect((await res.json()).message).toBe("Send your API token in the Authorization header, as: Bearer <token>.");
    expect(await everyRoute("aew_" + "x".repeat(43))).toEqual(Array(7).fill(401));
    const basic = await situationsGET(new NextRequest("http://localhost/api/v1/situations", { headers: { authorization: "Basic dXNlcjpwYXNz" } }));
    expect(basic.status).toBe(401);
  });

  it("a session is no credential here: a signed-in administrator without a token gets 401", async () => {
    await actAs(adminA);
    expect(await everyRoute(null)).toEqual(Array(7).fill(401));
  });

  it("out of scope: 403 for the record types the token was not issued for, 200 for the one it was", async () => {
    for (const scope of API_SCOPES) {
      const { secret } = await issue(adminA, [scope]);
      for (const other of API_SCOPES) {
        const res = await get(ROUTES[other], other, secret);
        expect(res.status).toBe(other === scope ? 200 : 403);
        if (other !== scope) expect((await res.json()).message).toBe(`This API token may not read ${other}. Ask your administrator for a token with that scope.`);
      }
      expect(await statusOf(get(eventsCsvGET, "events.csv", secret))).toBe(scope === "events" ? 200 : 403);
    }
  });

  it("expired: 401", async () => {
    const t = await issue(adminA);
    await db.apiToken.update({ where: { id: t.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await everyRoute(t.secret)).toEqual(Array(7).fill(401));
    expect((await (await get(situationsGET, "situations", t.secret)).json()).message).toBe("This API token has expired. Ask your administrator for a new one.");
  });

  it("revoked: 401 from the next request on", async () => {
    const t = await issue(adminA);
    expect((await get(situationsGET, "situations", t.secret)).status).toBe(200);
    await actAs(adminA);
    await ok(revokeApiTokenAction({ id: t.id }));
    expect(await everyRoute(t.secret)).toEqual(Array(7).fill(401));
  });

  it("an issuer deactivated, or no longer an administrator: their tokens stop; reactivated and administrator again, they work again", async () => {
    const issuer = await createMember(orgA.id, "ADMIN");
    const t = await issue(issuer);
    expect((await get(situationsGET, "situations", t.secret)).status).toBe(200);
    await actAs(adminA);
    await ok(setMemberActiveAction({ userId: issuer.id, active: false }));
    expect(await everyRoute(t.secret)).toEqual(Array(7).fill(401));
    expect((await (await get(situationsGET, "situations", t.secret)).json()).message).toMatch(/^The administrator who issued this API token no longer administers the organisation/);
    await ok(setMemberActiveAction({ userId: issuer.id, active: true }));
    expect((await get(situationsGET, "situations", t.secret)).status).toBe(200);
    await ok(changeRoleAction({ userId: issuer.id, role: "ANALYST" }));
    expect(await everyRoute(t.secret)).toEqual(Array(7).fill(401));
    await db.membership.updateMany({ where: { userId: issuer.id }, data: { role: "ADMIN" } });
    await db.user.update({ where: { id: issuer.id }, data: { active: false } }); // the account itself deactivated
    expect((await get(situationsGET, "situations", t.secret)).status).toBe(401);
  });

  it("an issuer who has not set up the two-factor sign-in the organisation now requires: their tokens stop until they do (issue #26's rule, for tokens)", async () => {
    const org = await createOrganisation();
    const admin = await createMember(org.id, "ADMIN");
    const t = await issue(admin);
    expect((await get(situationsGET, "situations", t.secret)).status).toBe(200);
    await db.organisation.update({ where: { id: org.id }, data: { requireTwoFactor: true } });
    expect(await everyRoute(t.secret)).toEqual(Array(7).fill(401));
    expect((await (await get(situationsGET, "situations", t.secret)).json()).message).toMatch(/^The organisation requires two-factor sign-in and the administrator who issued this API token has not set it up/);
    await db.user.update({ where: { id: admin.id }, data: { totpEnabledAt: new Date() } });
    expect((await get(situationsGET, "situations", t.secret)).status).toBe(200);
  });

  it("a suspended organisation's tokens: 401 (its data kept, not read through the API)", async () => {
    const org = await createOrganisation();
    const admin = await createMember(org.id, "ADMIN");
    const t = await issue(admin);
    expect((await get(situationsGET, "situations", t.secret)).status).toBe(200);
    await db.organisation.update({ where: { id: org.id }, data: { suspendedAt: new Date() } });
    expect(await everyRoute(t.secret)).toEqual(Array(7).fill(401));
    expect((await (await get(situationsGET, "situations", t.secret)).json()).message).toMatch(/suspended by the coalition secretariat/);
  });

  it("an organisation that left the coalition keeps its tokens, as its members keep working: its own records only, no longer what others share", async () => {
    const org = await createOrganisation();
    const admin = await createMember(org.id, "ADMIN");
    const ownId = await addRecords(org, admin, uid("Leaver"), "ORGANISATION");
    const t = await issue(admin, ["situations", "events"]);
    const before = await (await get(situationsGET, "situations", t.secret, "?limit=200")).json();
    expect(before.data.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining([ownId, ids.bShared]));
    await db.organisation.update({ where: { id: org.id }, data: { leftAt: new Date() } });
    const after = await (await get(situationsGET, "situations", t.secret, "?limit=200")).json();
    expect(after.data.map((s: { id: string }) => s.id)).toEqual([ownId]);
    const events = await (await get(eventsGET, "events", t.secret, "?limit=200")).text();
    expect(events).not.toContain(SHARED);
  });

  it("another organisation's token reads its own and the shared records, none of organisation B's private ones, also asked for by id", async () => {
    const { secret } = await issue(adminA);
    for (const scope of ["events", "responses", "assessments", "rounds"] as const) {
      const text = await (await get(ROUTES[scope], scope, secret, `?situation=${ids.bPrivate}`)).text();
      expect(JSON.parse(text).data).toEqual([]);
      expect(text).not.toContain(B_PRIVATE);
    }
  });
});

describe("every use", () => {
  it("is written to the audit log with its path and query, and marks the token's last use", async () => {
    const t = await issue(adminA);
    await get(eventsGET, "events", t.secret, "?civilian=1&limit=5");
    await get(situationsGET, "situations", t.secret);
    const entries = await db.auditEntry.findMany({ where: { action: "api.read", entityId: t.id }, orderBy: { id: "asc" } });
    expect(entries.map((e) => e.meta)).toEqual([
      { path: "/api/v1/events?civilian=1&limit=5", token: expect.any(String) },
      { path: "/api/v1/situations", token: expect.any(String) },
    ]);
    expect(entries.every((e) => e.organisationId === orgA.id && e.userId === null && e.entityType === "ApiToken")).toBe(true);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: t.id } })).lastUsedAt).not.toBeNull();
    // A refused request reads nothing and is not written (a flood of refusals cannot fill the log).
    const scoped = await issue(adminA, ["events"]);
    expect((await get(situationsGET, "situations", scoped.secret)).status).toBe(403);
    expect(await db.auditEntry.count({ where: { action: "api.read", entityId: scoped.id } })).toBe(0);
  });

  it(`is limited to ${API_RATE_LIMIT_PER_MINUTE} a minute per token, counted in the database so concurrent requests lose no count; 429 with Retry-After`, async () => {
    // Started early in a minute, so that all the requests fall in one.
    const [{ second }] = await db.$queryRaw<{ second: number }[]>`SELECT extract(second FROM now())::int AS second`;
    if (second > 40) await new Promise((r) => setTimeout(r, (61 - second) * 1000));
    const t = await issue(adminA, ["sources"]);
    const other = await issue(adminA, ["sources"]);
    const statuses = await Promise.all(Array.from({ length: API_RATE_LIMIT_PER_MINUTE + 5 }, () => get(sourcesGET, "sources", t.secret, "?limit=1").then((r) => r)));
    expect(statuses.filter((r) => r.status === 200)).toHaveLength(API_RATE_LIMIT_PER_MINUTE);
    const refused = statuses.filter((r) => r.status === 429);
    expect(refused).toHaveLength(5);
    const retry = Number(refused[0].headers.get("retry-after"));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    expect((await refused[0].json()).message).toMatch(/^Too many requests: this API token may make 120 requests a minute\. Try again in \d+ seconds\.$/);
    expect((await get(sourcesGET, "sources", other.secret)).status).toBe(200); // another token has its own count
    const [window] = await db.apiRateWindow.findMany({ where: { tokenId: t.id } });
    expect(window.count).toBe(API_RATE_LIMIT_PER_MINUTE + 5);
    expect(await db.auditEntry.count({ where: { action: "api.read", entityId: t.id } })).toBe(API_RATE_LIMIT_PER_MINUTE);
  });
});

describe("the OpenAPI document", () => {
  it("is served to anyone as OpenAPI 3.1, one operation per endpoint, with the token scheme", async () => {
    await actAs(null);
    const res = openApiGET();
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual([...API_SCOPES.map((s) => `/api/v1/${s}`), "/api/v1/events.csv"].sort());
    expect(doc.components.securitySchemes.token).toEqual(expect.objectContaining({ type: "http", scheme: "bearer" }));
  });

  it("describes every answer: each route's 200, 400, 401, 403 and 429 validate against it", async () => {
    const doc = await openApiGET().json();
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    ajv.addSchema({ $id: "doc", components: doc.components });
    const check = (path: string, status: number, body: unknown) => {
      const schema = doc.paths[path].get.responses[String(status)].content["application/json"].schema;
      const validate = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"doc#/components/')));
      expect(validate(body), `${path} ${status}: ${JSON.stringify(validate.errors)}`).toBe(true);
    };
    const all = await issue(adminA);
    const one = await issue(adminA, ["sources"]);
    for (const scope of API_SCOPES) {
      const path = `/api/v1/${scope}`;
      const page = await (await get(ROUTES[scope], scope, all.secret, "?limit=200")).json();
      expect(page.data.length).toBeGreaterThan(0);
      check(path, 200, page);
      check(path, 400, await (await get(ROUTES[scope], scope, all.secret, "?limit=0")).json());
      check(path, 401, await (await get(ROUTES[scope], scope, null)).json());
      if (scope !== "sources") check(path, 403, await (await get(ROUTES[scope], scope, one.secret)).json());
    }
    const [{ second }] = await db.$queryRaw<{ second: number }[]>`SELECT extract(second FROM now())::int AS second`;
    if (second > 57) await new Promise((r) => setTimeout(r, 4000)); // the window set below is this minute's
    await db.$executeRaw`INSERT INTO "ApiRateWindow" ("tokenId", "windowStart", count) VALUES (${one.id}, date_trunc('minute', now()), ${API_RATE_LIMIT_PER_MINUTE})`;
    const limited = await get(sourcesGET, "sources", one.secret);
    expect(limited.status).toBe(429);
    check("/api/v1/sources", 429, await limited.json());
    // Dates and times as the document's formats say (the validator above does not check formats).
    const events = await (await get(eventsGET, "events", all.secret)).json();
    expect(events.data[0].eventDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Date(events.data[0].updatedAt).toISOString()).toBe(events.data[0].updatedAt);
  });
});
