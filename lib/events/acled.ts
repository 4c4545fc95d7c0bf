// Turning CSV rows (ACLED exports or any CSV, through a column mapping) into events: pure and
// unit-tested; lib/events/import.ts streams the file through it. Cells are kept as text: a cell
// such as =HYPERLINK(...) is stored as written (exports neutralise formulas, the page escapes);
// one such cell as our export wrote it ('=HYPERLINK(...)) is stored without the export's apostrophe.
import { DATE_RULES, dateProblem, isRealDay } from "@/lib/forms/dates";
import { unneutralise } from "@/lib/exports/neutralise";

/** What an event field is filled from: a column of the file. */
export const IMPORT_FIELDS = [
  { field: "externalId", label: "Event id (for re-imports)", acled: "event_id_cnty", required: false },
  { field: "eventDate", label: "Date", acled: "event_date", required: true },
  { field: "eventType", label: "Event type", acled: "event_type", required: true },
  { field: "subEventType", label: "Sub-type", acled: "sub_event_type", required: false },
  { field: "disorderType", label: "Disorder type", acled: "disorder_type", required: false },
  { field: "actor1", label: "First actor", acled: "actor1", required: false },
  { field: "assocActor1", label: "Associated with the first actor", acled: "assoc_actor_1", required: false },
  { field: "actor2", label: "Second actor", acled: "actor2", required: false },
  { field: "assocActor2", label: "Associated with the second actor", acled: "assoc_actor_2", required: false },
  { field: "interaction", label: "Interaction", acled: "interaction", required: false },
  { field: "civilianTargeting", label: "Civilian targeting", acled: "civilian_targeting", required: false },
  { field: "countryIso", label: "Country code (ISO numeric or 3 letters)", acled: "iso", required: false },
  { field: "countryName", label: "Country name", acled: "country", required: false },
  { field: "admin1", label: "Admin 1", acled: "admin1", required: false },
  { field: "admin2", label: "Admin 2", acled: "admin2", required: false },
  { field: "admin3", label: "Admin 3", acled: "admin3", required: false },
  { field: "location", label: "Place", acled: "location", required: false },
  { field: "latitude", label: "Latitude", acled: "latitude", required: false },
  { field: "longitude", label: "Longitude", acled: "longitude", required: false },
  { field: "geoPrecision", label: "Geographic precision", acled: "geo_precision", required: false },
  { field: "timePrecision", label: "Time precision", acled: "time_precision", required: false },
  { field: "sourceText", label: "Source", acled: "source", required: false },
  { field: "sourceScale", label: "Source scale", acled: "source_scale", required: false },
  { field: "notes", label: "Notes", acled: "notes", required: false },
  { field: "fatalities", label: "Fatalities", acled: "fatalities", required: false },
  { field: "tags", label: "Tags", acled: "tags", required: false },
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number]["field"];
/** Import field -> the file's column header ("" when not imported). */
export type ColumnMapping = Partial<Record<ImportField, string>>;

export interface EventRow {
  externalId: string | null;
  eventDate: string;
  eventType: string;
  subEventType: string | null;
  disorderType: string | null;
  actor1: string | null;
  assocActor1: string | null;
  actor2: string | null;
  assocActor2: string | null;
  interaction: string | null;
  civilianTargeting: boolean;
  countryIso3: string | null;
  admin1: string | null;
  admin2: string | null;
  admin3: string | null;
  location: string | null;
  latitude: string | null;
  longitude: string | null;
  geoPrecision: number | null;
  timePrecision: number | null;
  sourceText: string | null;
  sourceScale: string | null;
  notes: string;
  /** Null when the cell is empty: the number is not known (not none). */
  fatalities: number | null;
  tags: string | null;
}
export interface Problem {
  row: number;
  column: string;
  problem: string;
}
export interface CountryLookup {
  /** ISO3, ISO numeric (e.g. "729") and lower-case names -> ISO3. */
  resolve(value: string): string | null;
}

