import type { NextRequest } from "next/server";
import { apiCaller, apiError } from "@/lib/api/caller";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import { briefData, type BriefData } from "@/lib/briefs/data";
import { bulletinPdfStream } from "@/lib/briefs/render";
import { bulletinDocx } from "@/lib/briefs/bulletin-docx";
import { bulletinOrder, bulletinPeriod, parseBulletinQuery, periodError } from "@/lib/briefs/bulletin";
import { visibleSituationsWhere } from "@/lib/situations/queries";
import { todayIso } from "@/lib/format";
import { organisationLogo } from "@/lib/admin/logo";

export const dynamic = "force-dynamic";

/**
 * The coalition bulletin (issue #29): the chosen situations (`situations=id,id`; by default every
 * situation the caller's lists show) over a period (`from`, `to`; by default the last 4 months),
 * the most serious first, as a PDF or, with `format=docx`, a Word file. A chosen id the caller may
 * not see is left out as if it did not exist. Audited.
 */
export async function GET(req: NextRequest) {
  const caller = await apiCaller("VIEWER");
  if (caller.error) return caller.error;
  const { user, membership } = caller;
  const query = parseBulletinQuery(req.nextUrl.searchParams);
  if (!query.success) return apiError(query.error.issues[0].message, 400);
  const { situations: chosen, format } = query.data;
  const period = bulletinPeriod(query.data, todayIso());
  const wrong = periodError(period);
  if (wrong) return apiError(wrong, 400);
  const where = chosen.length ? { AND: [visibleSituationsWhere(membership), { id: { in: chosen } }] } : visibleSituationsWhere(membership);
  const situations = await db.situation.findMany({ where, select: { id: true } });
  if (chosen.length && !situations.length) return apiError("None of the chosen situations exists, or you cannot see them.", 404);
  const briefs: BriefData[] = [];
  for (const s of situations) {
    const b = await briefData(membership, s.id, period);
    if (b) briefs.push(b);
  }
  const ordered = bulletinOrder(briefs.map((b) => ({ b, title: b.situation.title, riskCategory: b.situation.riskCategory, overall: b.latest?.scores.overall ?? null }))).map((e) => e.b);
  await writeAudit(db, {
    userId: user.id,
    organisationId: membership.organisationId,
    action: "export.overview",
    entityType: "Export",
    entityId: "overview",
    after: { format, situations: ordered.length, chosen: chosen.length ? ordered.map((b) => b.situation.id) : "all", from: period.from, to: period.to },
  });
  const name = `coalition-bulletin-${period.from}-to-${period.to}`;
  const logo = await organisationLogo(membership.organisationId);
  if (format === "docx") {
    return new Response(new Uint8Array(await bulletinDocx(ordered, period, user.name, new Date(), logo)), {
      headers: { "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Content-Disposition": `attachment; filename="${name}.docx"`, "Cache-Control": "private, no-store" },
    });
  }
  return new Response(await bulletinPdfStream(ordered, period, user.name, new Date(), logo), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${name}.pdf"`, "Cache-Control": "private, no-store" },
  });
}
