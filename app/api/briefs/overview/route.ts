import { apiCaller } from "@/lib/api/caller";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import { briefData, type BriefData } from "@/lib/briefs/data";
import { overviewPdfStream } from "@/lib/briefs/render";
import { visibleSituationsWhere } from "@/lib/situations/queries";
import { RISK_RANK } from "@/lib/alerts/rules";
import { todayIso } from "@/lib/format";

export const dynamic = "force-dynamic";

/** Every situation the caller may see, most serious first, one page each. Audited. */
export async function GET() {
  const caller = await apiCaller("VIEWER");
  if (caller.error) return caller.error;
  const { user, membership } = caller;
  const situations = await db.situation.findMany({ where: visibleSituationsWhere(membership), select: { id: true } });
  const briefs: BriefData[] = [];
  for (const s of situations) {
    const b = await briefData(membership, s.id);
    if (b) briefs.push(b);
  }
  briefs.sort((a, b) => RISK_RANK[b.situation.riskCategory] - RISK_RANK[a.situation.riskCategory] || a.situation.title.localeCompare(b.situation.title));
  await writeAudit(db, { userId: user.id, organisationId: membership.organisationId, action: "export.overview", entityType: "Export", entityId: "overview", after: { format: "pdf", situations: briefs.length } });
  return new Response(await overviewPdfStream(briefs, user.name), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="coalition-overview-${todayIso()}.pdf"`, "Cache-Control": "private, no-store" },
  });
}
