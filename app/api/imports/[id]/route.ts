import { NextResponse, type NextRequest } from "next/server";
import { apiCaller, apiError } from "@/lib/api/caller";
import { loadImport } from "@/lib/events/import-service";

export const dynamic = "force-dynamic";

/** An import's progress, for the progress bar: members of its organisation only. */
export async function GET(_req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const caller = await apiCaller("VIEWER");
  if (caller.error) return caller.error;
  const id = (await params).id;
  const imp = id.length <= 40 ? await loadImport(caller.membership, id).catch(() => null) : null;
  if (!imp) return apiError("Not found.", 404);
  return NextResponse.json({ ok: true, status: imp.status, processedRows: imp.processedRows, totalRows: imp.totalRows }, { headers: { "Cache-Control": "no-store" } });
}
