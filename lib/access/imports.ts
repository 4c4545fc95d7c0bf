// Who may see an event import (its file, mapping, progress and report) and who may run one, stated
// once: an import is its organisation's alone, never shared (the events it adds follow ./events.ts).
import type { Prisma } from "@/lib/generated/prisma/client";
import { hasRole } from "@/lib/auth/roles";
import type { CurrentMembership } from "./session";

/** May see an import: the members of the organisation that uploaded it. */
export function importVisibleWhere(membership: Pick<CurrentMembership, "organisationId">): Prisma.EventImportWhereInput {
  return { organisationId: membership.organisationId };
}

/** May change an import (map its columns, run it, run it again): an analyst or administrator of that organisation. */
export function canChangeImport(membership: CurrentMembership, imp: { organisationId: string }): boolean {
  return imp.organisationId === membership.organisationId && hasRole(membership.role, "ANALYST");
}
