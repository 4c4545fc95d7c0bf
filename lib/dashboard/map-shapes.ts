import "server-only";
// Country outlines for the risk map, from world-atlas (Natural Earth 1:110m, bundled with npm: no
// tile server), projected once per server process with d3-geo into SVG paths keyed by ISO3 code.
import { geoNaturalEarth1, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { Topology, GeometryCollection } from "topojson-specification";
import worldCountries, { type Country as WorldCountry } from "world-countries";
import topologyJson from "world-atlas/countries-110m.json";

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 470;

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
