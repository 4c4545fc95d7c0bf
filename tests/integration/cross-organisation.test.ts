// The authorisation matrix's last column: every server action called by an administrator of
// ANOTHER organisation, aimed at this organisation's records. Each must be refused (not found, or
// forbidden for coalition-shared records) and change nothing; actions that only ever touch the
// caller's own organisation or account say so. A new action without an entry here fails the test.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createSituationAction, updateSituationAction, archiveSituationAction, restoreSituationAction } from "@/app/(app)/situations/actions";
import { createSourceAction, updateSourceAction, deleteSourceAction, searchSourcesAction } from "@/app/(app)/sources/actions";
import { createResponseAction, updateResponseAction, deleteResponseAction } from "@/app/(app)/responses/actions";
import { createExternalRatingAction, updateExternalRatingAction, deleteExternalRatingAction, importExternalRatingsAction } from "@/app/(app)/external-ratings/actions";
import { decideSuggestionAction } from "@/app/(app)/evidence/actions";
import { startRoundAction, saveRoundAction, publishRoundAction, discardRoundAction, rescoreRoundAction, createIndicatorAction, updateIndicatorAction, retireIndicatorAction } from "@/app/(app)/indicators/actions";
import { createEventAction, updateEventAction, deleteEventAction, checkImportAction, runImportAction } from "@/app/(app)/events/actions";
import { watchSituationAction, markAlertsReadAction } from "@/app/(app)/alerts/actions";
import { revokeSessionAction } from "@/app/(app)/account/actions";
import { createMemberOrganisationAction, inviteFirstAdministratorAction, setOrganisationInCoalitionAction, setOrganisationSuspendedAction } from "@/app/(app)/coalition/actions";
import { changeRoleAction, setMemberActiveAction, revokeInvitationAction, inviteMemberAction, issueApiTokenAction, revokeApiTokenAction, resetMemberTwoFactorAction } from "@/app/(app)/admin/actions";
import { switchOrganisationAction } from "@/app/(app)/actions";
import { emptySituationInput } from "@/lib/situations/schemas";
import { emptySourceInput } from "@/lib/sources/schemas";
import { emptyResponseInput } from "@/lib/responses/schemas";
import { emptyEventInput } from "@/lib/events/schemas";
import { emptyExternalRatingInput } from "@/lib/external-ratings/schemas";
import { actAs, createMember, createOrganisation, ok } from "../support/fixtures";

type Result = { ok: boolean; code?: string; data?: unknown };
const REFUSED = ["NOT_FOUND", "FORBIDDEN"];

let a: Record<string, string> = {};
let analystA: { id: string };
let adminB: { id: string };

beforeAll(async () => {
  const orgA = await createOrganisation();
  const orgB = await createOrganisation();
  analystA = await createMember(orgA.id, "ANALYST");
  const adminA = await createMember(orgA.id, "ADMIN");
  adminB = await createMember(orgB.id, "ADMIN");
  await actAs(adminA);
  const inv = await ok(inviteMemberAction({ email: "someone@example.org", role: "VIEWER" }));
  const ind = await ok(createIndicatorAction({ factor: 3, text: "An indicator only organisation A uses." }));
  const token = await ok(issueApiTokenAction({ name: "A's partner", scopes: ["events"], days: 30 }));
  await actAs(analystA);
  const priv = await ok(createSituationAction({ ...emptySituationInput(), countryIso3: "SDN", title: "Private A", visibility: "ORGANISATION" }));
  const shared = await ok(createSituationAction({ ...emptySituationInput(), countryIso3: "MMR", title: "Shared A", visibility: "COALITION" }));
  const src = await ok(createSourceAction({ ...emptySourceInput(), title: "A's source" }));
  const resp = await ok(createResponseAction({ situationId: shared.id, data: { ...emptyResponseInput(), pillar: "II", type: "STATEMENT", actorType: "OTHER_STATE", actorName: "A state", title: "A statement", startDate: "2024-01-01", status: "ADOPTED" } }));
  const ext = await ok(createExternalRatingAction({ situationId: shared.id, data: { ...emptyExternalRatingInput("R2P_MONITOR"), ratedOn: "2024-01-01", category: "IMMINENT_RISK" } }));
  const round = await ok(startRoundAction({ situationId: shared.id, assessedOn: "2024-01-01" }));
  const ev = await ok(createEventAction({ data: { ...emptyEventInput(), situationId: shared.id, eventDate: "2024-01-01", eventType: "Battles", countryIso3: "MMR" } }));
  const imp = await db.eventImport.create({ data: { organisationId: orgA.id, fileName: "a.csv", sha256: "x", createdById: analystA.id, headers: ["a"], mapping: {} } });
  const session = await db.authSession.create({ data: { userId: analystA.id } });
  // Two-factor sign-in on, so that another organisation's administrator resetting it would show.
  await db.user.update({ where: { id: analystA.id }, data: { totpSecret: "v1:x:y:z", totpEnabledAt: new Date() } });
  const alert = await db.alert.create({ data: { organisationId: orgA.id, situationId: priv.id, rule: "SCORE_RISE", title: "A's alert", dedupeKey: `x-${priv.id}` } });
  await db.alertReceipt.create({ data: { alertId: alert.id, userId: analystA.id } });
  a = { org: orgA.id, priv: priv.id, shared: shared.id, src: src.id, resp: resp.id, round: round.id, ev: ev.id, imp: imp.id, ind: ind.id, inv: inv.id, token: token.id, ext: ext.id, extVersion: ext.version, session: session.id, alert: alert.id };
});

