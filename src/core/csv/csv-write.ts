/**
 * The CSV downloads of a run (failed rows, successful rows): the file's own header and rows,
 * with an `error` column for failed rows. Cells that a spreadsheet would run as a formula
 * (`=HYPERLINK(…)`, `+…`, `-…`, `@…`) are written with a leading `'`, so opening the download
 * never executes them; the loads themselves carry the text unchanged.
 */
import Papa from 'papaparse';

/** The name of the added column; a file that already has one gets `ff2api_error`. */
export function errorColumnName(header: readonly string[]): string {
  return header.some((name) => name.trim().toLowerCase() === 'error') ? 'ff2api_error' : 'error';
}

/** CSV text of `rows` under `header`, formulas neutralised, CRLF line ends (what Excel expects). */
export function writeCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return Papa.unparse({ fields: [...header], data: rows.map((row) => [...row]) }, { escapeFormulae: true, newline: '\r\n', quotes: false });
}

/** `failed_rows_YYYYMMDD_HHMMSS.csv` and friends, in local time. */
export function runFileName(prefix: 'processing_report' | 'failed_rows' | 'successful_rows', at: Date, extension: 'json' | 'csv'): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}`;
  const time = `${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}`;
  return `${prefix}_${date}_${time}.${extension}`;
}
