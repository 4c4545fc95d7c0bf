import { describe, expect, it } from "vitest";
import { admin1Names, hasPlace, inArea, normaliseName, placeWords } from "@/lib/events/area";

describe("an event's place in a situation's area", () => {
  it("compares names word by word, without case, accents or words that only say what kind of area it is", () => {
    expect(placeWords("Rakhine State")).toEqual(["rakhine"]);
    expect(placeWords("Nord-Kivu")).toEqual(["nord", "kivu"]);
    expect(placeWords("Région de l'Extrême-Nord")).toEqual(["extreme", "nord"]);
    expect(placeWords(null)).toEqual([]);
  });

  it("finds the area in the region, district or place, or the region inside a larger area", () => {
    expect(inArea("Darfur", { admin1: "North Darfur", location: "El Fasher" })).toBe(true);
    expect(inArea("Darfur", { admin1: "Khartoum", location: "Khartoum" })).toBe(false);
    expect(inArea("Rakhine State", { admin1: "Rakhine", admin2: "Sittwe" })).toBe(true);
    expect(inArea("North Kivu and South Kivu", { admin1: "South Kivu", location: "Bukavu" })).toBe(true);
    expect(inArea("North Kivu and South Kivu", { admin1: "Ituri", location: "Bunia" })).toBe(false);
    expect(inArea("Amhara region", { admin1: "AMHARA", admin2: "North Wollo" })).toBe(true);
    expect(inArea("Tigray", { admin1: "Tigray" })).toBe(true);
    expect(inArea("Tigray", { admin1: "Amhara", admin2: "Western Tigray zone" })).toBe(true); // a district named for the area
    expect(inArea("Équateur", { admin1: "Equateur" })).toBe(true);
    expect(inArea("State", { admin1: "Upper Nile State" })).toBe(false); // an area with no words of its own
  });

  it("matches a region by any of its names in the gazetteer, ACLED's spelling included (issue #25)", () => {
    const kivus = "North Kivu and South Kivu";
    for (const admin1 of ["Nord-Kivu", "Sud-Kivu", "North Kivu", "Nord Kivu", "nord kivu", "NORD-KIVU", "Nord–Kivu", "Sud Kivu"]) {
      expect(inArea(kivus, { countryIso3: "COD", admin1, location: "Goma" }), admin1).toBe(true);
    }
    expect(inArea(kivus, { countryIso3: "COD", admin1: "Ituri", location: "Bunia" })).toBe(false);
    expect(inArea(kivus, { countryIso3: "COD", admin1: "Tshopo" })).toBe(false);
    // One region named in another language, accents and apostrophes aside.
    expect(inArea("Nord-Kivu", { countryIso3: "COD", admin1: "North Kivu" })).toBe(true);
    expect(inArea("Nord-Kivu, Sud-Kivu", { countryIso3: "COD", admin1: "South Kivu" })).toBe(true);
    expect(inArea("Équateur", { countryIso3: "COD", admin1: "EQUATEUR" })).toBe(true);
    expect(inArea("Kasaï Central", { countryIso3: "COD", admin1: "Kasai-Central" })).toBe(true);
    expect(inArea("Rakhine State", { countryIso3: "MMR", admin1: "Rakhine" })).toBe(true);
    expect(inArea("Gezira", { countryIso3: "SDN", admin1: "Al Jazirah" })).toBe(true);
    expect(inArea("Al Qadarif", { countryIso3: "SDN", admin1: "Gedaref" })).toBe(true); // ACLED's spelling, from the supplement
    expect(inArea("Benishangul-Gumuz Region", { countryIso3: "ETH", admin1: "Benshangul/Gumuz" })).toBe(true); // likewise
    // Names belong to their country: the same words elsewhere are not the region.
    expect(inArea("Nord-Kivu", { countryIso3: "RWA", admin1: "North Kivu" })).toBe(false);
    // Darfur is no single region: the words still decide, as before.
    expect(inArea("Darfur", { countryIso3: "SDN", admin1: "Central Darfur" })).toBe(true);
    expect(inArea("Darfur", { countryIso3: "SDN", admin1: "Al Jazirah" })).toBe(false);
  });

  it("normalises names: lower case, no accents, hyphens and apostrophes as spaces", () => {
    expect(normaliseName("  Nord-Kivu ")).toBe("nord kivu");
    expect(normaliseName("Région de l'Extrême-Nord")).toBe("region de l extreme nord");
    expect(normaliseName("Benshangul/Gumuz")).toBe("benshangul gumuz");
  });

  it("lists a country's first-level regions to choose from, by the name shown", () => {
    const names = admin1Names("COD");
    expect(names).toContain("North Kivu");
    expect(names).toContain("South Kivu");
    expect(names).toContain("Ituri");
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(admin1Names("XXX")).toEqual([]);
  });

  it("tells a row's region fast enough for an import (well over 20,000 rows a second)", () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => ({ countryIso3: "COD", admin1: ["Nord-Kivu", "Sud-Kivu", "Ituri", "Kinshasa"][i % 4], admin2: "Beni", location: `Place ${i % 500}` }));
    const started = performance.now();
    let inside = 0;
    for (const row of rows) if (inArea("North Kivu and South Kivu", row)) inside++;
    const seconds = (performance.now() - started) / 1000;
    expect(inside).toBe(25_000);
    expect(rows.length / seconds).toBeGreaterThan(20_000);
  });

  it("tells whether a row names a place at all", () => {
    expect(hasPlace({ admin1: "", admin2: null, location: "  " })).toBe(false);
    expect(hasPlace({ location: "Geneina" })).toBe(true);
  });
});
