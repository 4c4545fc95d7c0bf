// A map of the filtered events, fitted to where they happened: server-rendered SVG, a window (viewBox)
// onto the world outlines drawn once on a Mercator plane and cached by the browser
// (/maps/mercator.svg; no tile server). Dots grow with fatalities; a table lists the same.
import { MERCATOR_FILE, MERCATOR_SIZE, mercator, mercatorShapes } from "@/lib/dashboard/map-shapes";
import type { EventPlace } from "@/lib/events/queries";
import { escapeXml } from "@/lib/markup";

const W = 900;
const H = 420;

export function EventMap({ places, considered, limit }: { places: EventPlace[]; considered: number; limit: number }) {
  if (places.length === 0) return <p className="muted">No event with coordinates matches these filters.</p>;
  const events = places.reduce((n, p) => n + p.events, 0);
  // Fit the events, but show at least about 12 degrees around them so neighbouring countries give context.
  const lons = places.map((p) => p.lon);
  const lats = places.map((p) => p.lat);
  const [cx, cy] = [(Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2];
  const half = Math.max(6, (Math.max(...lons) - Math.min(...lons)) / 2, (Math.max(...lats) - Math.min(...lats)) / 2);
  const corners = {
    type: "MultiPoint" as const,
    coordinates: [
      [Math.max(-180, cx - half), Math.max(-80, cy - half)],
      [Math.min(180, cx + half), Math.min(80, cy + half)],
    ],
  };
  // The window: the corners on the plane, widened to the figure's proportions, with a 20-pixel margin.
  const [[x0, y1], [x1, y0]] = corners.coordinates.map((c) => mercator(c as [number, number])!);
  const k = Math.max((x1 - x0) / (W - 40), (y1 - y0) / (H - 40)); // plane units per pixel
  const [vw, vh] = [W * k, H * k];
  const [vx, vy] = [(x0 + x1) / 2 - vw / 2, (y0 + y1) / 2 - vh / 2];
  const r1 = (n: number) => Math.round(n * 10) / 10;
  // The drawing as one string (lib/markup.ts): outlines from the shared file, names when zoomed in
  // (wider than a quarter of the world they crowd into each other), a dot with a tooltip per place.
  const names = mercatorShapes()
    .labels.filter((l) => vw < MERCATOR_SIZE / 4 && l.x > vx + 40 * k && l.x < vx + vw - 40 * k && l.y > vy + 20 * k && l.y < vy + vh - 20 * k)
    .map((l) => `<text x="${r1(l.x)}" y="${r1(l.y)}" text-anchor="middle" font-size="${r1(13 * k)}" aria-hidden="true">${escapeXml(l.name)}</text>`);
  const dots = places.map((p) => {
    const [x, y] = mercator([p.lon, p.lat])!;
    const title = `${p.label || p.key}: ${p.events} event${p.events === 1 ? "" : "s"}, ${p.fatalities} killed (latest ${p.last})`;
    return `<circle cx="${r1(x)}" cy="${r1(y)}" r="${r1(k * Math.min(16, 3 + Math.sqrt(p.fatalities) / 2 + Math.log2(p.events)))}"><title>${escapeXml(title)}</title></circle>`;
  });
  const drawing = `<use href="${MERCATOR_FILE}#world"/>${names.join("")}${dots.join("")}`;
  return (
    <figure style={{ margin: "0.5rem 0" }}>
      <svg
        viewBox={`${r1(vx)} ${r1(vy)} ${r1(vw)} ${r1(vh)}`}
        className="world-map event-map"
        role="img"
        aria-label={`Map of ${events} events${considered === limit ? ` (among the newest ${limit})` : ""}`}
        dangerouslySetInnerHTML={{ __html: drawing }}
      />
      <figcaption className="muted small">
        {considered === limit ? `The newest ${limit} matching events. ` : ""}Events within about 10 km are one circle; its size grows with the events and the people killed there.
      </figcaption>
    </figure>
  );
}
