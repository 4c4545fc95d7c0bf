// Every country's outline on one Mercator plane, for the event maps (components/events/event-map.tsx),
// which show a window onto it. Built at build time, cached by browsers; public (no data).
import { MERCATOR_SIZE, mercatorShapes } from "@/lib/dashboard/map-shapes";

export const dynamic = "force-static";

export function GET() {
  // Outlines keep a 1-pixel stroke at any zoom (vector-effect is not inherited through <use>, so it is set here).
  const paths = mercatorShapes()
    .paths.map((d) => `<path d="${d}" vector-effect="non-scaling-stroke"/>`)
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MERCATOR_SIZE} ${MERCATOR_SIZE}"><defs><g id="world">${paths}</g></defs></svg>`;
  return new Response(svg, { headers: { "Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "public, max-age=86400" } });
}
