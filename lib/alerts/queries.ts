import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PAGE_SIZE, pageCount, pageSkip } from "@/lib/paging";
import { situationVisibleToAnySql, situationVisibleToAnyWhere } from "@/lib/access/situations";

/** A user's receipts for alerts on situations they may still see. */
function inboxWhere(user: Pick<CurrentUser, "id" | "memberships">, unreadOnly = false): Prisma.AlertReceiptWhereInput {
  return {
    userId: user.id,
    ...(unreadOnly ? { readAt: null } : {}),
    alert: { situation: situationVisibleToAnyWhere(user.memberships) },
  };
}

/** The unread count in the navigation of every page: inboxWhere(user, true) as one plain join (Prisma's nested filter took longer to plan than to run). */
export async function unreadAlertCount(user: Pick<CurrentUser, "id" | "memberships">) {
  const [{ n }] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "AlertReceipt" r JOIN "Alert" a ON a.id = r."alertId" JOIN "Situation" s ON s.id = a."situationId"
    WHERE r."userId" = ${user.id} AND r."readAt" IS NULL
      AND ${situationVisibleToAnySql(user.memberships, "s")}`;
  return n;
}

export async function listInbox(user: Pick<CurrentUser, "id" | "memberships">, query: { unread?: boolean; page?: number }) {
  const where = inboxWhere(user, query.unread);
  const [total, rows] = await Promise.all([
    db.alertReceipt.count({ where }),
    db.alertReceipt.findMany({
      where,
      orderBy: [{ alert: { createdAt: "desc" } }, { alertId: "desc" }],
      skip: pageSkip(query.page ?? 1),
      take: PAGE_SIZE,
      include: { alert: { include: { situation: { select: { id: true, title: true, riskCategory: true } }, raisedBy: { select: { name: true } } } } },
    }),
  ]);
  return { total, pages: pageCount(total), rows };
}

export async function watchedSituationIds(userId: string, situationIds: string[]) {
  const rows = await db.watch.findMany({ where: { userId, situationId: { in: situationIds } }, select: { situationId: true } });
  return new Set(rows.map((r) => r.situationId));
}
