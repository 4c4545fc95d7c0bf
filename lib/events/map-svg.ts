// The events map as one SVG document (served by /api/events/map, shown by components/events/event-map.tsx):
// a window (viewBox) onto the world outlines drawn once on a Mercator plane and cached by the browser
// (/maps/mercator.svg; no tile server), fitted to where the events happened. Dots grow with
// fatalities and the number of events; each has a tooltip.
import { MERCATOR_FILE, MERCATOR_SIZE, mercator, mercatorShapes } from "@/lib/dashboard/map-shapes";
import type { EventPlace } from "@/lib/events/queries";
import { escapeXml } from "@/lib/markup";
import { killed } from "@/lib/format";
import { MAP_HEIGHT, MAP_LIMIT, MAP_WIDTH } from "./map-constants";

/** The drawing, or null when no event has coordinates. */
export function eventMapSvg(places: EventPlace[], considered: number, limit = MAP_LIMIT): string | null {
  if (places.length === 0) return null;
  const [W, H] = [MAP_WIDTH, MAP_HEIGHT];
  const events = places.reduce((n, p) => n + p.events, 0);
  // Fit the events, but show at least about 12 degrees around them so neighbouring countries give context.
  const lons = places.map((p) => p.lon);
  const lats = places.map((p) => p.lat);
  const [cx, cy] = [(Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2];
  const half = Math.max(6, (Math.max(...lons) - Math.min(...lons)) / 2, (Math.max(...lats) - Math.min(...lats)) / 2);
  const corners: [number, number][] = [
    [Math.max(-180, cx - half), Math.max(-80, cy - half)],
    [Math.min(180, cx + half), Math.min(80, cy + half)],
  ];
  // The window: the corners on the plane, widened to the figure's proportions, with a 20-pixel margin.
  const [[x0, y1], [x1, y0]] = corners.map((c) => mercator(c)!);
  const k = Math.max((x1 - x0) / (W - 40), (y1 - y0) / (H - 40)); // plane units per pixel
  const [vw, vh] = [W * k, H * k];
  const [vx, vy] = [(x0 + x1) / 2 - vw / 2, (y0 + y1) / 2 - vh / 2];
  const r1 = (n: number) => Math.round(n * 10) / 10;
  // Names when zoomed in (wider than a quarter of the world they crowd into each other).
  const names = mercatorShapes()
    .labels.filter((l) => vw < MERCATOR_SIZE / 4 && l.x > vx + 40 * k && l.x < vx + vw - 40 * k && l.y > vy + 20 * k && l.y < vy + vh - 20 * k)
    .map((l) => `<text x="${r1(l.x)}" y="${r1(l.y)}" text-anchor="middle" font-size="${r1(13 * k)}" aria-hidden="true">${escapeXml(l.name)}</text>`);
  const dots = places.map((p) => {
    const [x, y] = mercator([p.lon, p.lat])!;
    const title = `${p.label || p.key}: ${p.events} event${p.events === 1 ? "" : "s"}, ${p.fatalities === null ? "number killed unknown" : `${killed(p.fatalities, p.unknownFatalities)} killed`} (latest ${p.last})`;
    return `<circle cx="${r1(x)}" cy="${r1(y)}" r="${r1(k * Math.min(16, 3 + Math.sqrt(p.fatalities ?? 0) / 2 + Math.log2(p.events)))}"><title>${escapeXml(title)}</title></circle>`;
  });
  const label = `Map of ${events} event${events === 1 ? "" : "s"}${considered === limit ? ` (among the newest ${limit})` : ""}`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${r1(vx)} ${r1(vy)} ${r1(vw)} ${r1(vh)}" class="world-map event-map" role="img" aria-label="${escapeXml(label)}">` +
    `<use href="${MERCATOR_FILE}#world"/>${names.join("")}${dots.join("")}</svg>`
  );
}
