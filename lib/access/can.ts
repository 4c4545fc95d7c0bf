// What a page may offer the member (buttons, links, forms), from the same rules the gate and the
// record definitions enforce: a page never decides this by hand. The server action or route
// behind each offer checks again.
import type { CurrentMembership } from "./session";
import { hasRole } from "@/lib/auth/roles";
import { canChangeSituation } from "./situations";
import { canChangeEvent } from "./events";
import { canChangeResponse } from "./responses";
import { canChangeSource } from "./sources";
import { canChangeExternalRating } from "./external-ratings";
import { canChangeRound } from "./rounds";
import { canChangeIndicator } from "./indicators";
import { canChangeImport } from "./imports";

export const can = {
  /** Record in their organisation: add situations, events, sources and responses, run imports (analysts and administrators). */
  record: (membership: CurrentMembership) => hasRole(membership.role, "ANALYST"),
  /** Administer their organisation: members, its own indicators, the audit log and backups. */
  administer: (membership: CurrentMembership) => hasRole(membership.role, "ADMIN"),
  changeSituation: canChangeSituation,
  changeEvent: canChangeEvent,
  changeResponse: canChangeResponse,
  changeSource: canChangeSource,
  changeExternalRating: canChangeExternalRating,
  changeRound: canChangeRound,
  changeIndicator: canChangeIndicator,
  changeImport: canChangeImport,
};
