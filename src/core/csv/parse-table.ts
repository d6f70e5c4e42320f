/**
 * A CSV file's text as a table: papaparse (dynamic typing off: every cell stays text, so
 * `00123` and `=HYPERLINK(…)` are kept exactly), the delimiter detected (`,`, `;`, tab), blank
 * lines skipped, headers normalised. Rows whose cell count differs from the header's are kept
 * and reported by validation, never dropped.
 */
import Papa from 'papaparse';
import { fail, ok, type Result } from '../result';
import { normalizeHeaderRow } from './headers';

export interface Table {
  /** The header cells as written in the file (BOM removed). */
  rawHeaders: string[];
  /** The normalised header names (what mappings refer to). */
  headers: string[];
  /** Data rows, every cell as text. */
  rows: string[][];
}

const MESSAGES = {
  noRows:
    'The file has no rows. Nothing was read or sent. Choose the file your system exported, with a header row and data rows.',
  onlyHeader:
    'The file has a header row but no data rows, so there is nothing to send. Nothing was sent. Check that you exported the right date range.',
  unclosedQuote: (line: number) =>
    `Line ${line} opens a quoted cell (") that is never closed, so the rest of the file cannot be read reliably. Nothing was read or sent. Fix the quote in the file and choose it again.`,
} as const;

/** Parses CSV text into a table, or says plainly why it cannot. */
export function parseCsvTable(text: string): Result<Table> {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/u, ''), {
    header: false,
    dynamicTyping: false,
    skipEmptyLines: 'greedy',
  });
  const unclosed = parsed.errors.find((error) => error.code === 'MissingQuotes');
  if (unclosed) return fail('unclosed-quote', MESSAGES.unclosedQuote((unclosed.row ?? 0) + 1));
  return tableFromRows(parsed.data);
}

/** A table from rows of text cells (CSV or a spreadsheet's first sheet); the first row is the header. */
export function tableFromRows(allRows: string[][]): Result<Table> {
  const [headerRow, ...rows] = allRows;
  if (!headerRow || headerRow.every((cell) => cell.trim() === '')) return fail('no-rows', MESSAGES.noRows);
  if (rows.length === 0) return fail('only-header', MESSAGES.onlyHeader);
  const rawHeaders = headerRow.map((cell) => cell.replace(/^\uFEFF/u, '').trim());
  const headers = normalizeHeaderRow(rawHeaders);
  if (!headers.ok) return headers;
  return ok({ rawHeaders, headers: headers.value, rows });
}

/** A spreadsheet cell as text: dates as ISO (UTC, as the sheet stores them), numbers as written by JS. */
export function spreadsheetCellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().replace('.000Z', 'Z');
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return typeof cell === 'string' ? cell : JSON.stringify(cell);
}
