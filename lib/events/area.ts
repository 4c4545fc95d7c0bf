// Whether an event's place lies in a situation's area ("Darfur", "Rakhine State", "North Kivu and
// South Kivu"), from the names alone: ACLED gives the region (admin1), district (admin2) and place,
// and a situation's area is free text. Names are compared word by word, without case or accents,
// leaving out words that only say what kind of area it is ("State", "region", "province"...).
// The area matches when all its words are among the place's ("Darfur" in "North Darfur"), or when
// the region's or the district's words are all in the area ("North Kivu" in "North Kivu and South Kivu").

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
  const here = new Set([...placeWords(place.admin1), ...placeWords(place.admin2), ...placeWords(place.location)]);
  if (areaWords.every((w) => here.has(w))) return true;
  const inside = new Set(areaWords);
  return [place.admin1, place.admin2].some((name) => {
    const words = placeWords(name);
    return words.length > 0 && words.every((w) => inside.has(w));
  });
}