const sit = (title: string) => ({ ...emptySituationInput(), countryIso3: "SDN", title });
const CROSS: Record<string, (() => Promise<Result>) | string> = {
  "app/(app)/actions.ts#switchOrganisationAction": () => switchOrganisationAction({ organisationId: a.org }),
  "app/(app)/situations/actions.ts#createSituationAction": "creates in the caller's own organisation",
  "app/(app)/situations/actions.ts#updateSituationAction": () => updateSituationAction({ ...sit("Hijacked"), id: a.shared, version: 1 }),
  "app/(app)/situations/actions.ts#archiveSituationAction": () => archiveSituationAction({ id: a.shared, version: 1 }),
  "app/(app)/situations/actions.ts#restoreSituationAction": () => restoreSituationAction({ id: a.priv, version: 1 }),
  "app/(app)/sources/actions.ts#createSourceAction": "creates in the caller's own library",
  "app/(app)/sources/actions.ts#updateSourceAction": () => updateSourceAction({ id: a.src, version: 1, data: { ...emptySourceInput(), title: "Hijacked" } }),
  "app/(app)/sources/actions.ts#deleteSourceAction": () => deleteSourceAction({ id: a.src, version: 1 }),
  "app/(app)/sources/actions.ts#searchSourcesAction": async () => {
    const r = (await searchSourcesAction({ q: "A's source" })) as Result & { data: unknown[] };
    return r.ok && r.data.length === 0 ? { ok: false, code: "NOT_FOUND" } : r; // finds nothing of A's
  },
  "app/(app)/responses/actions.ts#createResponseAction": () => createResponseAction({ situationId: a.shared, data: { ...emptyResponseInput(), pillar: "I", type: "STATEMENT", actorType: "OTHER_STATE", actorName: "X state", title: "Injected", startDate: "2024-01-01", status: "ADOPTED" } }),
  "app/(app)/responses/actions.ts#updateResponseAction": () => updateResponseAction({ id: a.resp, version: 1, data: { ...emptyResponseInput(), pillar: "I", type: "STATEMENT", actorType: "OTHER_STATE", actorName: "X state", title: "Hijacked", startDate: "2024-01-01", status: "ADOPTED" } }),
  "app/(app)/responses/actions.ts#deleteResponseAction": () => deleteResponseAction({ id: a.resp, version: 1 }),
  "app/(app)/external-ratings/actions.ts#createExternalRatingAction": () => createExternalRatingAction({ situationId: a.shared, data: { ...emptyExternalRatingInput("R2P_MONITOR"), ratedOn: "2024-02-01", category: "CURRENT_CRISIS" } }),
  "app/(app)/external-ratings/actions.ts#updateExternalRatingAction": () => updateExternalRatingAction({ id: a.ext, version: a.extVersion, data: { ...emptyExternalRatingInput("R2P_MONITOR"), ratedOn: "2024-02-01", category: "CURRENT_CRISIS" } }),
  "app/(app)/external-ratings/actions.ts#deleteExternalRatingAction": () => deleteExternalRatingAction({ id: a.ext, version: a.extVersion }),
  "app/(app)/external-ratings/actions.ts#importExternalRatingsAction": async () => {
    // Naming A's situation by its id: refused by line, nothing written.
    const form = new FormData();
    form.set("file", new File([`situation_id,system,date,category\n${a.shared},R2P_MONITOR,2024-03-01,Current Crisis\n`], "a.csv", { type: "text/csv" }));
    const r = (await importExternalRatingsAction(form)) as Result & { data: { status: string } };
    return r.ok && r.data.status === "REFUSED" ? { ok: false, code: "NOT_FOUND" } : r;
  },
  "app/(app)/indicators/actions.ts#startRoundAction": () => startRoundAction({ situationId: a.shared, assessedOn: "2024-02-01" }),
  "app/(app)/indicators/actions.ts#saveRoundAction": () => saveRoundAction({ id: a.round, version: 1, assessedOn: "2024-01-01", summary: "Hijacked", ratings: [] }),
  "app/(app)/indicators/actions.ts#publishRoundAction": () => publishRoundAction({ id: a.round, version: 1 }),
  "app/(app)/evidence/actions.ts#decideSuggestionAction": () => decideSuggestionAction({ roundId: a.round, indicatorId: "x", decision: "DECLINED", reason: "Injected reason." }),
  "app/(app)/indicators/actions.ts#discardRoundAction": () => discardRoundAction({ id: a.round, version: 1 }),
  "app/(app)/indicators/actions.ts#rescoreRoundAction": () => rescoreRoundAction({ id: a.round, version: 1 }),
  "app/(app)/indicators/actions.ts#createIndicatorAction": "creates in the caller's own catalogue",
  "app/(app)/indicators/actions.ts#updateIndicatorAction": () => updateIndicatorAction({ id: a.ind, version: 1, text: "Hijacked indicator text." }),
  "app/(app)/indicators/actions.ts#retireIndicatorAction": () => retireIndicatorAction({ id: a.ind, version: 1, retired: true }),
  "app/(app)/events/actions.ts#createEventAction": () => createEventAction({ data: { ...emptyEventInput(), situationId: a.shared, eventDate: "2024-01-02", eventType: "Riots" } }),
  "app/(app)/events/actions.ts#updateEventAction": () => updateEventAction({ id: a.ev, version: 1, data: { ...emptyEventInput(), eventDate: "2024-01-02", eventType: "Hijacked" } }),
  "app/(app)/events/actions.ts#deleteEventAction": () => deleteEventAction({ id: a.ev, version: 1 }),
  "app/(app)/events/actions.ts#checkImportAction": () => checkImportAction({ id: a.imp, mapping: {}, situationId: "" }),
  "app/(app)/events/actions.ts#runImportAction": () => runImportAction({ id: a.imp }),
  "app/(app)/alerts/actions.ts#watchSituationAction": () => watchSituationAction({ situationId: a.priv, watch: true }),
  "app/(app)/alerts/actions.ts#markAlertsReadAction": async () => {
    const r = (await markAlertsReadAction({ alertIds: [a.alert] })) as Result & { data: { marked: number } };
    return r.ok && r.data.marked === 0 ? { ok: false, code: "NOT_FOUND" } : r; // only the caller's own receipts
  },
  "app/(app)/alerts/actions.ts#alertPreferencesAction": "the caller's own settings only",
  "app/(app)/account/actions.ts#changePasswordAction": "the caller's own account only",
  "app/(app)/account/actions.ts#startTwoFactorAction": "the caller's own account only",
  "app/(app)/account/actions.ts#confirmTwoFactorAction": "the caller's own account only",
  "app/(app)/account/actions.ts#disableTwoFactorAction": "the caller's own account only",
  "app/(app)/account/actions.ts#revokeSessionAction": () => revokeSessionAction({ sessionId: a.session }),
  "app/(app)/account/actions.ts#signOutEverywhereAction": "the caller's own account only",
  "app/(app)/admin/actions.ts#inviteMemberAction": "invites into the caller's own organisation",
  "app/(app)/admin/actions.ts#revokeInvitationAction": () => revokeInvitationAction({ id: a.inv }),
  "app/(app)/admin/actions.ts#changeRoleAction": () => changeRoleAction({ userId: analystA.id, role: "ADMIN" }),
  "app/(app)/admin/actions.ts#setMemberActiveAction": () => setMemberActiveAction({ userId: analystA.id, active: false }),
  "app/(app)/admin/actions.ts#resetMemberTwoFactorAction": () => resetMemberTwoFactorAction({ userId: analystA.id }),
  "app/(app)/admin/actions.ts#requireTwoFactorAction": "the caller's own organisation only",
  "app/(app)/admin/actions.ts#assessmentIntervalAction": "the caller's own organisation only",
  "app/(app)/admin/actions.ts#signalSensitivityAction": "the caller's own organisation only",
  "app/(app)/admin/actions.ts#minScoreCoverageAction": "the caller's own organisation only (tests/integration/rounds.test.ts)",
  "app/(app)/admin/actions.ts#issueApiTokenAction": "issues a token of the caller's own organisation",
  "app/(app)/admin/actions.ts#revokeApiTokenAction": () => revokeApiTokenAction({ id: a.token }),
  // The coalition's actions are the secretariat's alone (tests/integration/coalition.test.ts): another organisation's administrator is refused.
  "app/(app)/coalition/actions.ts#createMemberOrganisationAction": () => createMemberOrganisationAction({ name: "Injected organisation", adminEmail: "x@example.org", requireTwoFactor: true }),
  "app/(app)/coalition/actions.ts#inviteFirstAdministratorAction": () => inviteFirstAdministratorAction({ organisationId: a.org, adminEmail: "x@example.org" }),
  "app/(app)/coalition/actions.ts#setOrganisationSuspendedAction": () => setOrganisationSuspendedAction({ organisationId: a.org, suspended: true }),
  "app/(app)/coalition/actions.ts#setOrganisationInCoalitionAction": () => setOrganisationInCoalitionAction({ organisationId: a.org, inCoalition: false }),
  "app/(app)/coalition/actions.ts#leaveCoalitionAction": "the caller's own organisation only",
  "app/(auth)/invite/[token]/actions.ts#acceptInvitationAction": "needs the invitation's own secret token, and the invited address's account (tests/integration/invitations.test.ts)",
  "app/(auth)/invite/[token]/actions.ts#createInvitedAccountAction": "needs the invitation's own secret token; creates no membership",
};

