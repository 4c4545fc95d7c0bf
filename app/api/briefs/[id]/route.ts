import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/db";
import { getCurrentUser } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { writeAudit } from "@/lib/audit/write-audit";
import { briefData } from "@/lib/briefs/data";
import { briefPdfStream, fileSlug } from "@/lib/briefs/render";
import { todayIso } from "@/lib/format";

export const dynamic = "force-dynamic";

/** The country brief of a situation the caller may see, as a PDF. Audited. */
export async function GET(_req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ ok: false, message: "Your session has ended. Please sign in again." }, { status: 401 });
  const membership = user.active;
  if (!membership || !hasRole(membership.role, "VIEWER")) return NextResponse.json({ ok: false, message: "You do not have permission to do this." }, { status: 403 });
  const id = (await params).id;
  const data = id.length <= 40 ? await briefData(membership, id) : null;
  if (!data) return NextResponse.json({ ok: false, message: "This situation does not exist, or you cannot see it." }, { status: 404 });
  await writeAudit(db, { userId: user.id, organisationId: membership.organisationId, action: "export.brief", entityType: "Situation", entityId: id, after: { format: "pdf", title: data.situation.title } });
  return new Response(await briefPdfStream(data, user.name), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${fileSlug(data.situation.title)}-brief-${todayIso()}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
