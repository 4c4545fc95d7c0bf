// Who a session is: the rules that turn a session's row into the signed-in user. Pure, so unit
// tests state them; lib/auth/current-user.ts reads the row (one query per request) and asks here.
import type { Role } from "@/lib/generated/prisma/enums";

export interface CurrentMembership {
  organisationId: string;
  organisationName: string;
  role: Role;
  /** The organisation is the coalition's secretariat (issue #30): its administrators run the Coalition page. Absent: not the secretariat. */
  isSecretariat?: boolean;
  /**
   * False when the organisation left the coalition (or the secretariat removed it): its members
   * then see only their own organisation's situations (lib/access/situations.ts). Absent: in it.
   */
  inCoalition?: boolean;
}

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  sessionId: string;
  /** The organisations the user may work in now: their memberships that are not deactivated. */
  memberships: CurrentMembership[];
  /** The organisation the user is working in now (chosen in the header; the first one by default). */
  active: CurrentMembership | null;
  /** Organisations whose administrators deactivated the user: no access there, nothing else. */
  deactivatedIn: string[];
  /** Organisations of the user's that the coalition secretariat suspended: no member works in them until reactivated. */
  suspendedIn: string[];
  /**
   * The organisation the user asked to work in (the header's choice) and was deactivated in (or which was suspended) since:
   * they work in `active` now, and a form opened in the other must not be saved here unseen.
   */
  leftOrganisationId: string | null;
  /** Whether the user signs in with a second factor. */
  twoFactor: boolean;
  /** The active organisation requires two-factor sign-in and the user has not set it up yet. */
  mustSetUpTwoFactor: boolean;
}

/** A session's row with its user and every membership, as lib/auth/current-user.ts reads it. */
export interface SessionRow {
  sessionId: string;
  createdAt: Date;
  userId: string;
  email: string;
  name: string;
  /** The account is active (false: no session of it is valid). */
  active: boolean;
  /** Sessions created before this are invalid ("sign out everywhere", a changed password). */
  sessionsValidFrom: Date;
  twoFactor: boolean;
  memberships: {
    organisationId: string;
    organisationName: string;
    role: Role;
    requireTwoFactor: boolean;
    deactivated: boolean;
    /** The organisation is suspended by the coalition secretariat. */
    suspended: boolean;
    /** The organisation is the coalition secretariat. */
    secretariat: boolean;
    /** The organisation left the coalition, or was removed from it. */
    left: boolean;
  }[];
}

/**
 * The signed-in user of a session that is not revoked (the query asks only for those), or null
 * when the account is deactivated or the session predates its "valid from". The active
 * organisation is the one asked for (the header's choice) if the user may work in it, else their
 * first one: a deactivated membership is never active, nor is one of an organisation the coalition
 * secretariat suspended, so a member deactivated (or suspended) in one organisation goes on in
 * their others.
 */
export function resolveSessionUser(row: SessionRow | undefined, wantedOrganisationId: string | undefined): CurrentUser | null {
  if (!row || !row.active || row.createdAt < row.sessionsValidFrom) return null;
  const closed = (m: SessionRow["memberships"][number]) => m.deactivated || m.suspended;
  const open = row.memberships.filter((m) => !closed(m));
  const chosen = open.find((m) => m.organisationId === wantedOrganisationId) ?? open[0];
  const memberships = open.map(({ organisationId, organisationName, role, secretariat, left }) => ({ organisationId, organisationName, role, isSecretariat: secretariat, inCoalition: !left }));
  const active = memberships.find((m) => m.organisationId === chosen?.organisationId) ?? null;
  return {
    id: row.userId,
    email: row.email,
    name: row.name,
    sessionId: row.sessionId,
    memberships,
    active,
    deactivatedIn: row.memberships.filter((m) => m.deactivated).map((m) => m.organisationId),
    suspendedIn: row.memberships.filter((m) => m.suspended && !m.deactivated).map((m) => m.organisationId),
    leftOrganisationId: row.memberships.find((m) => closed(m) && m.organisationId === wantedOrganisationId)?.organisationId ?? null,
    twoFactor: row.twoFactor,
    mustSetUpTwoFactor: !!chosen?.requireTwoFactor && !row.twoFactor,
  };
}
