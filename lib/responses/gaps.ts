import "server-only";
import { db } from "@/lib/db";
import type { CurrentMembership } from "@/lib/auth/current-user";
import { visibleSituationsWhere } from "@/lib/situations/queries";

/**
 * Response gaps: situations at CURRENT_CRISIS or IMMINENT_RISK with no pillar III response
 * adopted or implemented in the last `days` days (by its start date). One query.
 */
export async function findResponseGaps(membership: CurrentMembership, days = 180, now = new Date()) {
  const since = new Date(now.getTime() - days * 86400_000);
  return db.situation.findMany({
    where: {
      AND: [
        visibleSituationsWhere(membership),
        { riskCategory: { in: ["CURRENT_CRISIS", "IMMINENT_RISK"] } },
        { responses: { none: { pillar: "III", status: { in: ["ADOPTED", "IMPLEMENTED"] }, deletedAt: null, startDate: { gte: since } } } },
      ],
    },
    orderBy: [{ riskCategory: "asc" }, { title: "asc" }],
    select: { id: true, title: true, riskCategory: true },
  });
}
