import "server-only";
import type { Tx } from "@/lib/db";
import { ConflictError } from "@/lib/auth/errors";

/** Who last changed a record, from the audit log (for "saved by ..." when a save is refused as stale). */
async function lastEditorName(tx: Tx, entityType: string, entityId: string): Promise<string> {
  const entry = await tx.auditEntry.findFirst({ where: { entityType, entityId }, orderBy: { at: "desc" }, select: { user: { select: { name: true } } } });
  return entry?.user?.name ?? "someone";
}

/**
 * The refusal of a save made on an older version: it carries what is saved now (as the form's
 * values), its version and who saved it, so the form can keep what was typed, take the other
 * person's changes to fields left alone and compare the rest (components/ui/use-merge-on-conflict.tsx).
 */
const NOUN = { Response: "response", Source: "source", Event: "event", Assessment: "draft round" } as const;

export async function staleSave<T>(tx: Tx, entityType: keyof typeof NOUN, saved: { id: string; version: number; updatedAt: Date }, values: T) {
  return new ConflictError(`Someone saved this ${NOUN[entityType]} after you opened it. Your changes are kept below; compare them with what is saved now.`, {
    version: saved.version,
    updatedAt: saved.updatedAt.toISOString(),
    updatedBy: await lastEditorName(tx, entityType, saved.id),
    values,
  });
}
