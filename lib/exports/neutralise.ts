// Spreadsheet formula injection: a cell starting with = + - @ (or a tab / carriage return, which
// some programs skip before reading a formula) would run as a formula when the file is opened.
// Such text cells get a leading apostrophe, which spreadsheets show as plain text. Numbers and
// dates are typed values, never text, so negative numbers are untouched.
const DANGEROUS = /^[=+\-@\t\r]/;

export function neutralise(value: string): string {
  return DANGEROUS.test(value) ? `'${value}` : value;
}

export type CellValue = string | number | boolean | Date | null;

export function safeCell(value: CellValue): CellValue {
  return typeof value === "string" ? neutralise(value) : value;
}
