// Every page (and the signed-in layout and its "not found" page), called as anonymous, VIEWER,
// ANALYST and ADMIN, and as four callers the gate must stop or confine: a member whose
// organisation requires two-factor sign-in they have not set up, a member whose only membership
// was deactivated (their session still open), a member whose only organisation the coalition
// secretariat suspended (session still open), and another organisation's administrator whose
// active-organisation cookie names this one, opening this organisation's private records. What
// each gets: the page, a redirect (sign-in, "no organisation", two-factor set-up) or "not found".
// A new page without an entry here fails this test.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { hasRole } from "@/lib/auth/roles";
import { ORGANISATION_SUSPENDED_MESSAGE } from "@/lib/access/gate";
import { actAs, createSituation, MATRIX_ROLES, createMatrixCallers } from "../support/fixtures";

type Entry =
  /** Open to everyone: the page itself decides what to show (sign-in, an invitation). */
  | "PUBLIC"
  /** A signed-in member with at least this role; `beforeTwoFactor`: also one who must still set up two-factor sign-in. */
  | { role: Role; beforeTwoFactor?: true };

const MATRIX: Record<string, Entry> = {
  "app/layout.tsx": "PUBLIC",
  "app/not-found.tsx": "PUBLIC",
  "app/(auth)/signin/page.tsx": "PUBLIC",
  // The invitation token is the credential; accepting it is a signed-in action (authorization matrix).
  "app/(auth)/invite/[token]/page.tsx": "PUBLIC",
  // Signed in without an organisation: tested below.
  "app/(auth)/no-organisation/page.tsx": "PUBLIC",
  // The shell: every page's pages enforce two-factor set-up themselves, so the account page can render in it.
  "app/(app)/layout.tsx": { role: "VIEWER", beforeTwoFactor: true },
  "app/(app)/not-found.tsx": { role: "VIEWER", beforeTwoFactor: true },
  "app/(app)/account/page.tsx": { role: "VIEWER", beforeTwoFactor: true },
  "app/(app)/page.tsx": { role: "VIEWER" },
  "app/(app)/alerts/page.tsx": { role: "VIEWER" },
  "app/(app)/exports/page.tsx": { role: "VIEWER" },
  "app/(app)/indicators/page.tsx": { role: "VIEWER" },
  "app/(app)/help/scores/page.tsx": { role: "VIEWER" },
  "app/(app)/responses/page.tsx": { role: "VIEWER" },
  "app/(app)/situations/page.tsx": { role: "VIEWER" },
  "app/(app)/situations/new/page.tsx": { role: "ANALYST" },
  "app/(app)/situations/[id]/page.tsx": { role: "VIEWER" },
  "app/(app)/situations/[id]/edit/page.tsx": { role: "ANALYST" },
  "app/(app)/situations/[id]/brief/page.tsx": { role: "VIEWER" },
  "app/(app)/situations/[id]/rounds/[rid]/page.tsx": { role: "VIEWER" },
  "app/(app)/situations/[id]/responses/new/page.tsx": { role: "ANALYST" },
  "app/(app)/situations/[id]/responses/[rid]/page.tsx": { role: "VIEWER" },
  "app/(app)/situations/[id]/external-ratings/new/page.tsx": { role: "ANALYST" },
  "app/(app)/situations/[id]/external-ratings/[rid]/page.tsx": { role: "ANALYST" },
  "app/(app)/external-ratings/import/page.tsx": { role: "ANALYST" },
  "app/(app)/events/page.tsx": { role: "VIEWER" },
  "app/(app)/events/new/page.tsx": { role: "ANALYST" },
  "app/(app)/events/[id]/page.tsx": { role: "VIEWER" },
  "app/(app)/events/[id]/edit/page.tsx": { role: "ANALYST" },
  "app/(app)/events/import/page.tsx": { role: "ANALYST" },
  "app/(app)/events/import/[id]/page.tsx": { role: "VIEWER" },
  "app/(app)/sources/page.tsx": { role: "VIEWER" },
  "app/(app)/sources/new/page.tsx": { role: "ANALYST" },
  "app/(app)/sources/[id]/page.tsx": { role: "VIEWER" },
  "app/(app)/sources/[id]/edit/page.tsx": { role: "ANALYST" },
  "app/(app)/admin/page.tsx": { role: "ADMIN" },
  // Who shares with the coalition and what sharing shows, for every member; the secretariat's tools on it for its administrators.
  "app/(app)/coalition/page.tsx": { role: "VIEWER" },
  "app/(app)/admin/audit/page.tsx": { role: "ADMIN" },
};

type Page = (props: Record<string, unknown>) => unknown;
const modules = import.meta.glob<{ default: Page }>(["/app/**/page.tsx", "/app/**/layout.tsx", "/app/**/not-found.tsx"], { eager: true });
const pages = Object.fromEntries(Object.entries(modules).map(([file, mod]) => [file.slice(1), mod.default]));

const ROLES = MATRIX_ROLES;
let members: Partial<Record<Role, { id: string }>>;
let org: { id: string };
let pending: { id: string };
let deactivated: { id: string };
let outsider: { id: string };
let suspended: { id: string };
let suspendedOrg: { id: string };
let own: { situation: string; event: string; source: string; imp: string; round: string; response: string; externalRating: string };

