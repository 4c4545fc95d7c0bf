// The country outlines of the risk map as one SVG file of <path id="c-ISO3"> shapes, built once at
// build time and cached by browsers: the dashboard then refers to each country with a short <use>
// instead of sending ~150 KB of outlines in every page (twice: HTML and React's payload).
// Public: it is the same world map for everyone and holds no data.
import { countryShapes, MAP_HEIGHT, MAP_WIDTH, shapeId } from "@/lib/dashboard/map-shapes";

export const dynamic = "force-static";

export function GET() {
  const paths = countryShapes()
    .map((s, i) => `<path id="${shapeId(s, i)}" d="${s.d}"/>`)
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}"><defs>${paths}</defs></svg>`;
  return new Response(svg, { headers: { "Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "public, max-age=86400" } });
}
