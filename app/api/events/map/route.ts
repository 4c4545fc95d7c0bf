import type { NextRequest } from "next/server";
import { apiCaller } from "@/lib/api/caller";
import { eventPlaces } from "@/lib/events/queries";
import { eventListQuerySchema } from "@/lib/events/schemas";
import { eventMapSvg } from "@/lib/events/map-svg";
import { MAP_LIMIT } from "@/lib/events/map-constants";

export const dynamic = "force-dynamic";

/**
 * The map of the events an event list shows (the same filters, the newest 2,000), as an SVG file.
 * A list's pages share one map, so it is drawn once per set of filters, not for every page.
 * 204 when none of the events has coordinates.
 */
export async function GET(req: NextRequest) {
  const caller = await apiCaller("VIEWER");
  if (caller.error) return caller.error;
  const { membership } = caller;
  const query = eventListQuerySchema.parse(Object.fromEntries(req.nextUrl.searchParams.entries()));
  const { places, considered } = await eventPlaces(membership, query, MAP_LIMIT);
  const svg = eventMapSvg(places, considered);
  const headers = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };
  if (!svg) return new Response(null, { status: 204, headers });
  return new Response(svg, { headers: { ...headers, "Content-Type": "image/svg+xml; charset=utf-8" } });
}