beforeAll(async () => {
  ({ org, members, pending, deactivated, outsider, suspended, suspendedOrg } = await createMatrixCallers());
  const author = members.ANALYST!.id;
  const situation = await createSituation(org.id, author, { visibility: "ORGANISATION" });
  const event = await db.event.create({ data: { organisationId: org.id, situationId: situation.id, eventDate: new Date("2024-01-01"), eventType: "Battles", countryIso3: "SDN", createdById: author } });
  const source = await db.source.create({ data: { organisationId: org.id, title: "Private source", createdById: author } });
  const imp = await db.eventImport.create({ data: { organisationId: org.id, fileName: "private.csv", sha256: "x", createdById: author, headers: ["a"], mapping: {} } });
  const round = await db.assessment.create({ data: { organisationId: org.id, situationId: situation.id, assessedOn: new Date("2024-01-01"), createdById: author } });
  const response = await db.response.create({
    data: { organisationId: org.id, situationId: situation.id, pillar: "II", type: "STATEMENT", actorType: "OTHER_STATE", actorName: "A state", title: "Private response", startDate: new Date("2024-01-01"), status: "ADOPTED", createdById: author },
  });
  const externalRating = await db.externalRating.create({ data: { situationId: situation.id, organisationId: org.id, system: "R2P_MONITOR", value: "IMMINENT_RISK", ratedOn: new Date("2024-01-01"), createdById: author } });
  own = { situation: situation.id, event: event.id, source: source.id, imp: imp.id, round: round.id, response: response.id, externalRating: externalRating.id };
});

/** The page's props: ids that exist nowhere, or this organisation's private records. */
function props(file: string, records: "nowhere" | "own") {
  const r = records === "own" ? own : { situation: "nowhere", event: "nowhere", source: "nowhere", imp: "nowhere", round: "nowhere", response: "nowhere", externalRating: "nowhere" };
  const id = file.includes("/events/import/") ? r.imp : file.includes("/events/") ? r.event : file.includes("/sources/") ? r.source : r.situation;
  const rid = file.includes("/rounds/") ? r.round : file.includes("/external-ratings/") ? r.externalRating : r.response;
  return { params: Promise.resolve({ id, rid, token: "nowhere" }), searchParams: Promise.resolve({}), children: null };
}

/** What the caller gets: the page, a redirect to where, or "not found". */
async function open(file: string, records: "nowhere" | "own" = "nowhere"): Promise<string> {
  try {
    await pages[file](props(file, records));
    return "page";
  } catch (e) {
    const digest = String((e as { digest?: string }).digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT;")) return `redirect ${digest.split(";")[2]}`;
    if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return "not found";
    throw e;
  }
}

const hasRecord = (file: string) => file.includes("[id]");

describe("the page matrix", () => {
  it("lists every page, layout and 'not found' page, and only existing ones", () => {
    expect(Object.keys(pages).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it("sends a signed-in account without an organisation, or deactivated in all of them, to 'no organisation', and others on", async () => {
    await actAs(null);
    expect(await open("app/(auth)/no-organisation/page.tsx")).toBe("redirect /signin");
    await actAs(deactivated);
    expect(await open("app/(auth)/no-organisation/page.tsx")).toBe("page");
    await actAs(members.VIEWER!);
    expect(await open("app/(auth)/no-organisation/page.tsx")).toBe("redirect /");
  });

  it("tells a member whose only organisation is suspended why, on the page they land on", async () => {
    await actAs(suspended, suspendedOrg.id);
    const page = (await pages["app/(auth)/no-organisation/page.tsx"]({})) as React.ReactElement;
    expect(JSON.stringify(page)).toContain(ORGANISATION_SUSPENDED_MESSAGE);
  });

  for (const [file, entry] of Object.entries(MATRIX)) {
    if (entry === "PUBLIC") continue;
    it(`${file}: anonymous sent to sign in; ${entry.role} and above let in, others "not found"`, async () => {
      await actAs(null);
      expect(await open(file)).toBe("redirect /signin");
      for (const role of ROLES) {
        await actAs(members[role]!);
        const got = await open(file);
        if (!hasRole(role, entry.role)) expect(got).toBe("not found");
        else if (hasRecord(file)) expect(["page", "not found"]).toContain(got); // no such record
        else expect(got).toBe("page");
      }
    });

    it(`${file}: two-factor pending ${entry.beforeTwoFactor ? "let in" : "sent to set it up"}`, async () => {
      await actAs(pending);
      const got = await open(file);
      if (!entry.beforeTwoFactor) expect(got).toBe("redirect /account?setup=two-factor");
      else expect(got).toBe("page");
    });

    it(`${file}: deactivated sent to "no organisation"`, async () => {
      await actAs(deactivated, org.id);
      expect(await open(file)).toBe("redirect /no-organisation");
    });

    it(`${file}: suspended organisation's administrator sent to "no organisation", which says why`, async () => {
      await actAs(suspended, suspendedOrg.id);
      expect(await open(file)).toBe("redirect /no-organisation");
    });

    it(`${file}: other organisation naming this one ${hasRecord(file) ? "does not find its private records" : "gets their own organisation's page"}`, async () => {
      await actAs(outsider, org.id);
      const got = await open(file, "own");
      if (hasRecord(file)) expect(got).toBe("not found");
      else expect(got).toBe("page");
    });
  }

  it("opens this organisation's private records to its own members", async () => {
    await actAs(members.ADMIN!, org.id);
    for (const file of Object.keys(MATRIX).filter(hasRecord)) expect([file, await open(file, "own")]).toEqual([file, "page"]);
  });
});
