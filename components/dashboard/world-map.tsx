// The risk map: each country coloured by the highest risk category among the situations the member
// may see there, grey without one; a click opens the situation (or the list when there are several).
// Server-rendered SVG: no script, no tile server; the outlines come from one cached file
// (app/maps/world.svg). The table next to it says the same in words.
import { countryShapes, MAP_FILE, MAP_HEIGHT, MAP_WIDTH, shapeId } from "@/lib/dashboard/map-shapes";
import { RISK_CATEGORY_LABELS, RISK_CATEGORY_ORDER } from "@/lib/labels";
import { escapeXml } from "@/lib/markup";
import type { RiskCategory } from "@/lib/generated/prisma/enums";

const FILL: Record<RiskCategory, string> = {
  CURRENT_CRISIS: "var(--risk-current-crisis)",
  IMMINENT_RISK: "var(--risk-imminent-risk)",
  SERIOUS_CONCERN: "var(--risk-serious-concern)",
  MONITORING: "var(--risk-monitoring)",
  RESOLVED: "var(--risk-resolved)",
};

export interface MapCountry {
  iso3: string;
  name: string;
  category: RiskCategory;
  href: string;
  count: number;
}

export function WorldMap({ countries }: { countries: MapCountry[] }) {
  const byIso3 = new Map(countries.map((c) => [c.iso3, c]));
  // One escaped string (lib/markup.ts) rather than ~500 React elements: each country points into the cached outlines file.
  const drawing = countryShapes()
    .map((shape, i) => {
      const use = `${MAP_FILE}#${shapeId(shape, i)}`;
      const c = shape.iso3 ? byIso3.get(shape.iso3) : undefined;
      if (!c) return `<use href="${use}" fill="#c9ced6" aria-hidden="true"/>`;
      const label = escapeXml(`${c.name}: ${RISK_CATEGORY_LABELS[c.category]}${c.count > 1 ? ` (${c.count} situations)` : ""}`);
      return `<a href="${escapeXml(c.href)}" aria-label="${label}"><title>${label}</title><use href="${use}" fill="${FILL[c.category]}"/></a>`;
    })
    .join("");
  return (
    <figure style={{ margin: 0 }}>
      <svg
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        className="world-map"
        role="group"
        aria-label="World map of situations by highest risk category"
        dangerouslySetInnerHTML={{ __html: drawing }}
      />
      <figcaption>
        <ul className="map-legend" aria-label="Legend">
          {RISK_CATEGORY_ORDER.map((c) => (
            <li key={c}>
              <span className="swatch" style={{ background: FILL[c] }} />
              {RISK_CATEGORY_LABELS[c]}
            </li>
          ))}
          <li>
            <span className="swatch" style={{ background: "#c9ced6" }} />
            No situation
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
