// Spreadsheet formula injection: a cell starting with = + - @ (or a tab / carriage return, which
// some programs skip before reading a formula) would run as a formula when the file is opened.
// Such text cells get a leading apostrophe, which spreadsheets show as plain text. Numbers and
// dates are typed values, never text, so negative numbers are untouched.
// Text that already starts with apostrophes before such a character gets one more, so that the
// guard can be undone without loss (unneutralise, which the event import applies): our events
// export goes back in through the import unchanged.
const DANGEROUS = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;

export function neutralise(value: string): string {
  return DANGEROUS.test(value) ? `'${value}` : value;
}

/** neutralise() undone: a cell written by it loses its first apostrophe; any other is as it was. */
export function unneutralise(value: string): string {
  return GUARDED.test(value) ? value.slice(1) : value;
}

export type CellValue = string | number | boolean | Date | null;

export function safeCell(value: CellValue): CellValue {
  return typeof value === "string" ? neutralise(value) : value;
}
