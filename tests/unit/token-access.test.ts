// The partner API token's rules (lib/access/token.ts) as a table: which token row lets a request in,
// in the order the reasons are checked, and how the Authorization header is read.
import { describe, expect, it } from "vitest";
import { bearerSecret, decideTokenAccess, type TokenRow } from "@/lib/access/token";

const NOW = new Date("2026-12-04T06:00:00Z");
const valid: TokenRow = {
  id: "t1",
  name: "Partner",
  organisationId: "o1",
  organisationName: "Org",
  scopes: ["events"],
  expiresAt: new Date("2027-01-01"),
  revokedAt: null,
  organisationSuspendedAt: null,
  organisationLeftAt: null,
  issuerIsActiveAdmin: true,
  issuerMustSetUpTwoFactor: false,
};

describe("decideTokenAccess", () => {
  it.each([
    ["no such token", undefined, "UNKNOWN"],
    ["revoked", { ...valid, revokedAt: NOW }, "REVOKED"],
    ["revoked and expired: revoked first", { ...valid, revokedAt: NOW, expiresAt: NOW }, "REVOKED"],
    ["expired at this very moment", { ...valid, expiresAt: NOW }, "EXPIRED"],
    ["its organisation suspended", { ...valid, organisationSuspendedAt: NOW }, "ORGANISATION_SUSPENDED"],
    ["its issuer no longer an active administrator", { ...valid, issuerIsActiveAdmin: false }, "ISSUER_INACTIVE"],
    ["its issuer has not set up the two-factor sign-in the organisation requires", { ...valid, issuerMustSetUpTwoFactor: true }, "ISSUER_TWO_FACTOR"],
  ] as const)("%s: refused as %s", (_name, row, reason) => {
    expect(decideTokenAccess(row, NOW)).toEqual({ ok: false, reason });
  });

  it("a valid token reads as a viewer of its organisation, with its scopes", () => {
    expect(decideTokenAccess(valid, NOW)).toEqual({
      ok: true,
      caller: { tokenId: "t1", tokenName: "Partner", scopes: ["events"], membership: { organisationId: "o1", organisationName: "Org", role: "VIEWER", inCoalition: true } },
    });
  });

  it("an organisation that left the coalition keeps its tokens, out of the coalition (its own records only)", () => {
    const access = decideTokenAccess({ ...valid, organisationLeftAt: NOW }, NOW);
    expect(access.ok && access.caller.membership.inCoalition).toBe(false);
  });
});

describe("bearerSecret", () => {
  it.each([
    ["Bearer aew_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "aew_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"],
    ["bearer   aew_abcdefghijklmnop", "aew_abcdefghijklmnop"],
    [null, null],
    ["", null],
    ["Basic dXNlcjpwYXNzd29yZA==", null],
    ["Bearer short", null],
    ["Bearer aew_abcdefghijklmnop extra", null],
  ])("%j -> %j", (header, secret) => {
    expect(bearerSecret(header)).toBe(secret);
  });
});
