"use client";
// The risk map: each country coloured by the highest risk category among the situations the member
// may see there, grey without one; a click opens the situation (or the list when there are several).
// An SVG without a tile server: the outlines come from one cached file (app/maps/world.svg) that
// each country points into, and the list below says the same in words. Its markup (about 30 KB) is
// made here from the countries with situations, rather than on the server: a server component's
// markup would travel twice, as HTML and again inside the page's payload.
import { MAP_FILE, MAP_HEIGHT, MAP_WIDTH, shapeId } from "@/lib/dashboard/map-file";
import { RISK_CATEGORY_LABELS, RISK_CATEGORY_ORDER } from "@/lib/labels";
import { escapeXml, html } from "@/lib/markup";
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

/**
 * `shapes`: the map file's shapes in order, each as its ISO3 code ("" for the few without one), comma-separated.
 * `countries`: the countries with situations, most serious first.
 */
export function WorldMap({ shapes, countries }: { shapes: string; countries: MapCountry[] }) {
  const byIso3 = new Map(countries.map((c) => [c.iso3, c]));
  const drawing = shapes
    .split(",")
    .map((iso3, i) => {
      const use = `${MAP_FILE}#${shapeId({ iso3: iso3 || null }, i)}`;
      const c = iso3 ? byIso3.get(iso3) : undefined;
      if (!c) return `<use href="${use}" fill="#c9ced6" aria-hidden="true"/>`;
      const label = escapeXml(`${c.name}: ${RISK_CATEGORY_LABELS[c.category]}${c.count > 1 ? ` (${c.count} situations)` : ""}`);
      return `<a href="${escapeXml(c.href)}" aria-label="${label}"><title>${label}</title><use href="${use}" fill="${FILL[c.category]}"/></a>`;
    })
    .join("");
  // By highest risk category, as on the map; a number after a name is its count of situations.
  const list = html`${RISK_CATEGORY_ORDER.map((category) => {
    const inCategory = countries.filter((c) => c.category === category);
    if (inCategory.length === 0) return null;
    return html`<div><dt>${RISK_CATEGORY_LABELS[category]} (${inCategory.length} ${inCategory.length === 1 ? "country" : "countries"})</dt><dd>${inCategory.map(
      (c, i) => html`${i > 0 && ", "}<a href="${c.href}">${c.name}</a>${c.count > 1 && ` (${c.count})`}`,
    )}</dd></div>`;
  })}`.value;
  return (
    <>
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
      <details>
        <summary>The countries on the map, as a list</summary>
        <dl className="map-countries" dangerouslySetInnerHTML={{ __html: list }} />
      </details>
    </>
  );
}
