// The coalition (issue #30), stated once: who runs it, which organisations share with it, and what
// a situation shared with it exposes. The gate (./gate.ts) lets only the secretariat's
// administrators run it; ./situations.ts applies organisationSharingWhere to every shared read.
import type { CurrentMembership } from "./session";
import { hasRole } from "@/lib/auth/roles";

export { organisationSharingWhere } from "./situations";

/**
 * Runs the coalition: an administrator of the secretariat organisation. They create member
 * organisations and invite each one's first administrator, suspend and reactivate an
 * organisation, and remove one from the coalition (or take it back); they never see another
 * organisation's private records for it.
 */
export function canRunCoalition(membership: Pick<CurrentMembership, "role" | "isSecretariat">): boolean {
  return !!membership.isSecretariat && hasRole(membership.role, "ADMIN");
}

/** An organisation's status in the coalition, as the Coalition page names it. */
export type CoalitionStatus = "ACTIVE" | "SUSPENDED" | "LEFT";

export function coalitionStatus(o: { suspendedAt: Date | null; leftAt: Date | null }): CoalitionStatus {
  return o.suspendedAt ? "SUSPENDED" : o.leftAt ? "LEFT" : "ACTIVE";
}

/**
 * What each status means, as every member reads it on the Coalition page. Suspended: its members
 * cannot work in it (the gate refuses them, ORGANISATION_SUSPENDED), its shared situations are
 * not the coalition's while suspended; its data is kept. Left (or removed): it shares nothing
 * with the coalition any more; its members go on working with their own data; its data is kept.
 */
export const COALITION_STATUS_TEXT: Record<CoalitionStatus, string> = {
  ACTIVE: "Member",
  SUSPENDED: "Suspended: its members cannot work in it, and what it shared is hidden from the coalition until it is reactivated. Its data is kept.",
  LEFT: "Left the coalition: what it shared is no longer shared. Its members keep working with their own data, which is kept.",
};

/**
 * What "shared with the coalition" exposes to every member of every organisation in the
 * coalition, exactly as lib/access reads it: a situation whose visibility is "coalition", while it
 * is not archived and its organisation has neither left nor is suspended (situationSharedWhere),
 * and what hangs on it (events.ts, responses.ts, rounds.ts, external-ratings.ts follow their
 * situation). Never shared (sources.ts, imports.ts, files.ts; the audit log and members are each
 * organisation's): listed in NEVER_SHARED.
 */
export const SHARED_EXPOSES = [
  "the situation's record: its title, country and scope, risk category, summary, background, recommended action, notes, populations at risk and perpetrators;",
  "its assessment of the four crimes and incitement, with each rationale;",
  "its assessment rounds of the Framework's indicators, drafts too, with every rating, its evidence text, and the scores;",
  "its responses under the three pillars;",
  "its events, with their places, actors, notes and the indicators they are linked to, and the signals computed from them;",
  "the external ratings recorded on it;",
  "the title and grading of each source its records cite (not the source itself);",
  "who made the latest changes to it, by name;",
  "and alerts about it, to the members of other organisations who follow it.",
] as const;

export const NEVER_SHARED = [
  "the organisation's sources library, and the files attached to sources;",
  "its situations not shared with the coalition, and its archived situations;",
  "its event imports and their files;",
  "its members, its invitations and its audit log;",
  "its own indicators' wording, except where a shared round rates them;",
  "its backups and exports.",
] as const;
