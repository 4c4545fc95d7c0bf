import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { eventPlaces } from "@/lib/events/queries";
import { eventListQuerySchema } from "@/lib/events/schemas";
import { eventMapSvg } from "@/lib/events/map-svg";
import { MAP_LIMIT } from "@/lib/events/map-constants";

export const dynamic = "force-dynamic";

function fail(message: string, status: number) {
  return NextResponse.json({ ok: false, message }, { status });
}

/**
 * The map of the events an event list shows (the same filters, the newest 2,000), as an SVG file.
 * A list's pages share one map, so it is drawn once per set of filters, not for every page.
 * 204 when none of the events has coordinates.
 */
export async function GET(req: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return fail("Your session has ended. Please sign in again.", 401);
  const membership = user.active;
  if (!membership || !hasRole(membership.role, "VIEWER")) return fail("You do not have permission to do this.", 403);
  const query = eventListQuerySchema.parse(Object.fromEntries(req.nextUrl.searchParams.entries()));
  const { places, considered } = await eventPlaces(membership, query, MAP_LIMIT);
  const svg = eventMapSvg(places, considered);
  const headers = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };
  if (!svg) return new Response(null, { status: 204, headers });
  return new Response(svg, { headers: { ...headers, "Content-Type": "image/svg+xml; charset=utf-8" } });
}
