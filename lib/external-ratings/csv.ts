// Reading a CSV file of external ratings: each row becomes the form's input, checked by the form's
// own schema (lib/external-ratings/schemas.ts), with the line it came from. Small files only: the
// file is read whole (it comes through a server action, whose body Next.js caps at 2 MB here).
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { sniffDelimiter } from "@/lib/events/acled";
import {
  EXTERNAL_SYSTEMS,
  GENOCIDE_WATCH_LEVELS,
  GENOCIDE_WATCH_LEVEL_LABELS,
  R2P_CATEGORIES,
  R2P_CATEGORY_LABELS,
  SYSTEM_SHORT_LABELS,
  externalRatingInputSchema,
  type ExternalRatingInput,
} from "./schemas";

/** The largest file taken (1 MB): well under the server action's 2 MB body limit; 5,000 rows of ratings take about 500 KB. */
export const EXTERNAL_RATINGS_MAX_BYTES = 1024 * 1024;
export const EXTERNAL_RATINGS_MAX_ROWS = 5_000;

/** The columns read (others are left alone). `country` (ISO3) or `situation_id` says whose rating it is. */
export const CSV_COLUMNS = ["country", "situation_id", "system", "date", "url", "note", "rank", "rank_of", "probability", "year", "category", "stage", "alert_level"] as const;

export interface CsvRow {
  /** The line of the file the row starts on (the header is line 1). */
  line: number;
  country: string;
  situationId: string;
  input: ExternalRatingInput;
}
export interface CsvProblem {
  line: number;
  message: string;
}

const norm = (v: string) => v.trim().toLowerCase().replace(/[\s_-]+/g, " ");
/** A cell naming one of `codes` by its code or its label ("Current Crisis", "current_crisis", "Genocide Emergency", "Emergency"). */
function codeOf<T extends string>(cell: string, codes: readonly T[], labels: Record<T, string>, extra: Record<string, T> = {}): string {
  const n = norm(cell);
  if (!n) return "";
  for (const c of codes) if (norm(c) === n || norm(labels[c]) === n || norm(labels[c].replace(/\s*\(.*\)$/, "")) === n) return c;
  return extra[n] ?? cell.trim();
}
const SYSTEM_NAMES: Record<string, (typeof EXTERNAL_SYSTEMS)[number]> = { "ewp": "EWP", "r2p": "R2P_MONITOR", "r2p monitor": "R2P_MONITOR", "gcr2p": "R2P_MONITOR", "global centre for r2p": "R2P_MONITOR", "genocide watch": "GENOCIDE_WATCH" };
const LEVEL_NAMES: Record<string, (typeof GENOCIDE_WATCH_LEVELS)[number]> = { "watch": "WATCH", "warning": "WARNING", "emergency": "EMERGENCY" };

/** Each row as the form's input with its line, or the file's problems by line. The file must be UTF-8 text. */
export function readExternalRatingsCsv(bytes: Uint8Array): { rows: CsvRow[]; problems: CsvProblem[] } {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return { rows: [], problems: [{ line: 1, message: "This file is not UTF-8 text. Save it as CSV UTF-8 and upload it again." }] };
  }
  if (!text.trim()) return { rows: [], problems: [{ line: 1, message: "The file is empty." }] };
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: sniffDelimiter(text.split(/\r?\n/, 1)[0]),
      columns: (header: string[]) => header.map((h) => norm(h).replace(/ /g, "_")),
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as { record: Record<string, string>; info: { lines: number } }[];
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    return { rows: [], problems: [{ line: line ?? 1, message: "This line could not be read as CSV (a quote is not closed, or the line is cut short)." }] };
  }
  const header = Object.keys(records[0]?.record ?? {});
  if (records.length && !header.includes("system")) return { rows: [], problems: [{ line: 1, message: "The file has no “system” column (EWP, R2P_MONITOR or GENOCIDE_WATCH)." }] };
  if (records.length && !header.includes("country") && !header.includes("situation_id")) return { rows: [], problems: [{ line: 1, message: "The file needs a “country” column (ISO3 code, e.g. SDN) or a “situation_id” column." }] };
  if (records.length > EXTERNAL_RATINGS_MAX_ROWS) return { rows: [], problems: [{ line: 1, message: `The file has ${records.length.toLocaleString("en")} rows; up to ${EXTERNAL_RATINGS_MAX_ROWS.toLocaleString("en")} are imported at a time. Split it and upload each part.` }] };
  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  for (const { record: r, info } of records) {
    const cell = (k: (typeof CSV_COLUMNS)[number]) => (r[k] ?? "").trim();
    // csv-parse counts the lines read up to the record's end; the record starts after the previous one.
    const line = info.lines - Object.values(r).reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0);
    const input: ExternalRatingInput = {
      system: codeOf(cell("system"), EXTERNAL_SYSTEMS, SYSTEM_SHORT_LABELS, SYSTEM_NAMES) as ExternalRatingInput["system"],
      ratedOn: cell("date"),
      url: cell("url"),
      note: cell("note"),
      rank: cell("rank"),
      rankOf: cell("rank_of"),
      probability: cell("probability"),
      year: cell("year"),
      category: codeOf(cell("category"), R2P_CATEGORIES, R2P_CATEGORY_LABELS),
      stage: cell("stage"),
      alertLevel: codeOf(cell("alert_level"), GENOCIDE_WATCH_LEVELS, GENOCIDE_WATCH_LEVEL_LABELS, LEVEL_NAMES),
    };
    const country = cell("country").toUpperCase();
    const situationId = cell("situation_id");
    const found: string[] = [];
    if (!country && !situationId) found.push("Give the country (ISO3 code, e.g. SDN) or the situation's id.");
    else if (!situationId && !/^[A-Z]{3}$/.test(country)) found.push(`“${cell("country")}” is not an ISO3 country code such as SDN.`);
    const parsed = externalRatingInputSchema.safeParse(input);
    if (!parsed.success) for (const issue of parsed.error.issues) found.push(`${columnOf(issue)}: ${issue.message}`);
    if (found.length) problems.push(...found.map((message) => ({ line, message })));
    else rows.push({ line, country, situationId, input: parsed.data! });
  }
  return { rows, problems };
}

const COLUMN_OF: Record<string, string> = { system: "system", ratedOn: "date", url: "url", note: "note", rank: "rank", rankOf: "rank_of", probability: "probability", year: "year", category: "category", stage: "stage", alertLevel: "alert_level" };
function columnOf(issue: z.core.$ZodIssue): string {
  return `Column “${COLUMN_OF[String(issue.path[0])] ?? String(issue.path[0] ?? "")}”`;
}
