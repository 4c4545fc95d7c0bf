import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface AuditInput {
  userId: string | null;
  organisationId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  meta?: Record<string, unknown>;
}

function json(v: unknown): Prisma.InputJsonValue | undefined {
  if (v === undefined || v === null) return undefined;
  return JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x))) as Prisma.InputJsonValue;
}

/** Writes one audit entry. Call it with the transaction that makes the change it records. */
/** Anything that can create an audit entry: the client or a transaction. */
export interface AuditWriter {
  auditEntry: { create(args: { data: Prisma.AuditEntryUncheckedCreateInput }): PromiseLike<unknown> };
}

export async function writeAudit(tx: AuditWriter, entry: AuditInput): Promise<void> {
  await tx.auditEntry.create({
    data: {
      userId: entry.userId,
      organisationId: entry.organisationId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      before: json(entry.before),
      after: json(entry.after),
      meta: json(entry.meta),
    },
  });
}

/** The stored values of the fields a change writes, for the audit entry's "before". */
export function valuesBefore(current: object, after: object): Record<string, unknown> {
  return Object.fromEntries(Object.keys(after).map((k) => [k, (current as Record<string, unknown>)[k]]));
}