/** The mapping for a file's headers: ACLED column names recognised (case and spaces ignored). */
export function autoMapping(headers: string[]): ColumnMapping {
  const norm = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, "_");
  const byNorm = new Map(headers.map((h) => [norm(h), h]));
  const mapping: ColumnMapping = {};
  for (const f of IMPORT_FIELDS) {
    const h = byNorm.get(f.acled);
    if (h) mapping[f.field] = h;
  }
  return mapping;
}

/** Keeps only columns the file has; a remembered mapping may name columns this file lacks. */
export function applicableMapping(mapping: ColumnMapping, headers: string[]): ColumnMapping {
  const has = new Set(headers);
  return Object.fromEntries(Object.entries(mapping).filter(([, h]) => h && has.has(h))) as ColumnMapping;
}

export function missingRequired(mapping: ColumnMapping): string[] {
  const missing: string[] = IMPORT_FIELDS.filter((f) => f.required && !mapping[f.field]).map((f) => f.label);
  if (!mapping.countryIso && !mapping.countryName) missing.push("Country (code or name)");
  return missing;
}

/** The delimiter a CSV file most likely uses, from its first line (quotes respected). */
export function sniffDelimiter(firstLine: string): "," | ";" | "\t" | "|" {
  const counts: Record<string, number> = { ",": 0, ";": 0, "\t": 0, "|": 0 };
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch]++;
  }
  const best = (Object.entries(counts) as [keyof typeof counts, number][]).sort((a, b) => b[1] - a[1])[0];
  return (best[1] > 0 ? best[0] : ",") as "," | ";" | "\t" | "|";
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** ISO dates (2024-01-15, or 2024-1-5) and ACLED's written form (15 January 2024) as an ISO day, not yet checked against the calendar; null for anything else. */
function isoDayOf(value: string): string | null {
  const v = value.trim();
  let y: string, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  if (match) [y, m, d] = [match[1], Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[\s-]+([A-Za-z]+)[\s-]+(\d{4})$/.exec(v))) {
    const month = MONTHS.findIndex((name) => name.startsWith(match![2].toLowerCase()) && match![2].length >= 3);
    if (month < 0) return null;
    [y, m, d] = [match[3], month + 1, Number(match[1])];
  } else return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** ISO dates (2024-01-15) and ACLED's written form (15 January 2024) that exist in the calendar; anything else is refused. */
export function parseEventDate(value: string): string | null {
  const iso = isoDayOf(value);
  return iso && isRealDay(iso) ? iso : null;
}

/** A row's date, checked by the same rule as the event form's (lib/forms/dates): the day, or why not. */
export function checkedEventDate(value: string, today: string): { date: string } | { problem: string } {
  const iso = isoDayOf(value);
  if (!iso) return { problem: `"${value.slice(0, 40)}" is not a date (use 2024-01-15 or 15 January 2024).` };
  const problem = dateProblem(iso, DATE_RULES.eventDate, today);
  return problem ? { problem: `"${value.slice(0, 40)}": ${problem}` } : { date: iso };
}

const MAX_TEXT = 10000;

