import { describe, expect, it } from 'vitest';
import { readTableFile } from '../../src/worker/processing/read-file';
import { writeCsv } from '../../src/core/csv/csv-write';
import { createTestApi } from '../support/test-api';
import { LOADS_MAPPING, loadsCsv } from '../support/loads-csv';
import { createApiConfiguration } from '../support/processing-support';

/** No workbook reader: these files must never reach one. */
const noWorkbook = async (): Promise<unknown[][]> => {
  throw new Error('the workbook reader must not be called');
};

/** Reads bytes as a named file. */
function read(name: string, contents: BlobPart) {
  return readTableFile(new Blob([contents]), name, noWorkbook);
}

describe('bad files get a clear message and change nothing', () => {
  it.each([
    ['an empty file', 'empty.csv', '', /The file is empty/],
    ['only a header', 'header.csv', 'Load Number,Mode\r\n', /header row but no data rows/],
    ['blank lines only', 'blank.csv', '\n\n  \n', /no rows/],
    [
      'a binary file renamed .csv',
      'photo.csv',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3]),
      /not text/,
    ],
    [
      'an .xlsx renamed .csv',
      'book.csv',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]),
      /Excel workbook \(\.xlsx\) with a \.csv name/,
    ],
    ['an .xls file', 'old.xls', 'whatever', /save it as \.xlsx or \.csv/],
    ['a text file named .xlsx', 'fake.xlsx', 'a,b\n1,2\n', /not an Excel workbook/],
    ['a PDF', 'report.pdf', '%PDF-1.4', /not a CSV or Excel file/],
    ['duplicate headers', 'dup.csv', 'City,City\nA,B\n', /both named “City”/],
    ['headers that normalise to one name', 'same.csv', 'Pickup City,pickup city\nA,B\n', /both become “pickup_city”/],
    ['an unclosed quote', 'quote.csv', 'a,b\n"1,2\n3,4\n', /never closed/],
  ])('%s', async (_name, fileName, contents, message) => {
    const result = await read(fileName, contents);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(message);
    if (!result.ok) expect(result.error.message).toMatch(/Nothing was (read or )?sent/);
  });

  it('refuses a file over 200 MB before reading a byte of it', async () => {
    let wasRead = false;
    const huge = {
      size: 201 * 1024 * 1024,
      arrayBuffer: async () => {
        wasRead = true;
        return new ArrayBuffer(0);
      },
    } as unknown as Blob;
    const result = await readTableFile(huge, 'huge.csv', noWorkbook);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/201 MB; files up to 200 MB/);
    expect(wasRead).toBe(false);
  });

  it('reads a Latin-1 (Windows-1252) file with its accents, never as mojibake', async () => {
    const bytes = new Uint8Array([
      ...Buffer.from('name,city\r\nJos'),
      0xe9,
      ...Buffer.from(',Montr'),
      0xe9,
      ...Buffer.from('al\r\n'),
    ]);
    const result = await read('latin1.csv', bytes);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.encoding).toBe('windows-1252');
    expect(result.value.rows[0]).toEqual(['José', 'Montréal']);
  });

  it('reads UTF-8 with a BOM and keeps 1 MB cells whole in the file', async () => {
    const big = 'x'.repeat(1024 * 1024);
    const result = await read('big.csv', `\uFEFFLoad Number,Notes\r\nA1,${big}\r\n`);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.headers).toEqual(['load_number', 'notes']);
    expect(result.value.rows[0]?.[1]).toHaveLength(1024 * 1024);
  });

  it('neutralises formula cells in CSV downloads and keeps everything else as written', () => {
    const text = writeCsv(
      ['a', 'b'],
      [
        ['=HYPERLINK("http://x.invalid","y")', '+1'],
        ['@SUM(A1)', 'plain, with comma'],
      ],
    );
    expect(text.split('\r\n')).toEqual([
      'a,b',
      `"'=HYPERLINK(""http://x.invalid"",""y"")","'+1"`,
      `"'@SUM(A1)","plain, with comma"`,
    ]);
  });

  it('a refused file records nothing: no run, no history row, nothing sent', async () => {
    const api = await createTestApi();
    const configurationId = await createApiConfiguration(api, 'http://127.0.0.1:9', { ...LOADS_MAPPING });
    const before = await api.getStatus();
    const result = await api.readProcessingFile(new Blob(['Load Number,Mode\r\n']), 'header-only.csv', configurationId);
    expect(result.ok).toBe(false);
    const after = await api.getStatus();
    expect(after.counts).toEqual(before.counts);
    expect(await api.listOpenRuns()).toEqual([]);
  });

  it('a file with no valid row starts no run', async () => {
    const api = await createTestApi();
    const configurationId = await createApiConfiguration(api, 'http://127.0.0.1:9', { ...LOADS_MAPPING });
    const file = await api.readProcessingFile(new Blob([loadsCsv(3, [1, 2, 3])]), 'all-bad.csv', configurationId);
    if (!file.ok) throw new Error(file.error.message);
    const started = await api.startProcessingRun(file.value.fileId, configurationId);
    expect(started.ok).toBe(false);
    if (!started.ok) expect(started.error.message).toMatch(/No row of this file is valid/);
    expect((await api.getStatus()).counts.upload_history).toBe(0);
  });
});
