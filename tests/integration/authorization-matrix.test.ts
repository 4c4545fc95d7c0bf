// Every server action, called as anonymous, VIEWER, ANALYST and ADMIN, and as four callers the
// gate must stop or confine: a member whose organisation requires two-factor sign-in they have not
// set up, a member whose only membership was deactivated (their session still open), a member whose
// only organisation the coalition secretariat suspended (session still open), and a member
// of another organisation whose active-organisation cookie names this one: who gets past the
// wrapper. The secretariat's own actions ("SECRETARIAT") are let past only by an administrator of
// the coalition's secretariat. A new action without an entry here fails this test, as does a "use server" file that is
// not an actions.ts read here. (Refusals of another organisation's records need real records and
// are in tests/integration/cross-organisation.test.ts, which also lists every action.)
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getCurrentUser } from "@/lib/auth/current-user";
import type { Role } from "@/lib/generated/prisma/enums";
import { hasRole } from "@/lib/auth/roles";
import { ORGANISATION_SUSPENDED_MESSAGE } from "@/lib/access/gate";
import { actAs, MATRIX_ROLES, createMatrixCallers } from "../support/fixtures";

const MATRIX: Record<string, Role | "PUBLIC" | "SECRETARIAT"> = {
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
  "app/(app)/external-ratings/actions.ts#createExternalRatingAction": "ANALYST",
  "app/(app)/external-ratings/actions.ts#updateExternalRatingAction": "ANALYST",
  "app/(app)/external-ratings/actions.ts#deleteExternalRatingAction": "ANALYST",
  "app/(app)/external-ratings/actions.ts#importExternalRatingsAction": "ANALYST",
  "app/(app)/indicators/actions.ts#startRoundAction": "ANALYST",
  "app/(app)/indicators/actions.ts#saveRoundAction": "ANALYST",
  "app/(app)/indicators/actions.ts#publishRoundAction": "ANALYST",
  "app/(app)/indicators/actions.ts#discardRoundAction": "ANALYST",
  "app/(app)/indicators/actions.ts#rescoreRoundAction": "ADMIN",
  "app/(app)/evidence/actions.ts#decideSuggestionAction": "ANALYST",
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
  "app/(app)/admin/actions.ts#resetMemberTwoFactorAction": "ADMIN",
  "app/(app)/admin/actions.ts#requireTwoFactorAction": "ADMIN",
  "app/(app)/admin/actions.ts#assessmentIntervalAction": "ADMIN",
  "app/(app)/admin/actions.ts#signalSensitivityAction": "ADMIN",
  "app/(app)/admin/actions.ts#minScoreCoverageAction": "ADMIN",
  "app/(app)/admin/actions.ts#issueApiTokenAction": "ADMIN",
  "app/(app)/admin/actions.ts#revokeApiTokenAction": "ADMIN",
  // The coalition (issue #30): the secretariat's administrators run it; an organisation's own administrators can leave it.
  "app/(app)/coalition/actions.ts#createMemberOrganisationAction": "SECRETARIAT",
  "app/(app)/coalition/actions.ts#inviteFirstAdministratorAction": "SECRETARIAT",
  "app/(app)/coalition/actions.ts#setOrganisationSuspendedAction": "SECRETARIAT",
  "app/(app)/coalition/actions.ts#setOrganisationInCoalitionAction": "SECRETARIAT",
  "app/(app)/coalition/actions.ts#leaveCoalitionAction": "ADMIN",
  "app/(app)/events/actions.ts#createEventAction": "ANALYST",
  "app/(app)/events/actions.ts#updateEventAction": "ANALYST",
  "app/(app)/events/actions.ts#deleteEventAction": "ANALYST",
  "app/(app)/events/actions.ts#checkImportAction": "ANALYST",
  "app/(app)/events/actions.ts#runImportAction": "ANALYST",
};

// Open to a member who must still set up two-factor sign-in: setting it up, and the account's own
// safety (password, sessions). Every other action refuses them.
const BEFORE_TWO_FACTOR = new Set([
  "app/(auth)/invite/[token]/actions.ts#acceptInvitationAction",
  "app/(app)/account/actions.ts#changePasswordAction",
  "app/(app)/account/actions.ts#startTwoFactorAction",
  "app/(app)/account/actions.ts#confirmTwoFactorAction",
  "app/(app)/account/actions.ts#disableTwoFactorAction",
  "app/(app)/account/actions.ts#revokeSessionAction",
  "app/(app)/account/actions.ts#signOutEverywhereAction",
]);
// Open to any signed-in account, with an organisation or not (so also to one deactivated everywhere).
const WITHOUT_ORGANISATION = new Set(["app/(auth)/invite/[token]/actions.ts#acceptInvitationAction"]);

type Action = (input: unknown) => Promise<{ ok: boolean; code?: string; message?: string }>;
const modules = import.meta.glob<Record<string, unknown>>("/app/**/actions.ts", { eager: true });
const actions: Record<string, Action> = {};
for (const [file, mod] of Object.entries(modules)) {
  for (const [name, value] of Object.entries(mod)) {
    if (typeof value === "function") actions[`${file.slice(1)}#${name}`] = value as Action;
  }
}