/** One CSV record (header -> cell) into an event, or the problems that stop it. `row` is the file's line-based row number. */
export function toEventRow(record: Record<string, string>, mapping: ColumnMapping, countries: CountryLookup, row: number, today: string): { event: EventRow } | { problems: Problem[] } {
  const problems: Problem[] = [];
  // A cell our own export guarded against spreadsheet formulas ('=...) is read as it was recorded.
  const cell = (f: ImportField) => {
    const h = mapping[f];
    return h ? unneutralise((record[h] ?? "").trim()) : "";
  };
  const opt = (f: ImportField, max = 300) => {
    const v = cell(f);
    if (v.length > max) problems.push({ row, column: mapping[f]!, problem: `Longer than ${max} characters.` });
    return v ? v.slice(0, max) : null;
  };
  const int = (f: ImportField) => {
    const v = cell(f);
    if (!v) return null;
    if (!/^\d+$/.test(v)) {
      problems.push({ row, column: mapping[f]!, problem: `"${v.slice(0, 40)}" is not a whole number.` });
      return null;
    }
    return Number(v);
  };

  const rawDate = cell("eventDate");
  const checkedDate = rawDate ? checkedEventDate(rawDate, today) : null;
  const eventDate = checkedDate && "date" in checkedDate ? checkedDate.date : null;
  if (!checkedDate) problems.push({ row, column: mapping.eventDate ?? "event_date", problem: "The date is missing." });
  else if ("problem" in checkedDate) problems.push({ row, column: mapping.eventDate!, problem: checkedDate.problem });

  const eventType = cell("eventType");
  if (!eventType) problems.push({ row, column: mapping.eventType ?? "event_type", problem: "The event type is missing." });

  let fatalities: number | null = null;
  const rawFatalities = cell("fatalities");
  if (rawFatalities) {
    if (!/^-?\d+$/.test(rawFatalities)) problems.push({ row, column: mapping.fatalities!, problem: `"${rawFatalities.slice(0, 40)}" is not a whole number.` });
    else if (Number(rawFatalities) < 0) problems.push({ row, column: mapping.fatalities!, problem: "Fatalities cannot be negative." });
    else fatalities = Number(rawFatalities);
  }

  const coord = (f: "latitude" | "longitude", limit: number) => {
    const v = cell(f);
    if (!v) return null;
    if (!/^-?\d{1,3}(\.\d+)?$/.test(v) || Math.abs(Number(v)) > limit) {
      problems.push({ row, column: mapping[f]!, problem: `"${v.slice(0, 40)}" is not a ${f} (between -${limit} and ${limit}).` });
      return null;
    }
    return Number(v).toFixed(6);
  };
  const latitude = coord("latitude", 90);
  const longitude = coord("longitude", 180);
  if ((latitude === null) !== (longitude === null) && !problems.some((p) => p.column === mapping.latitude || p.column === mapping.longitude)) {
    problems.push({ row, column: mapping.latitude ?? mapping.longitude ?? "latitude", problem: "Give both latitude and longitude, or neither." });
  }

  const iso = cell("countryIso");
  const name = cell("countryName");
  const countryIso3 = (iso && countries.resolve(iso)) || (name && countries.resolve(name)) || null;
  if (!countryIso3 && (iso || name)) problems.push({ row, column: (iso ? mapping.countryIso : mapping.countryName)!, problem: `Unknown country "${(iso || name).slice(0, 60)}".` });
  if (!iso && !name) problems.push({ row, column: mapping.countryIso ?? mapping.countryName ?? "country", problem: "The country is missing." });

  const civilian = cell("civilianTargeting").toLowerCase();
  const event: EventRow = {
    externalId: opt("externalId", 100),
    eventDate: eventDate ?? "",
    eventType: eventType.slice(0, 100),
    subEventType: opt("subEventType", 100),
    disorderType: opt("disorderType", 100),
    actor1: opt("actor1"),
    assocActor1: opt("assocActor1", 1000),
    actor2: opt("actor2"),
    assocActor2: opt("assocActor2", 1000),
    interaction: opt("interaction", 100),
    civilianTargeting: civilian !== "" && !["0", "false", "no", "n"].includes(civilian),
    countryIso3,
    admin1: opt("admin1", 200),
    admin2: opt("admin2", 200),
    admin3: opt("admin3", 200),
    location: opt("location", 200),
    latitude,
    longitude,
    geoPrecision: int("geoPrecision"),
    timePrecision: int("timePrecision"),
    sourceText: opt("sourceText", 2000),
    sourceScale: opt("sourceScale", 200),
    notes: cell("notes").slice(0, MAX_TEXT),
    fatalities,
    tags: opt("tags", 1000),
  };
  if (cell("notes").length > MAX_TEXT) problems.push({ row, column: mapping.notes!, problem: `Longer than ${MAX_TEXT} characters.` });
  return problems.length ? { problems } : { event };
}
