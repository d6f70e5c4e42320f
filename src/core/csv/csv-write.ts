/**
 * The one CSV writer of the app: every CSV it offers for download (failed and successful rows,
 * and any report or export to come) is written here, so every one is inert in a spreadsheet.
 * Cells come from customers' files, and a spreadsheet runs a cell that starts with `=`, `+`, `-`
 * or `@` as a formula (a tab or carriage return in front hides one); such a cell is written with
 * a leading `'`, whatever follows — line breaks included. PapaParse's own `escapeFormulae: true`
 * tests its pattern without the `s` flag, so a cell with a line break slipped through; the
 * pattern here only looks at the first character. The loads themselves carry the text unchanged.
 */
import Papa from 'papaparse';

/** The first characters that make a spreadsheet read a cell as a formula. */
export const FORMULA_START = /^[=+\-@\t\r]/u;

/** A cell as the download holds it: a formula-looking one gets a leading `'`. */
export function neutraliseCell(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * CSV text of `rows` under `header` (header cells too are neutralised), CRLF between lines (what
 * Excel expects) and none after the last, with or without rows.
 */
export function writeCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const text = Papa.unparse(
    { fields: [...header], data: rows.map((row) => [...row]) },
    { escapeFormulae: FORMULA_START, newline: '\r\n', quotes: false },
  );
  // PapaParse ends a header-only table with a line break; a reader would count an empty row.
  return rows.length === 0 && text.endsWith('\r\n') ? text.slice(0, -2) : text;
}
