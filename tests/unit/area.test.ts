import { describe, expect, it } from "vitest";
import { hasPlace, inArea, placeWords } from "@/lib/events/area";

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

  it("tells whether a row names a place at all", () => {
    expect(hasPlace({ admin1: "", admin2: null, location: "  " })).toBe(false);
    expect(hasPlace({ location: "Geneina" })).toBe(true);
  });
});
