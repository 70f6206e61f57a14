/**
 * OWASP's CSV (formula) injection defence: a cell whose text starts with `=`, `+`, `-`, `@`, a tab
 * or a carriage return would be read as a formula by a spreadsheet, so it is prefixed with an
 * apostrophe and read as text. Every spreadsheet format (CSV, XLSX, ODS) writes cells through this.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralisedCell(value: string | number): string | number {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}
