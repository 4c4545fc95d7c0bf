// The world-countries package's list (its default export differs between ESM and CommonJS), and
// each country's ISO 3166 numeric code, which ACLED writes in its "iso" column.
import worldCountries, { type Country as WorldCountry } from "world-countries";

export function worldCountryList(): WorldCountry[] {
  return ((worldCountries as unknown as { default?: WorldCountry[] }).default ?? worldCountries) as WorldCountry[];
}

/** ISO3 -> ISO numeric as ACLED writes it (no leading zeros: Afghanistan is 4), for the countries that have one. */
export function isoNumericCodes(): Record<string, number> {
  return Object.fromEntries(worldCountryList().filter((c) => c.ccn3).map((c) => [c.cca3, Number(c.ccn3)]));
}
