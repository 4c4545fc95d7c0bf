import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { readDb } from "@/lib/db-replica";
import type { Prisma } from "@/lib/generated/prisma/client";

export const auditQuerySchema = z.object({
  user: z.string().max(40).optional().catch(undefined),
  entity: z.string().trim().max(60).optional().catch(undefined),
  action: z.string().trim().max(60).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  /** Keyset cursor: the id of the last entry of the previous page. */
  before: z.string().regex(/^\d{1,19}$/).optional().catch(undefined),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** The organisation's audit entries matching the filters (sign-ins of its members included). */
export function auditWhere(organisationId: string, q: AuditQuery, memberIds: string[]): Prisma.AuditEntryWhereInput {
  const and: Prisma.AuditEntryWhereInput[] = [{ OR: [{ organisationId }, { organisationId: null, userId: { in: memberIds } }] }];
  if (q.user) and.push({ userId: q.user });
  if (q.entity) and.push({ entityType: { equals: q.entity, mode: "insensitive" } });
  if (q.action) and.push({ action: { startsWith: q.action } });
  if (q.from) and.push({ at: { gte: new Date(q.from) } });
  if (q.to) and.push({ at: { lt: new Date(new Date(q.to).getTime() + 86400_000) } });
  if (q.before) and.push({ id: { lt: BigInt(q.before) } });
  return { AND: and };
}

export async function memberIdsOf(organisationId: string) {
  return (await db.membership.findMany({ where: { organisationId }, select: { userId: true } })).map((m) => m.userId);
}

export async function listAudit(organisationId: string, q: AuditQuery, take = 50) {
  const rows = await (await readDb()).auditEntry.findMany({
    where: auditWhere(organisationId, q, await memberIdsOf(organisationId)),
    orderBy: { id: "desc" },
    take: take + 1,
    include: { user: { select: { name: true, email: true } } },
  });
  return { rows: rows.slice(0, take), next: rows.length > take ? String(rows[take - 1].id) : null };
}
