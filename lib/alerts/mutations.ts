import "server-only";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Actor } from "@/lib/auth/action";
import { NotFoundError } from "@/lib/auth/errors";
import { visibleSituationsWhere } from "@/lib/situations/queries";

/** Follow or stop following a situation the user can see. */
export async function setWatch({ user, membership }: Actor, input: { situationId: string; watch: boolean }) {
  const s = await db.situation.findFirst({ where: { id: input.situationId, ...visibleSituationsWhere(membership) }, select: { id: true } });
  if (!s) throw new NotFoundError("This situation does not exist, or you cannot see it.");
  if (input.watch) await db.watch.upsert({ where: { userId_situationId: { userId: user.id, situationId: s.id } }, create: { userId: user.id, situationId: s.id }, update: {} });
  else await db.watch.deleteMany({ where: { userId: user.id, situationId: s.id } });
  return { situationId: s.id, watching: input.watch };
}

/** Marks the user's own receipts read (all of them, or the listed alerts). */
export async function markRead({ user }: Actor, input: { alertIds: string[] } | { all: true }) {
  const res = await db.alertReceipt.updateMany({
    where: { userId: user.id, readAt: null, ...("all" in input ? {} : { alertId: { in: input.alertIds } }) },
    data: { readAt: new Date() },
  });
  return { marked: res.count };
}

export async function setAlertPreferences({ user, membership }: Actor, input: { alertScope: "ALL" | "WATCHED"; emailAlerts: boolean }) {
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { alertScope: true, emailAlerts: true } });
    await tx.user.update({ where: { id: user.id }, data: input });
    await writeAudit(tx, { userId: user.id, organisationId: membership.organisationId, action: "user.alert_preferences", entityType: "User", entityId: user.id, before, after: input });
    return input;
  });
}
