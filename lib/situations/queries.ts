import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentMembership } from "@/lib/auth/current-user";
import { RISK_CATEGORY_ORDER } from "@/lib/labels";
import type { RiskCategory } from "@/lib/generated/prisma/enums";

/** What a member may see: their organisation's situations and those shared with the coalition. */
export function visibleSituationsWhere(membership: CurrentMembership): Prisma.SituationWhereInput {
  return {
    archivedAt: null,
    OR: [{ organisationId: membership.organisationId }, { visibility: "COALITION" }],
  };
}

export async function listVisibleSituations(membership: CurrentMembership, take = 50, filter: { risk?: RiskCategory } = {}) {
  return db.situation.findMany({
    where: { AND: [visibleSituationsWhere(membership), filter.risk ? { riskCategory: filter.risk } : {}] },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      title: true,
      scope: true,
      riskCategory: true,
      visibility: true,
      isDemo: true,
      lastAssessedAt: true,
      updatedAt: true,
      organisationId: true,
      organisation: { select: { name: true } },
      country: { select: { name: true, iso3: true } },
      updatedBy: { select: { name: true } },
      crimes: { select: { crime: true, status: true } },
    },
  });
}

export async function countByRiskCategory(membership: CurrentMembership): Promise<Record<RiskCategory, number>> {
  const rows = await db.situation.groupBy({
    by: ["riskCategory"],
    where: visibleSituationsWhere(membership),
    _count: { _all: true },
  });
  const out = Object.fromEntries(RISK_CATEGORY_ORDER.map((c) => [c, 0])) as Record<RiskCategory, number>;
  for (const r of rows) out[r.riskCategory] = r._count._all;
  return out;
}
