"use client";
// The risk map: each country coloured by the highest overall score among the situations the member
// may see there, on the one score scale of the bars and heatmaps (lib/dashboard/map-countries.ts);
// not enough assessed and no published round have patterns of their own, never a colour of the
// scale; grey without a situation. A click opens the situation (or the list when there are several);
// each country's label names all its situations with their risk category and score.
// An SVG without a tile server: the outlines come from one cached file (app/maps/world.svg) that
// each country points into, and the table below says the same in words. Its markup (about 30 KB) is
// made here from the countries with situations, rather than on the server: a server component's
// markup would travel twice, as HTML and again inside the page's payload.
import { MAP_FILE, MAP_HEIGHT, MAP_WIDTH, shapeId } from "@/lib/dashboard/map-file";
import { countryLabel, MAP_SHADES, shadeText, situationText, type MapCountry, type MapShade } from "@/lib/dashboard/map-countries";
import { SCORE_BAND_COLOURS } from "@/lib/indicators/score-text";
import { useState } from "react";
import { escapeXml, html } from "@/lib/markup";

export type { MapCountry } from "@/lib/dashboard/map-countries";

/** Land without a situation: a warm light grey, apart from the scale's blues and the patterns' cool greys. */
export const NO_SITUATION_FILL = "#d6d3cc";

/**
 * The patterns of "not enough assessed" (hatched, as in the heatmap) and "no published round"
 * (dotted): dark grey on light grey, so neither reads as a pale, low score.
 */
const PATTERNS =
  `<defs>` +
  `<pattern id="map-low" patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)"><rect width="5" height="5" fill="#eeeeee"/><rect width="1.7" height="5" fill="#4f5660"/></pattern>` +
  `<pattern id="map-none" patternUnits="userSpaceOnUse" width="5" height="5"><rect width="5" height="5" fill="#eeeeee"/><circle cx="2.5" cy="2.5" r="1.2" fill="#4f5660"/></pattern>` +
  `</defs>`;

export function shadeFill(shade: MapShade): string {
  return shade === "low" ? "url(#map-low)" : shade === "none" ? "url(#map-none)" : SCORE_BAND_COLOURS[shade].background;
}

/** A shade's sample, as in the legend, beside its words in the table. */
const swatch = (shade: MapShade) =>
  html`<svg class="map-swatch" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><rect width="16" height="16" fill="${shadeFill(shade)}"/></svg>`;

/** The map's drawing, as markup. `shapes`: the map file's shapes in order, each as its ISO3 code ("" for the few without one), comma-separated. */
export function mapDrawing(shapes: string, countries: MapCountry[]): string {
  const byIso3 = new Map(countries.map((c) => [c.iso3, c]));
  const plain: string[] = [];
  const linked: string[] = [];
  shapes.split(",").forEach((iso3, i) => {
    const use = `${MAP_FILE}#${shapeId({ iso3: iso3 || null }, i)}`;
    const c = iso3 ? byIso3.get(iso3) : undefined;
    if (!c) plain.push(`<use href="${use}" fill="${NO_SITUATION_FILL}" aria-hidden="true"/>`);
    else {
      const label = escapeXml(countryLabel(c));
      linked.push(`<a href="${escapeXml(c.href)}" aria-label="${label}"><title>${label}</title><use href="${use}" fill="${shadeFill(c.shade)}"/></a>`);
    }
  });
  // Countries with a situation last, so their dark outlines are not painted over by a neighbour's.
  return PATTERNS + plain.join("") + linked.join("");
}

/** The table's rows, as markup: a country, its colour in words with its sample, its situations. */
export function mapRows(countries: MapCountry[]): string {
  return html`${countries.map(
    (c) =>
      html`<tr><th scope="row"><a href="${c.href}">${c.name}</a></th><td>${swatch(c.shade)}${shadeText(c.shade)}</td><td>${
        c.situations.length === 1 ? situationText(c.situations[0]) : html`<ul class="map-situations">${c.situations.map((s) => html`<li>${situationText(s)}</li>`)}</ul>`
      }</td></tr>`,
  )}`.value;
}

export function WorldMap({ shapes, countries }: { shapes: string; countries: MapCountry[] }) {
  const drawing = mapDrawing(shapes, countries);
  // The table is made when it is opened: as long as the map's drawing again, it doubled every
  // dashboard's page for the few who open it (the dashboard's benchmark, issue #27).
  const [tableOpen, setTableOpen] = useState(false);
  return (
    <>
      <figure style={{ margin: 0 }}>
        <svg
          viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
          className="world-map risk-map"
          role="group"
          aria-label="World map of situations by highest overall score"
          dangerouslySetInnerHTML={{ __html: drawing }}
        />
        <figcaption>
          <p className="map-legend-title">Each country is coloured by the highest overall score among its situations (0–100; darker is higher).</p>
          <ul className="map-legend" aria-label="Legend">
            {MAP_SHADES.map((shade) => (
              <li key={shade}>
                <svg className="map-swatch" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                  <rect width="16" height="16" fill={shadeFill(shade)} />
                </svg>
                {shadeText(shade)}
              </li>
            ))}
            <li>
              <svg className="map-swatch no-situation" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                <rect width="16" height="16" fill={NO_SITUATION_FILL} />
              </svg>
              No situation
            </li>
          </ul>
        </figcaption>
      </figure>
      <details onToggle={(e) => setTableOpen(e.currentTarget.open)}>
        <summary>The countries on the map, as a table</summary>
        <div className="table-scroll">
          <table className="map-countries">
            <caption>Countries with situations, as coloured on the map: highest overall score first, then not enough assessed, then no published round.</caption>
            <thead>
              <tr>
                <th scope="col">Country</th>
                <th scope="col">Colour on the map</th>
                <th scope="col">Situations (risk category, overall score), the one that colours the country first</th>
              </tr>
            </thead>
            <tbody dangerouslySetInnerHTML={{ __html: tableOpen ? mapRows(countries) : "" }} />
          </table>
        </div>
      </details>
    </>
  );
}