const modules = import.meta.glob<Record<string, unknown>>("/app/**/actions.ts", { eager: true });
const all = Object.entries(modules).flatMap(([file, mod]) => Object.entries(mod).filter(([, v]) => typeof v === "function").map(([name]) => `${file.slice(1)}#${name}`));

describe("another organisation's administrator", () => {
  it("is accounted for in every server action", () => {
    expect(all.sort()).toEqual(Object.keys(CROSS).sort());
  });

  for (const [key, call] of Object.entries(CROSS)) {
    if (typeof call === "string") continue;
    it(`${key}: refused, nothing changes`, async () => {
      const before = await snapshot();
      await actAs(adminB);
      const r = await call();
      expect(r.ok).toBe(false);
      expect(REFUSED).toContain(r.code);
      expect(await snapshot()).toEqual(before);
    });
  }
});

async function snapshot() {
  return {
    organisation: await db.organisation.findUnique({ where: { id: a.org }, select: { suspendedAt: true, leftAt: true } }),
    organisations: await db.organisation.count({ where: { name: "Injected organisation" } }),
    situations: await db.situation.findMany({ where: { organisationId: a.org }, select: { id: true, title: true, version: true, archivedAt: true }, orderBy: { id: "asc" } }),
    sources: await db.source.findMany({ where: { organisationId: a.org }, select: { id: true, title: true, deletedAt: true } }),
    responses: await db.response.count({ where: { situationId: a.shared, deletedAt: null } }),
    externalRatings: await db.externalRating.findMany({ where: { situationId: a.shared }, select: { id: true, value: true, updatedAt: true, deletedAt: true } }),
    rounds: await db.assessment.findMany({ where: { organisationId: a.org }, select: { id: true, status: true, version: true, deletedAt: true } }),
    events: await db.event.findMany({ where: { organisationId: a.org }, select: { id: true, eventType: true, deletedAt: true } }),
    eventsOnShared: await db.event.count({ where: { situationId: a.shared } }),
    indicator: await db.indicator.findUnique({ where: { id: a.ind }, select: { text: true, retiredAt: true } }),
    imp: await db.eventImport.findUnique({ where: { id: a.imp }, select: { status: true, mapping: true } }),
    members: await db.membership.findMany({ where: { organisationId: a.org }, select: { role: true, deactivatedAt: true }, orderBy: { id: "asc" } }),
    twoFactor: await db.user.findUnique({ where: { id: analystA.id }, select: { totpSecret: true, totpEnabledAt: true } }),
    invitation: await db.invitation.findUnique({ where: { id: a.inv }, select: { revokedAt: true } }),
    token: await db.apiToken.findUnique({ where: { id: a.token }, select: { revokedAt: true } }),
    session: await db.authSession.findUnique({ where: { id: a.session }, select: { revokedAt: true } }),
    receipt: await db.alertReceipt.findMany({ where: { alertId: a.alert }, select: { readAt: true } }),
    watches: await db.watch.count({ where: { situationId: a.priv } }),
  };
}
