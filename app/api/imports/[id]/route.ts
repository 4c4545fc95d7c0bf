import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/db";
import { getCurrentUser } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";

export const dynamic = "force-dynamic";

/** An import's progress, for the progress bar: members of its organisation only. */
export async function GET(_req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ ok: false, message: "Your session has ended. Please sign in again." }, { status: 401 });
  if (!user.active || !hasRole(user.active.role, "VIEWER")) return NextResponse.json({ ok: false, message: "You do not have permission to do this." }, { status: 403 });
  const id = (await params).id;
  const imp = id.length <= 40 ? await db.eventImport.findFirst({ where: { id, organisationId: user.active.organisationId }, select: { status: true, processedRows: true, totalRows: true } }) : null;
  if (!imp) return NextResponse.json({ ok: false, message: "Not found." }, { status: 404 });
  return NextResponse.json({ ok: true, ...imp }, { headers: { "Cache-Control": "no-store" } });
}
