/**
 * First look at a chosen file's bytes, before any parsing: the size limit, files that are not
 * text (an Excel workbook renamed .csv, a PDF), and the text encoding. A file that is not valid
 * UTF-8 is read as Windows-1252 (Excel's "CSV" on Windows; a superset of Latin-1) and the user is
 * told so — its accents are read right, never saved as mojibake.
 */
import { fail, ok, type Result } from '../result';

/** The largest file accepted (the original's upload limit). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

export type FileKind = 'csv' | 'xlsx';

const MESSAGES = {
  tooBig: (mb: string) =>
    `This file is ${mb} MB; files up to 200 MB can be processed. Nothing was read or sent. Split the file into smaller ones and process each.`,
  xls: 'This is an old Excel file (.xls), which this app cannot read. Nothing was read or sent. Open it in Excel and save it as .xlsx or .csv (CSV UTF-8), then choose that file.',
  unknownType: (name: string) =>
    `“${name}” is not a CSV or Excel file. Nothing was read or sent. Choose a .csv or .xlsx file.`,
  zipAsCsv:
    'This file is an Excel workbook (.xlsx) with a .csv name. Nothing was read or sent. Rename it to .xlsx, or save it from Excel as CSV, and choose it again.',
  oleAsCsv:
    'This file is an old Excel workbook (.xls) with a .csv name. Nothing was read or sent. Save it from Excel as .xlsx or CSV UTF-8 and choose it again.',
  binary:
    'This file is not text: it looks like a binary file (an image, a PDF or a program) renamed .csv. Nothing was read or sent. Export the data from your system as CSV and choose that file.',
  notXlsx:
    'This file has an .xlsx name but is not an Excel workbook. Nothing was read or sent. Save it from Excel as .xlsx or CSV and choose it again.',
  empty:
    'The file is empty. Nothing was read or sent. Choose the file your system exported, with a header row and data rows.',
} as const;

/** Refuses a file by its name and size alone, before reading it; returns the reader to use. */
export function checkFileNameAndSize(name: string, size: number): Result<FileKind> {
  if (size > MAX_FILE_BYTES) return fail('file-too-big', MESSAGES.tooBig((size / 1024 / 1024).toFixed(0)));
  const lower = name.toLowerCase();
  if (lower.endsWith('.xls')) return fail('xls-file', MESSAGES.xls);
  if (lower.endsWith('.xlsx')) return ok('xlsx');
  if (lower.endsWith('.csv') || lower.endsWith('.txt') || !lower.includes('.')) return ok('csv');
  return fail('not-a-table', MESSAGES.unknownType(name));
}

/** Checks that an .xlsx file really is a zip archive (the workbook container). */
export function checkXlsxBytes(bytes: Uint8Array): Result<void> {
  if (bytes.length === 0) return fail('empty-file', MESSAGES.empty);
  return isZip(bytes) ? ok(undefined) : fail('not-xlsx', MESSAGES.notXlsx);
}

/**
 * Decodes a CSV file's bytes to text: UTF-8 (a BOM is dropped) or, when that fails, Windows-1252.
 * Refuses what is not text at all.
 */
export function decodeCsvBytes(bytes: Uint8Array): Result<{ text: string; encoding: 'utf-8' | 'windows-1252' }> {
  if (bytes.length === 0) return fail('empty-file', MESSAGES.empty);
  if (isZip(bytes)) return fail('xlsx-as-csv', MESSAGES.zipAsCsv);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    return fail('xls-as-csv', MESSAGES.oleAsCsv);
  if (looksBinary(bytes)) return fail('binary-file', MESSAGES.binary);
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return ok({ text, encoding: 'utf-8' });
  } catch {
    return ok({ text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' });
  }
}

/** Whether the bytes start like a zip archive (`PK\x03\x04`). */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** NUL bytes or many control characters in the first 64 kB: not a text file (UTF-16 included). */
function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 65_536);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const byte = bytes[i] as number;
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return control > end / 100;
}
