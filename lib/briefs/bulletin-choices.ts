import "server-only";
// What the Exports page offers to put in a coalition bulletin: the situations the member's lists
// show (lib/access, through visibleSituationsWhere), most serious first.
import { db } from "@/lib/db";
import type { CurrentMembership } from "@/lib/auth/current-user";
import { visibleSituationsWhere } from "@/lib/situations/queries";
import { RISK_RANK } from "@/lib/alerts/rules";

export async function bulletinChoices(membership: CurrentMembership) {
  const rows = await db.situation.findMany({ where: visibleSituationsWhere(membership), select: { id: true, title: true, riskCategory: true } });
  return rows.sort((a, b) => RISK_RANK[b.riskCategory] - RISK_RANK[a.riskCategory] || a.title.localeCompare(b.title));
}
