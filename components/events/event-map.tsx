// A map of the filtered events, fitted to where they happened: server-rendered SVG over the
// bundled country outlines (no tile server). Dots grow with fatalities; a table lists the same.
import { geoMercator, geoPath } from "d3-geo";
import { countryFeatures } from "@/lib/dashboard/map-shapes";

const W = 900;
const H = 420;

export interface EventPoint {
  id: string;
  lat: number;
  lon: number;
  fatalities: number;
  eventType: string;
  date: string;
  location: string;
}

export function EventMap({ points, limit }: { points: EventPoint[]; limit: number }) {
  if (points.length === 0) return <p className="muted">No event with coordinates matches these filters.</p>;
  // Fit the events, but show at least about 12 degrees around them so neighbouring countries give context.
  const lons = points.map((p) => p.lon);
  const lats = points.map((p) => p.lat);
  const [cx, cy] = [(Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2];
  const half = Math.max(6, (Math.max(...lons) - Math.min(...lons)) / 2, (Math.max(...lats) - Math.min(...lats)) / 2);
  const corners = {
    type: "MultiPoint" as const,
    coordinates: [
      [Math.max(-180, cx - half), Math.max(-80, cy - half)],
      [Math.min(180, cx + half), Math.min(80, cy + half)],
    ],
  };
  const projection = geoMercator().fitExtent(
    [
      [20, 20],
      [W - 20, H - 20],
    ],
    corners,
  );
  projection.clipExtent([
    [0, 0],
    [W, H],
  ]); // countries out of view produce no path data
  const path = geoPath(projection);
  // Events at the same place (0.1 degree, about 10 km) are drawn as one circle.
  const places = new Map<string, { lat: number; lon: number; events: number; fatalities: number; label: string; last: string }>();
  for (const p of points) {
    const key = `${p.lat.toFixed(1)},${p.lon.toFixed(1)}`;
    const place = places.get(key) ?? { lat: p.lat, lon: p.lon, events: 0, fatalities: 0, label: p.location, last: p.date };
    place.events++;
    place.fatalities += p.fatalities;
    places.set(key, place);
  }
  return (
    <figure style={{ margin: "0.5rem 0" }}>
      <svg viewBox={`0 0 ${W} ${H}`} className="world-map event-map" role="img" aria-label={`Map of ${points.length} events${points.length === limit ? ` (the newest ${limit})` : ""}`}>
        {countryFeatures().features.map((f, i) => (
          <path key={i} d={path(f) ?? ""} fill="#dde2e8" stroke="#fff" />
        ))}
        {countryFeatures().features.map((f, i) => {
          const [x, y] = path.centroid(f);
          if (!(x > 40 && x < W - 40 && y > 20 && y < H - 20)) return null;
          return (
            <text key={`l${i}`} x={x} y={y} textAnchor="middle" fontSize={13} fill="#57606a" aria-hidden="true">
              {f.properties?.name}
            </text>
          );
        })}
        {[...places.entries()].map(([key, p]) => {
          const xy = projection([p.lon, p.lat]);
          if (!xy) return null;
          return (
            <circle key={key} cx={xy[0]} cy={xy[1]} r={Math.min(16, 3 + Math.sqrt(p.fatalities) / 2 + Math.log2(p.events))} fill="#bd0026" fillOpacity={0.55} stroke="#800026" strokeWidth={0.6}>
              <title>{`${p.label || key}: ${p.events} event${p.events === 1 ? "" : "s"}, ${p.fatalities} killed (latest ${p.last})`}</title>
            </circle>
          );
        })}
      </svg>
      <figcaption className="muted small">
        {points.length === limit ? `The newest ${limit} matching events. ` : ""}Events within about 10 km are one circle; its size grows with the events and the people killed there.
      </figcaption>
    </figure>
  );
}
