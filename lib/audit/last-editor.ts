import "server-only";
import type { Tx } from "@/lib/db";

/** Who last changed a record, from the audit log (for "saved by ..." when a save is refused as stale). */
export async function lastEditorName(tx: Tx, entityType: string, entityId: string): Promise<string> {
  const entry = await tx.auditEntry.findFirst({ where: { entityType, entityId }, orderBy: { at: "desc" }, select: { user: { select: { name: true } } } });
  return entry?.user?.name ?? "someone";
}
