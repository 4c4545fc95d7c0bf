// The access gate's decisions, one row per kind of caller: what every page, action and route asks.
import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import { decideAccess, type AccessRequirement } from "@/lib/access/gate";
import { resolveSessionUser, type CurrentUser, type SessionRow } from "@/lib/access/session";

const X = { organisationId: "org-x", organisationName: "X", role: "ANALYST" as Role };
function user(over: Partial<CurrentUser> = {}): CurrentUser {
  return { id: "u", email: "u@example.org", name: "U", sessionId: "s", memberships: [X], active: X, deactivatedIn: [], suspendedIn: [], leftOrganisationId: null, twoFactor: false, mustSetUpTwoFactor: false, ...over };
}
const viewer = { ...X, role: "VIEWER" as Role };
const admin = { ...X, role: "ADMIN" as Role };

const CASES: [string, CurrentUser | null, AccessRequirement, string][] = [
  ["not signed in", null, {}, "SIGNED_OUT"],
  ["not signed in, for the account page", null, { beforeTwoFactor: true }, "SIGNED_OUT"],
  ["signed in, a member of nothing", user({ memberships: [], active: null }), {}, "NO_MEMBERSHIP"],
  ["signed in, deactivated in their only organisation", user({ memberships: [], active: null, deactivatedIn: ["org-x"] }), { role: "VIEWER" }, "DEACTIVATED"],
  ["deactivated, even before two-factor", user({ memberships: [], active: null, deactivatedIn: ["org-x"], mustSetUpTwoFactor: true }), { beforeTwoFactor: true }, "DEACTIVATED"],
  ["a viewer, for an analyst's action", user({ memberships: [viewer], active: viewer }), { role: "ANALYST" }, "ROLE"],
  ["an analyst, for an administrator's route", user(), { role: "ADMIN" }, "ROLE"],
  ["an analyst, for an analyst's action", user(), { role: "ANALYST" }, "ok"],
  ["an administrator, for a viewer's route", user({ memberships: [admin], active: admin }), { role: "VIEWER" }, "ok"],
  ["a page with no role", user({ memberships: [viewer], active: viewer }), {}, "ok"],
  ["two-factor required and not set up", user({ mustSetUpTwoFactor: true }), { role: "ANALYST" }, "TWO_FACTOR_SETUP_REQUIRED"],
  ["two-factor pending, on the account page", user({ mustSetUpTwoFactor: true }), { role: "VIEWER", beforeTwoFactor: true }, "ok"],
  ["two-factor pending and a role too low: the role is named first", user({ memberships: [viewer], active: viewer, mustSetUpTwoFactor: true }), { role: "ADMIN" }, "ROLE"],
  ["deactivated in one organisation, active in another", user({ deactivatedIn: ["org-y"] }), { role: "ANALYST" }, "ok"],
  ["a page opened in an organisation that deactivated them since, shown in the one they work in now", user({ deactivatedIn: ["org-y"], leftOrganisationId: "org-y" }), { role: "ANALYST" }, "ok"],
  ["an action sent from such a page", user({ deactivatedIn: ["org-y"], leftOrganisationId: "org-y" }), { role: "ANALYST", fromPage: true }, "ORGANISATION_LEFT"],
  ["an action sent from a page of an organisation they still work in", user({ deactivatedIn: ["org-y"] }), { role: "ANALYST", fromPage: true }, "ok"],
  ["signed in, their only organisation suspended by the secretariat", user({ memberships: [], active: null, suspendedIn: ["org-x"] }), { role: "VIEWER" }, "ORGANISATION_SUSPENDED"],
  ["suspended, even before two-factor", user({ memberships: [], active: null, suspendedIn: ["org-x"], mustSetUpTwoFactor: true }), { beforeTwoFactor: true }, "ORGANISATION_SUSPENDED"],
  ["suspended in one, deactivated in the other: the suspension is named", user({ memberships: [], active: null, suspendedIn: ["org-x"], deactivatedIn: ["org-y"] }), {}, "ORGANISATION_SUSPENDED"],
  ["an organisation suspended, active in another", user({ suspendedIn: ["org-y"] }), { role: "ANALYST" }, "ok"],
  ["an action sent from a page of an organisation suspended since", user({ suspendedIn: ["org-y"], leftOrganisationId: "org-y" }), { role: "ANALYST", fromPage: true }, "ORGANISATION_LEFT"],
  ["an administrator outside the secretariat, for the coalition's work", user({ memberships: [admin], active: admin }), { role: "ADMIN", secretariat: true }, "ROLE"],
  ["an analyst of the secretariat, for the coalition's work", user({ memberships: [{ ...X, isSecretariat: true }], active: { ...X, isSecretariat: true } }), { role: "ADMIN", secretariat: true }, "ROLE"],
  ["an administrator of the secretariat, for the coalition's work", user({ memberships: [{ ...admin, isSecretariat: true }], active: { ...admin, isSecretariat: true } }), { role: "ADMIN", secretariat: true }, "ok"],
];

