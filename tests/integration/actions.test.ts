import { beforeAll, describe, expect, it } from "vitest";
import { switchOrganisationAction } from "@/app/(app)/actions";
import { getCurrentUser } from "@/lib/auth/current-user";
import { actAs, createMember, createOrganisation, createUser } from "../support/fixtures";
import { testCookies } from "../support/request-context";

describe("switchOrganisationAction (through the authorised-action wrapper)", () => {
  let orgA: string;
  let orgB: string;
  beforeAll(async () => {
    orgA = (await createOrganisation()).id;
    orgB = (await createOrganisation()).id;
  });

  it("refuses an anonymous caller before doing anything", async () => {
    await actAs(null);
    const res = await switchOrganisationAction({ organisationId: orgA });
    expect(res).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(testCookies.get("active-org")).toBeUndefined();
  });

  it("refuses a signed-in user without any organisation", async () => {
    await actAs(await createUser());
    expect(await switchOrganisationAction({ organisationId: orgA })).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("switches a member of both organisations, and the next request works in the new one", async () => {
    const user = await createUser({ memberships: [{ organisationId: orgA, role: "ANALYST" }, { organisationId: orgB, role: "VIEWER" }] });
    await actAs(user);
    expect((await getCurrentUser())?.active?.organisationId).toBe(orgA);
    const res = await switchOrganisationAction({ organisationId: orgB });
    expect(res).toEqual({ ok: true, data: { organisationId: orgB, role: "VIEWER" } });
    expect(testCookies.get("active-org")?.value).toBe(orgB);
  });

  it("refuses an organisation the caller is not a member of", async () => {
    await actAs(await createMember(orgA, "ADMIN"));
    const res = await switchOrganisationAction({ organisationId: orgB });
    expect(res).toMatchObject({ ok: false, code: "FORBIDDEN", message: "You are not a member of that organisation." });
    expect(testCookies.get("active-org")).toBeUndefined();
  });

  it("rejects malformed input with a field message", async () => {
    await actAs(await createMember(orgA, "VIEWER"));
    const res = await switchOrganisationAction({ organisationId: "" });
    expect(res).toMatchObject({ ok: false, code: "INVALID" });
    if (!res.ok) expect(res.fieldErrors?.organisationId?.length).toBeGreaterThan(0);
  });
});
