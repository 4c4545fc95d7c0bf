import type { NextRequest } from "next/server";
import { partnerCaller } from "@/lib/api/partner";
import { DATASETS } from "@/lib/exports/datasets";
import { todayIso } from "@/lib/format";

export const dynamic = "force-dynamic";

/**
 * Every event the token's organisation may see that matches the event list's filters, as the
 * events CSV export writes it with its HXL hashtag row (lib/exports): for the Humanitarian Data
 * Exchange's tools. Streamed; audited by partnerCaller before the first byte.
 */
export async function GET(req: NextRequest) {
  const partner = await partnerCaller(req, "events");
  if (partner.error) return partner.error;
  // The export's own reading of the filters (lib/exports/datasets.ts): the list's, without its cursor.
  const body = await DATASETS.events.csv!(partner.caller.membership, Object.fromEntries(req.nextUrl.searchParams), { hxl: true });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="events-${todayIso()}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
