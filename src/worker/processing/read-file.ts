/**
 * Reads a chosen file in the worker: name and size checked before reading, bytes checked
 * (binary, renamed workbooks, encoding), fingerprinted, then parsed — CSV with papaparse, .xlsx
 * with read-excel-file, loaded only when such a file is chosen.
 */
import { checkFileNameAndSize, checkXlsxBytes, decodeCsvBytes } from '../../core/csv/file-bytes';
import { parseCsvTable, tableFromRows, spreadsheetCellText, type Table } from '../../core/csv/parse-table';
import { describeThrown, fail, ok, type Result } from '../../core/result';
import type { LoadedFile } from './loaded-files';

const MESSAGES = {
  unreadable:
    'The file could not be read (the browser refused it, or it changed while being read). Nothing was sent. Choose it again.',
  badWorkbook:
    'This Excel file could not be read: it may be damaged or protected with a password. Nothing was read or sent. Open it in Excel, save it as .xlsx or CSV UTF-8, and choose it again.',
} as const;

/** Reads the rows of a workbook's first sheet; injected so tests and the browser load their own build. */
export type ReadWorkbook = (bytes: ArrayBuffer) => Promise<unknown[][]>;

/** Reads, checks and parses one file. */
export async function readTableFile(file: Blob, name: string, readWorkbook: ReadWorkbook): Promise<Result<LoadedFile>> {
  const kind = checkFileNameAndSize(name, file.size);
  if (!kind.ok) return kind;
  let buffer: ArrayBuffer;
  try {
    buffer = await file.arrayBuffer();
  } catch (error) {
    return fail('file-unreadable', MESSAGES.unreadable, describeThrown(error));
  }
  const bytes = new Uint8Array(buffer);
  const fingerprint = await sha256Hex(bytes);
  let table: Result<Table>;
  let encoding: LoadedFile['encoding'] = 'xlsx';
  if (kind.value === 'xlsx') {
    const checked = checkXlsxBytes(bytes);
    if (!checked.ok) return checked;
    try {
      const rows = await readWorkbook(buffer);
      table = tableFromRows(rows.map((row) => row.map(spreadsheetCellText)));
    } catch (error) {
      return fail('bad-workbook', MESSAGES.badWorkbook, describeThrown(error));
    }
  } else {
    const decoded = decodeCsvBytes(bytes);
    if (!decoded.ok) return decoded;
    encoding = decoded.value.encoding;
    table = parseCsvTable(decoded.value.text);
  }
  if (!table.ok) return table;
  return ok({
    ...table.value,
    id: crypto.randomUUID(),
    name,
    size: file.size,
    kind: kind.value,
    encoding,
    fingerprint,
  });
}

/** SHA-256 of the bytes as hex. */
async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  // The view, not its buffer: a Blob's ArrayBuffer may come from another realm (jsdom).
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