describe("the access gate", () => {
  for (const [who, u, requirement, expected] of CASES) {
    it(`${who} (${JSON.stringify(requirement)}): ${expected}`, () => {
      const access = decideAccess(u, requirement);
      if (expected === "ok") expect(access).toEqual({ ok: true, user: u, membership: u!.active });
      else expect(access).toEqual({ ok: false, reason: expected, user: u });
    });
  }
});

describe("who a session is", () => {
  const row = (over: Partial<SessionRow> = {}): SessionRow => ({
    sessionId: "s",
    createdAt: new Date("2026-01-02"),
    userId: "u",
    email: "u@example.org",
    name: "U",
    active: true,
    sessionsValidFrom: new Date("2026-01-01"),
    twoFactor: false,
    memberships: [
      { organisationId: "org-x", organisationName: "X", role: "ADMIN", requireTwoFactor: false, deactivated: false, suspended: false, secretariat: false, left: false },
      { organisationId: "org-y", organisationName: "Y", role: "VIEWER", requireTwoFactor: true, deactivated: false, suspended: false, secretariat: false, left: false },
    ],
    ...over,
  });

  it("is nobody without a row, for a deactivated account, or for a session older than its 'valid from'", () => {
    expect(resolveSessionUser(undefined, undefined)).toBeNull();
    expect(resolveSessionUser(row({ active: false }), undefined)).toBeNull();
    expect(resolveSessionUser(row({ sessionsValidFrom: new Date("2026-01-03") }), undefined)).toBeNull();
  });

  it("works in the organisation asked for if a member there, else in the first one", () => {
    expect(resolveSessionUser(row(), undefined)?.active?.organisationId).toBe("org-x");
    expect(resolveSessionUser(row(), "org-y")?.active).toEqual({ organisationId: "org-y", organisationName: "Y", role: "VIEWER", isSecretariat: false, inCoalition: true });
    expect(resolveSessionUser(row(), "org-elsewhere")?.active?.organisationId).toBe("org-x");
  });

  it("must set up two-factor sign-in only where the active organisation requires it and it is not set up", () => {
    expect(resolveSessionUser(row(), "org-x")?.mustSetUpTwoFactor).toBe(false);
    expect(resolveSessionUser(row(), "org-y")?.mustSetUpTwoFactor).toBe(true);
    expect(resolveSessionUser(row({ twoFactor: true }), "org-y")?.mustSetUpTwoFactor).toBe(false);
  });

  it("never works in an organisation that deactivated them: their others go on, and with none left they are 'deactivated'", () => {
    const r = row();
    r.memberships[0].deactivated = true;
    const u = resolveSessionUser(r, "org-x")!;
    expect(u.active?.organisationId).toBe("org-y");
    expect(u.memberships.map((m) => m.organisationId)).toEqual(["org-y"]);
    expect(u.deactivatedIn).toEqual(["org-x"]);
    expect(u.leftOrganisationId).toBe("org-x"); // asked for X
    expect(resolveSessionUser(r, "org-y")!.leftOrganisationId).toBeNull();
    expect(resolveSessionUser(r, undefined)!.leftOrganisationId).toBeNull();
    r.memberships[1].deactivated = true;
    const none = resolveSessionUser(r, "org-x")!;
    expect(none.active).toBeNull();
    expect(decideAccess(none, {})).toMatchObject({ ok: false, reason: "DEACTIVATED" });
  });

  it("never works in an organisation the secretariat suspended: their others go on, and with none left they are 'suspended'", () => {
    const r = row();
    r.memberships[0].suspended = true;
    const u = resolveSessionUser(r, "org-x")!;
    expect(u.active?.organisationId).toBe("org-y");
    expect(u.suspendedIn).toEqual(["org-x"]);
    expect(u.deactivatedIn).toEqual([]);
    expect(u.leftOrganisationId).toBe("org-x");
    r.memberships[1].suspended = true;
    const none = resolveSessionUser(r, "org-y")!;
    expect(none.active).toBeNull();
    expect(decideAccess(none, {})).toMatchObject({ ok: false, reason: "ORGANISATION_SUSPENDED" });
  });

  it("knows which organisation is the secretariat", () => {
    const r = row();
    r.memberships[0].secretariat = true;
    expect(resolveSessionUser(r, "org-x")!.active?.isSecretariat).toBe(true);
    expect(resolveSessionUser(r, "org-y")!.active?.isSecretariat).toBe(false);
  });

  it("knows an organisation that left the coalition: its members still work in it", () => {
    const r = row();
    r.memberships[0].left = true;
    expect(resolveSessionUser(r, "org-x")!.active).toMatchObject({ organisationId: "org-x", inCoalition: false });
    expect(resolveSessionUser(r, "org-y")!.active?.inCoalition).toBe(true);
  });
});

describe("what a page may offer", () => {
  it("recording to analysts and administrators, administering to administrators", async () => {
    const { can } = await import("@/lib/access/can");
    expect([viewer, X, admin].map((m) => [can.record(m), can.administer(m)])).toEqual([
      [false, false],
      [true, false],
      [true, true],
    ]);
  });
});
