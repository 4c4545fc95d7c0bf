import type { NextRequest } from "next/server";
import { apiCaller, apiError } from "@/lib/api/caller";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import { briefData } from "@/lib/briefs/data";
import { briefPdfStream, fileSlug } from "@/lib/briefs/render";
import { briefDocx } from "@/lib/briefs/docx";
import { organisationLogo } from "@/lib/admin/logo";
import { todayIso } from "@/lib/format";

export const dynamic = "force-dynamic";

/** The country brief of a situation the caller may see, as a PDF, or as a Word file with `?format=docx`. Audited. */
export async function GET(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const caller = await apiCaller("VIEWER");
  if (caller.error) return caller.error;
  const { user, membership } = caller;
  const id = (await params).id;
  const data = id.length <= 40 ? await briefData(membership, id) : null;
  if (!data) return apiError("This situation does not exist, or you cannot see it.", 404);
  const format = req.nextUrl.searchParams.get("format") === "docx" ? "docx" : "pdf";
  await writeAudit(db, { userId: user.id, organisationId: membership.organisationId, action: "export.brief", entityType: "Situation", entityId: id, after: { format, title: data.situation.title } });
  const name = `${fileSlug(data.situation.title)}-brief-${todayIso()}`;
  if (format === "docx") {
    return new Response(new Uint8Array(await briefDocx(data, user.name, new Date(), await organisationLogo(membership.organisationId))), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Content-Disposition": `attachment; filename="${name}.docx"`,
        "Cache-Control": "private, no-store",
      },
    });
  }
  return new Response(await briefPdfStream(data, user.name, new Date(), await organisationLogo(membership.organisationId)), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${name}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
