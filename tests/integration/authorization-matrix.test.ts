// Every server action, called as anonymous, VIEWER, ANALYST and ADMIN: who gets past the
// wrapper. A new action without an entry here fails this test. (Cross-organisation refusals
// need real records and are tested per feature: situations, sources, responses, files.)
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import { hasRole } from "@/lib/auth/roles";
import { actAs, createMember, createOrganisation } from "../support/fixtures";

const MATRIX: Record<string, Role | "PUBLIC"> = {
  // The invitation token is the credential of a new account: open without a session, refused without a valid token.
  "app/(auth)/invite/[token]/actions.ts#createInvitedAccountAction": "PUBLIC",
  // Any signed-in account (also one without an organisation yet); only the invited address joins.
  "app/(auth)/invite/[token]/actions.ts#acceptInvitationAction": "VIEWER",
  "app/(app)/actions.ts#switchOrganisationAction": "VIEWER",
  "app/(app)/situations/actions.ts#createSituationAction": "ANALYST",
  "app/(app)/situations/actions.ts#updateSituationAction": "ANALYST",
  "app/(app)/situations/actions.ts#archiveSituationAction": "ANALYST",
  "app/(app)/situations/actions.ts#restoreSituationAction": "ANALYST",
  "app/(app)/sources/actions.ts#createSourceAction": "ANALYST",
  "app/(app)/sources/actions.ts#updateSourceAction": "ANALYST",
  "app/(app)/sources/actions.ts#deleteSourceAction": "ANALYST",
  "app/(app)/sources/actions.ts#searchSourcesAction": "VIEWER",
  "app/(app)/responses/actions.ts#createResponseAction": "ANALYST",
  "app/(app)/responses/actions.ts#updateResponseAction": "ANALYST",
  "app/(app)/responses/actions.ts#deleteResponseAction": "ANALYST",
  "app/(app)/indicators/actions.ts#startRoundAction": "ANALYST",
  "app/(app)/indicators/actions.ts#saveRoundAction": "ANALYST",
  "app/(app)/indicators/actions.ts#publishRoundAction": "ANALYST",
  "app/(app)/indicators/actions.ts#discardRoundAction": "ANALYST",
  "app/(app)/indicators/actions.ts#createIndicatorAction": "ADMIN",
  "app/(app)/indicators/actions.ts#updateIndicatorAction": "ADMIN",
  "app/(app)/indicators/actions.ts#retireIndicatorAction": "ADMIN",
  "app/(app)/alerts/actions.ts#watchSituationAction": "VIEWER",
  "app/(app)/alerts/actions.ts#markAlertsReadAction": "VIEWER",
  "app/(app)/alerts/actions.ts#alertPreferencesAction": "VIEWER",
  "app/(app)/account/actions.ts#changePasswordAction": "VIEWER",
  "app/(app)/account/actions.ts#startTwoFactorAction": "VIEWER",
  "app/(app)/account/actions.ts#confirmTwoFactorAction": "VIEWER",
  "app/(app)/account/actions.ts#disableTwoFactorAction": "VIEWER",
  "app/(app)/account/actions.ts#revokeSessionAction": "VIEWER",
  "app/(app)/account/actions.ts#signOutEverywhereAction": "VIEWER",
  "app/(app)/admin/actions.ts#inviteMemberAction": "ADMIN",
  "app/(app)/admin/actions.ts#revokeInvitationAction": "ADMIN",
  "app/(app)/admin/actions.ts#changeRoleAction": "ADMIN",
  "app/(app)/admin/actions.ts#setMemberActiveAction": "ADMIN",
  "app/(app)/admin/actions.ts#requireTwoFactorAction": "ADMIN",
  "app/(app)/admin/actions.ts#assessmentIntervalAction": "ADMIN",
  "app/(app)/events/actions.ts#createEventAction": "ANALYST",
  "app/(app)/events/actions.ts#updateEventAction": "ANALYST",
  "app/(app)/events/actions.ts#deleteEventAction": "ANALYST",
  "app/(app)/events/actions.ts#checkImportAction": "ANALYST",
  "app/(app)/events/actions.ts#runImportAction": "ANALYST",
};

type Action = (input: unknown) => Promise<{ ok: boolean; code?: string }>;
const modules = import.meta.glob<Record<string, unknown>>("/app/**/actions.ts", { eager: true });
const actions: Record<string, Action> = {};
for (const [file, mod] of Object.entries(modules)) {
  for (const [name, value] of Object.entries(mod)) {
    if (typeof value === "function") actions[`${file.slice(1)}#${name}`] = value as Action;
  }
}

const ROLES: Role[] = ["VIEWER", "ANALYST", "ADMIN"];
const members: Partial<Record<Role, { id: string }>> = {};

beforeAll(async () => {
  const org = await createOrganisation();
  for (const role of ROLES) members[role] = await createMember(org.id, role);
});

describe("the authorisation matrix", () => {
  it("lists every server action, and only existing ones", () => {
    expect(Object.keys(actions).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  for (const [key, minimum] of Object.entries(MATRIX)) {
    if (minimum === "PUBLIC") {
      it(`${key}: open without a session, and refuses invalid input`, async () => {
        await actAs(null);
        expect(await actions[key]({})).toMatchObject({ ok: false, code: "INVALID" });
      });
      continue;
    }
    it(`${key}: anonymous refused; ${minimum} and above allowed past the check`, async () => {
      const action = actions[key];
      await actAs(null);
      expect(await action({})).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
      for (const role of ROLES) {
        await actAs(members[role]!);
        const res = await action({}); // empty input: refused by validation once past the role check
        if (hasRole(role, minimum)) expect(res).toMatchObject({ ok: false, code: "INVALID" });
        else expect(res).toMatchObject({ ok: false, code: "FORBIDDEN" });
      }
    });
  }
});
