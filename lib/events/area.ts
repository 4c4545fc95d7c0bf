// Whether an event's place lies in a situation's area ("Darfur", "Rakhine State", "North Kivu and
// South Kivu"), from the names alone: ACLED gives the region (admin1), district (admin2) and place,
// and a situation's area is free text. Names are compared word by word, without case or accents,
// leaving out words that only say what kind of area it is ("State", "region", "province"...).
// The area matches when all its words are among the place's ("Darfur" in "North Darfur"), or when
// the region's or the district's words are all in the area ("North Kivu" in "North Kivu and South Kivu").
// Words alone miss a region written another way ("Nord-Kivu", ACLED's spelling, is not "North
// Kivu"), so first-level regions are also matched through a gazetteer of their names (see below).
import gazetteer from "./admin1-names.json";

const KIND_WORDS = new Set([
  "and", "the", "of", "et", "de", "du", "des", "la", "le", "les", "y", "del",
  "state", "states", "region", "regions", "regional", "province", "provinces", "governorate", "district", "districts",
  "county", "division", "territory", "prefecture", "oblast", "department", "departement", "municipality", "zone", "area",
]);

const cache = new Map<string, string[]>();

/** The words of a name that say where it is: lower case, accents dropped, kind words left out. */
export function placeWords(name: string | null | undefined): string[] {
  if (!name) return [];
  let words = cache.get(name);
  if (!words) {
    words = name
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 1 && !KIND_WORDS.has(w));
    if (cache.size > 50_000) cache.clear(); // an import reads many place names: keep the memory bounded
    cache.set(name, words);
  }
  return words;
}

export interface Place {
  /** The country, for its regions' names in the gazetteer; without it only the words are compared. */
  countryIso3?: string | null;
  admin1?: string | null;
  admin2?: string | null;
  location?: string | null;
}

/** Whether the place names anything at all (else no area can be told from it). */
export const hasPlace = (p: Place) => placeWords(p.admin1).length + placeWords(p.admin2).length + placeWords(p.location).length > 0;

/** Whether `place` lies in the area named `area` (see above). An area with no words of its own matches nothing. */
export function inArea(area: string, place: Place): boolean {
  const areaWords = placeWords(area);
  if (!areaWords.length) return false;
  const regions = place.countryIso3 && place.admin1 ? countryRegions(place.countryIso3) : null;
  if (regions) {
    const region = regions.regionOfPlace(place.admin1!);
    if (region && regions.regionsOfArea(area).has(region)) return true;
  }
  const here = new Set([...placeWords(place.admin1), ...placeWords(place.admin2), ...placeWords(place.location)]);
  if (areaWords.every((w) => here.has(w))) return true;
  const inside = new Set(areaWords);
  return [place.admin1, place.admin2].some((name) => {
    const words = placeWords(name);
    return words.length > 0 && words.every((w) => inside.has(w));
  });
}

/*
 * The gazetteer: every country's first-level regions (ISO 3166-2) with the names they go by in
 * English, French, German, Spanish, Italian and GeoNames ("North Kivu", "Nord-Kivu", "Nord Kivu",
 * "Kivu del Norte"), extracted from the npm package iso3166-2-db by scripts/build-admin1-names.ts.
 * Per country, every name of a region, normalised and also without its kind words ("Rakhine
 * State" and "Rakhine"), points to the region's code; a name two regions share points to neither.
 * A row's region (admin1) and a situation's area are looked up in the same table: the area as a
 * whole ("Southern Nations, Nationalities, and Peoples' Region"), else each of its parts ("North
 * Kivu and South Kivu", "Nord-Kivu, Sud-Kivu"). An area none of whose parts is a region ("Darfur",
 * a historical region over five states) is matched by its words alone, as before.
 */

/**
 * Spellings ACLED uses for a region that the gazetteer lacks, by country and ISO 3166-2 code (ACLED's
 * admin1 names as in its exports; checked against the gazetteer when this was written). Add here
 * only a spelling that is missing there.
 */
const ACLED_SPELLINGS: Record<string, Record<string, string[]>> = {
  SDN: { GD: ["Gedaref"] }, // gazetteer: Al Qadarif, Gadarif, Gadaref
  ETH: { BE: ["Benshangul/Gumuz"], SN: ["SNNP"] }, // gazetteer: Benishangul-Gumuz, Binshangul Gumuz; Southern Nations, Nationalities, and Peoples' Region
  MMR: { "02": ["Bago-East", "Bago-West"], "17": ["Shan-North", "Shan-South", "Shan-East"] }, // ACLED splits Bago and Shan as MIMU does
};

const NAMES = (gazetteer as { countries: Record<string, Record<string, string[]>> }).countries;

/** A name as compared: lower case, accents dropped, hyphens, apostrophes and other marks as spaces, spaces collapsed. */
export function normaliseName(name: string): string {
  return name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/** The first-level regions of a country to choose from, by the name shown (English where known), in alphabetical order. */
export function admin1Names(countryIso3: string): string[] {
  return [...new Set(Object.values(NAMES[countryIso3] ?? {}).map((names) => names[0]))].sort((a, b) => a.localeCompare(b));
}

/** Splits an area naming several regions: "North Kivu and South Kivu", "Nord-Kivu, Sud-Kivu", "Kachin / Shan". */
const AREA_PARTS = /\s*(?:[,;/&+]|\band\b|\bet\b)\s*/iu;
/** An import reads the same few region names again and again: these caches stay small, but bound them all the same. */
const MAX_CACHED = 10_000;

interface CountryRegions {
  regionOfPlace(admin1: string): string | null;
  regionsOfArea(area: string): ReadonlySet<string>;
}

const countries = new Map<string, CountryRegions | null>();

function countryRegions(countryIso3: string): CountryRegions | null {
  let found = countries.get(countryIso3);
  if (found !== undefined) return found;
  const names = NAMES[countryIso3];
  found = names ? buildCountryRegions({ ...names }, ACLED_SPELLINGS[countryIso3] ?? {}) : null;
  countries.set(countryIso3, found);
  return found;
}

function buildCountryRegions(names: Record<string, string[]>, extra: Record<string, string[]>): CountryRegions {
  const byName = new Map<string, string>();
  const shared = new Set<string>();
  for (const [code, list] of [...Object.entries(names), ...Object.entries(extra)]) {
    for (const name of list) {
      for (const key of [normaliseName(name), placeWords(name).join(" ")]) {
        if (!key) continue;
        const other = byName.get(key);
        if (other && other !== code) shared.add(key);
        else byName.set(key, code);
      }
    }
  }
  for (const key of shared) byName.delete(key);
  const lookUp = (name: string) => byName.get(normaliseName(name)) ?? byName.get(placeWords(name).join(" ")) ?? null;

  const places = new Map<string, string | null>();
  const areas = new Map<string, ReadonlySet<string>>();
  return {
    regionOfPlace(admin1) {
      let region = places.get(admin1);
      if (region === undefined) {
        region = lookUp(admin1);
        if (places.size >= MAX_CACHED) places.clear();
        places.set(admin1, region);
      }
      return region;
    },
    regionsOfArea(area) {
      let regions = areas.get(area);
      if (!regions) {
        const whole = lookUp(area);
        regions = new Set(whole ? [whole] : area.split(AREA_PARTS).flatMap((part) => lookUp(part) ?? []));
        if (areas.size >= MAX_CACHED) areas.clear();
        areas.set(area, regions);
      }
      return regions;
    },
  };
}