/** The files under app/ that declare server actions ("use server"), by path from the repository root. */
function serverActionFiles(dir = "app"): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return serverActionFiles(file);
    return /\.(ts|tsx|js|jsx|mjs)$/.test(e.name) && /["']use server["']/.test(readFileSync(file, "utf8")) ? [file.split(path.sep).join("/")] : [];
  });
}

const ROLES = MATRIX_ROLES;
let members: Partial<Record<Role, { id: string }>>;
let org: { id: string };
let pending: { id: string };
let deactivated: { id: string };
let outsider: { id: string };
let suspended: { id: string };
let suspendedOrg: { id: string };
let secretariat: { id: string };

beforeAll(async () => {
  ({ org, members, pending, deactivated, outsider, suspended, suspendedOrg, secretariat } = await createMatrixCallers());
});

describe("the authorisation matrix", () => {
  it("lists every server action, and only existing ones", () => {
    expect(Object.keys(actions).sort()).toEqual(Object.keys(MATRIX).sort());
    for (const key of [...BEFORE_TWO_FACTOR, ...WITHOUT_ORGANISATION]) expect(Object.keys(MATRIX)).toContain(key);
  });

  it("reads every file under app/ that declares server actions", () => {
    const read = new Set(Object.keys(actions).map((key) => key.split("#")[0]));
    expect(serverActionFiles().sort()).toEqual([...read].sort());
  });

  it("confines a member of another organisation who names this one as active to their own", async () => {
    await actAs(outsider, org.id);
    expect((await getCurrentUser())?.active?.organisationId).not.toBe(org.id);
  });

  for (const [key, minimum] of Object.entries(MATRIX)) {
    if (minimum === "PUBLIC") {
      it(`${key}: open without a session, and refuses invalid input`, async () => {
        await actAs(null);
        expect(await actions[key]({})).toMatchObject({ ok: false, code: "INVALID" });
      });
      continue;
    }
    it(`${key}: anonymous refused; ${minimum === "SECRETARIAT" ? "only the secretariat's administrators" : `${minimum} and above`} allowed past the check`, async () => {
      const action = actions[key];
      await actAs(null);
      expect(await action({})).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
      for (const role of ROLES) {
        await actAs(members[role]!);
        const res = await action({}); // empty input: refused by validation once past the role check
        if (minimum !== "SECRETARIAT" && hasRole(role, minimum)) expect(res).toMatchObject({ ok: false, code: "INVALID" });
        else expect(res).toMatchObject({ ok: false, code: "FORBIDDEN" });
      }
      await actAs(secretariat);
      expect(await action({})).toMatchObject({ ok: false, code: "INVALID" }); // an administrator, of the secretariat
    });

    it(`${key}: two-factor pending ${BEFORE_TWO_FACTOR.has(key) ? "allowed past the check" : minimum === "SECRETARIAT" ? "refused (not the secretariat, named first as a role is)" : "refused, saying how to go on"}`, async () => {
      await actAs(pending);
      const res = await actions[key]({});
      if (BEFORE_TWO_FACTOR.has(key)) expect(res).toMatchObject({ ok: false, code: "INVALID" });
      else if (minimum === "SECRETARIAT") expect(res).toMatchObject({ ok: false, code: "FORBIDDEN", message: "You do not have permission to do this." });
      else expect(res).toMatchObject({ ok: false, code: "FORBIDDEN", message: "Your organisation requires two-factor sign-in. Set it up on your account page first." });
    });

    it(`${key}: deactivated ${WITHOUT_ORGANISATION.has(key) ? "allowed past the check (no organisation needed)" : "refused"}`, async () => {
      await actAs(deactivated, org.id);
      const res = await actions[key]({});
      if (WITHOUT_ORGANISATION.has(key)) expect(res).toMatchObject({ ok: false, code: "INVALID" });
      else expect(res).toMatchObject({ ok: false, code: "FORBIDDEN", message: "You do not have permission to do this." });
    });

    it(`${key}: suspended organisation's administrator ${WITHOUT_ORGANISATION.has(key) ? "allowed past the check (no organisation needed)" : "refused, told why"}`, async () => {
      await actAs(suspended, suspendedOrg.id);
      const res = await actions[key]({});
      if (WITHOUT_ORGANISATION.has(key)) expect(res).toMatchObject({ ok: false, code: "INVALID" });
      else expect(res).toMatchObject({ ok: false, code: "FORBIDDEN", message: ORGANISATION_SUSPENDED_MESSAGE });
    });

    it(`${key}: other organisation naming this one: ${minimum === "SECRETARIAT" ? "refused (not the secretariat)" : "past the check only as a member of their own"}`, async () => {
      await actAs(outsider, org.id);
      expect(await actions[key]({})).toMatchObject({ ok: false, code: minimum === "SECRETARIAT" ? "FORBIDDEN" : "INVALID" });
    });
  }
});
