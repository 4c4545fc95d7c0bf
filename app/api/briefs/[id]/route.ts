import type { NextRequest } from "next/server";
import { apiCaller, apiError } from "@/lib/api/caller";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import { briefData } from "@/lib/briefs/data";
import { briefPdfStream, fileSlug } from "@/lib/briefs/render";
import { todayIso } from "@/lib/format";

export const dynamic = "force-dynamic";

/** The country brief of a situation the caller may see, as a PDF. Audited. */
export async function GET(_req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const caller = await apiCaller("VIEWER");
  if (caller.error) return caller.error;
  const { user, membership } = caller;
  const id = (await params).id;
  const data = id.length <= 40 ? await briefData(membership, id) : null;
  if (!data) return apiError("This situation does not exist, or you cannot see it.", 404);
  await writeAudit(db, { userId: user.id, organisationId: membership.organisationId, action: "export.brief", entityType: "Situation", entityId: id, after: { format: "pdf", title: data.situation.title } });
  return new Response(await briefPdfStream(data, user.name), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${fileSlug(data.situation.title)}-brief-${todayIso()}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
