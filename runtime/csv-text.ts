/**
 * CSV text Flitmap writes, of two kinds that must not be confused:
 *
 * - files a program reads (Odoo's import of `--out` files): each cell exactly the value, quoted
 *   only as CSV needs (`csvLine`). A phone number `+44 20 7946 0000` stays that; Odoo stores what
 *   the cell holds, so any mark added here would land in the customer's data.
 * - files people open in a spreadsheet (reject files): a cell a spreadsheet would run as a formula
 *   is defused the way OWASP advises for CSV injection, with a leading `'` (`spreadsheetCsvLine`).
 *   Dangerous are cells starting with `=`, `+`, `-`, `@`, a tab or a carriage return, and their
 *   full-width forms (`＝＋－＠`), which spreadsheets in East Asian locales read as the same
 *   operators. A plain number (`-12.50`, `+3`) is left as it is: it cannot carry a formula, and a
 *   person comparing amounts should see them as numbers.
 *
 * `readSpreadsheetCell` takes the mark off again, exactly: a cell already starting with `'` before
 * a dangerous character gets one more `'`, so the round trip is lossless.
 */

const DANGEROUS_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;
const MARKED = /^'+[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function csvCell(cell: string): string {
  return /[",\r\n]|^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** One line of a CSV file a program reads: every value exactly as it is. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/** Whether a spreadsheet would run the cell as a formula. */
export function startsFormula(cell: string): boolean {
  return DANGEROUS_START.test(cell) && !PLAIN_NUMBER.test(cell);
}

/** The cell as a spreadsheet shows it as text: a `'` before a formula (or before a cell that already starts with `'` and one). */
export function spreadsheetCell(cell: string): string {
  return startsFormula(cell) || (MARKED.test(cell) && startsFormula(cell.replace(/^'+/, ""))) ? `'${cell}` : cell;
}

/** The value a cell of a spreadsheet CSV line holds, its `'` mark taken off. */
export function readSpreadsheetCell(cell: string): string {
  return MARKED.test(cell) && startsFormula(cell.replace(/^'+/, "")) ? cell.slice(1) : cell;
}

/** One line of a CSV file people open in a spreadsheet: formulas defused. */
export function spreadsheetCsvLine(cells: readonly string[]): string {
  return csvLine(cells.map(spreadsheetCell));
}
