import "server-only";
// Country outlines for the risk map, from world-atlas (Natural Earth 1:110m, bundled with npm: no
// tile server), projected once per server process with d3-geo into SVG paths keyed by ISO3 code.
import { geoMercator, geoNaturalEarth1, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { Topology, GeometryCollection } from "topojson-specification";
import worldCountries, { type Country as WorldCountry } from "world-countries";
import topologyJson from "world-atlas/countries-110m.json";

import { MAP_HEIGHT, MAP_WIDTH } from "./map-file";

export { MAP_FILE, MAP_HEIGHT, MAP_WIDTH, shapeId } from "./map-file";

let cached: { iso3: string | null; name: string; d: string }[] | null = null;
let features: ReturnType<typeof loadFeatures> | null = null;

function loadFeatures() {
  const topology = topologyJson as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  return feature(topology, topology.objects.countries);
}

/** The country outlines as GeoJSON, for maps projected elsewhere (e.g. fitted to events). */
export function countryFeatures() {
  features ??= loadFeatures();
  return features;
}

export function countryShapes() {
  if (cached) return cached;
  // world-countries is a JSON array; bundlers may wrap it as { default }.
  const countries = ((worldCountries as unknown as { default?: WorldCountry[] }).default ?? worldCountries) as WorldCountry[];
  const iso3ByNumeric = new Map(countries.filter((c) => c.ccn3).map((c) => [c.ccn3, c.cca3]));
  const collection = countryFeatures();
  const projection = geoNaturalEarth1().fitSize([MAP_WIDTH, MAP_HEIGHT], collection);
  const path = geoPath(projection);
  cached = collection.features
    .filter((f) => f.properties?.name !== "Antarctica")
    .map((f) => ({ iso3: iso3ByNumeric.get(String(f.id)) ?? null, name: f.properties?.name ?? "", d: path(f) ?? "" }));
  return cached;
}

let shapeKeys: string | null = null;

/** The map file's shapes in order, each as its ISO3 code ("" without one), comma-separated: what the dashboard's map points into. */
export function mapShapeKeys() {
  shapeKeys ??= countryShapes()
    .map((s) => s.iso3 ?? "")
    .join(",");
  return shapeKeys;
}

/**
 * The event maps' drawing: every country on one Mercator plane MERCATOR_SIZE wide, in a file of
 * its own (/maps/mercator.svg). An event map shows a window onto it (an SVG viewBox) instead of
 * projecting the outlines again for each page.
 */
export const MERCATOR_SIZE = 3600;
export const MERCATOR_FILE = "/maps/mercator.svg";
export const mercator = geoMercator()
  .scale(MERCATOR_SIZE / (2 * Math.PI))
  .translate([MERCATOR_SIZE / 2, MERCATOR_SIZE / 2]);

let mercatorCache: { paths: string[]; labels: { name: string; x: number; y: number }[] } | null = null;

/** Outline paths and label positions (centroids) of every country on the Mercator plane. */
export function mercatorShapes() {
  if (mercatorCache) return mercatorCache;
  const path = geoPath(mercator);
  const features = countryFeatures().features.filter((f) => f.properties?.name !== "Antarctica");
  mercatorCache = {
    paths: features.map((f) => path(f) ?? ""),
    labels: features.map((f) => {
      const [x, y] = path.centroid(f);
      return { name: f.properties?.name ?? "", x, y };
    }),
  };
  return mercatorCache;
}

