import { describe, expect, it } from "vitest";
import { applicableMapping, autoMapping, missingRequired, parseEventDate, sniffDelimiter, toEventRow, type CountryLookup } from "@/lib/events/acled";

const countries: CountryLookup = { resolve: (v) => ({ "729": "SDN", sudan: "SDN", sdn: "SDN" })[v.trim().toLowerCase()] ?? null };
const headers = ["event_id_cnty", "event_date", "event_type", "country", "iso", "latitude", "longitude", "fatalities", "notes", "civilian_targeting"];
const mapping = autoMapping(headers);
const record = (over: Record<string, string> = {}) => ({
  event_id_cnty: "SDN1",
  event_date: "2024-01-15",
  event_type: "Battles",
  country: "Sudan",
  iso: "729",
  latitude: "13.6289",
  longitude: "25.3494",
  fatalities: "3",
  notes: "x",
  civilian_targeting: "",
  ...over,
});
const TODAY = "2026-11-23";

describe("reading ACLED-shaped rows", () => {
  it("recognises ACLED columns whatever their case, and says which required ones are missing", () => {
    expect(autoMapping(["EVENT_DATE", "Event Type", "ISO"])).toEqual({ eventDate: "EVENT_DATE", eventType: "Event Type", countryIso: "ISO" });
    expect(missingRequired({ eventType: "t" })).toEqual(["Date", "Country (code or name)"]);
    expect(applicableMapping({ eventDate: "Date", eventType: "Gone" }, ["Date"])).toEqual({ eventDate: "Date" });
  });

  it("sniffs the delimiter, ignoring delimiters inside quotes", () => {
    expect(sniffDelimiter("a,b,c")).toBe(",");
    expect(sniffDelimiter('a;"b,c,d";e')).toBe(";");
    expect(sniffDelimiter("a\tb\tc")).toBe("\t");
  });

  it("reads ISO and ACLED's written dates, and refuses impossible ones", () => {
    expect(parseEventDate("2024-01-15")).toBe("2024-01-15");
    expect(parseEventDate("15 January 2024")).toBe("2024-01-15");
    expect(parseEventDate("5 Feb 2024")).toBe("2024-02-05");
    expect(parseEventDate("2024-02-30")).toBeNull();
    expect(parseEventDate("01/02/2024")).toBeNull();
  });

  it("turns a valid row into an event, keeping a formula-looking cell as text", () => {
    const r = toEventRow(record({ notes: '=HYPERLINK("http://evil.example")', civilian_targeting: "Civilian targeting" }), mapping, countries, 2, TODAY);
    expect(r).toMatchObject({ event: { externalId: "SDN1", eventDate: "2024-01-15", countryIso3: "SDN", latitude: "13.628900", fatalities: 3, civilianTargeting: true, notes: '=HYPERLINK("http://evil.example")' } });
  });

  it("reads a cell as our export guarded it against formulas ('=...) as it was recorded, and leaves other apostrophes alone", () => {
    const r = toEventRow(record({ notes: `'=HYPERLINK("http://evil.example")`, event_id_cnty: "'-SDN1", event_type: "'Battles" }), mapping, countries, 2, TODAY);
    expect(r).toMatchObject({ event: { externalId: "-SDN1", eventType: "'Battles", notes: '=HYPERLINK("http://evil.example")' } });
    expect(toEventRow(record({ notes: "''+1" }), mapping, countries, 2, TODAY)).toMatchObject({ event: { notes: "'+1" } });
  });

  it("keeps an empty fatalities cell as unknown (null), and a 0 as 0", () => {
    expect(toEventRow(record({ fatalities: "" }), mapping, countries, 2, TODAY)).toMatchObject({ event: { fatalities: null } });
    expect(toEventRow(record({ fatalities: "  " }), mapping, countries, 2, TODAY)).toMatchObject({ event: { fatalities: null } });
    expect(toEventRow(record({ fatalities: "0" }), mapping, countries, 2, TODAY)).toMatchObject({ event: { fatalities: 0 } });
  });

  it("reports each problem with its row and column", () => {
    const r = toEventRow(record({ event_date: "2024-13-01", fatalities: "-2", latitude: "120", country: "Atlantis", iso: "" }), mapping, countries, 7, TODAY);
    expect("problems" in r && r.problems).toEqual([
      { row: 7, column: "event_date", problem: '"2024-13-01": There is no month 13. Enter a real date, such as 2024-12-01.' },
      { row: 7, column: "fatalities", problem: "Fatalities cannot be negative." },
      { row: 7, column: "latitude", problem: '"120" is not a latitude (between -90 and 90).' },
      { row: 7, column: "country", problem: 'Unknown country "Atlantis".' },
    ]);
    expect(toEventRow(record({ event_date: "2099-01-01" }), mapping, countries, 3, TODAY)).toMatchObject({ problems: [{ problem: '"2099-01-01": The event date cannot be in the future.' }] });
    expect(toEventRow(record({ event_date: "1850-06-01" }), mapping, countries, 3, TODAY)).toMatchObject({ problems: [{ problem: '"1850-06-01": Enter a date from 1900 on.' }] });
    expect(toEventRow(record({ event_date: "30 February 2024" }), mapping, countries, 3, TODAY)).toMatchObject({ problems: [{ problem: '"30 February 2024": February 2024 has 29 days. Enter a real date, such as 2024-02-29.' }] });
    expect(toEventRow(record({ event_type: "" }), mapping, countries, 3, TODAY)).toMatchObject({ problems: [{ column: "event_type", problem: "The event type is missing." }] });
  });
});
