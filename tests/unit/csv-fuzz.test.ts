import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDateCell } from '../../src/core/csv/dates';
import { decodeCsvBytes } from '../../src/core/csv/file-bytes';
import { parseNumberCell } from '../../src/core/csv/numbers';
import { readNumber, type NumberKind } from '../../src/core/csv/number-fields';
import { parseCsvTable } from '../../src/core/csv/parse-table';
import { validateTable } from '../../src/core/csv/validate-table';
import { LOADS_MAPPING } from '../support/loads-csv';

/**
 * Seeded fuzz of the parsers of outside input: bytes, CSV text and cells never throw, and what
 * they accept keeps its invariants (a table's rows are text; a date is the API's format).
 */
const SEED = 20261201;
const KINDS: readonly NumberKind[] = ['mc', 'dot', 'count', 'pounds', 'inches', 'money', 'decimal'];

describe('fuzz: outside input never throws', () => {
  it('bytes → decode → table → validation', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const decoded = decodeCsvBytes(bytes);
        if (!decoded.ok) {
          expect(decoded.error.message.length).toBeGreaterThan(10);
          return;
        }
        const table = parseCsvTable(decoded.value.text);
        if (!table.ok) {
          expect(table.error.message.length).toBeGreaterThan(10);
          return;
        }
        expect(table.value.rows.every((row) => row.every((cell) => typeof cell === 'string'))).toBe(true);
        validateTable(table.value, LOADS_MAPPING);
      }),
      { numRuns: 500, seed: SEED },
    );
  });

  it('CSV-like text with quotes, separators and headers that clash', () => {
    const cell = fc.stringMatching(/^[a-zA-Z0-9 ,;"=\-+@\t\r\n\uFEFF_.#]{0,12}$/u);
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 }), (rows) => {
        const text = rows.map((row) => row.join(',')).join('\n');
        const table = parseCsvTable(text);
        if (table.ok) {
          expect(new Set(table.value.headers).size).toBe(table.value.headers.length);
          validateTable(table.value, { 'load.loadNumber': table.value.headers[0] ?? 'x' });
        }
      }),
      { numRuns: 500, seed: SEED },
    );
  });

  it('cells as dates and numbers', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        const date = parseDateCell(text);
        if (date !== null) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/u);
        const number = parseNumberCell(text);
        if (number !== null) expect(Number.isFinite(number)).toBe(true);
        for (const kind of KINDS) {
          const read = readNumber(text, kind);
          if (!read.ok) expect(read.why.length).toBeGreaterThan(5);
          else if (kind === 'money' || kind === 'decimal') expect(Number.isFinite(read.value)).toBe(true);
          else expect(Number.isSafeInteger(read.value) || Number.isInteger(read.value)).toBe(true);
        }
      }),
      { numRuns: 2000, seed: SEED },
    );
  });

  it('carrier numbers: any prefix, separator and number reads back, or is refused for the other identifier', () => {
    const prefixes = ['MC', 'mc', 'M.C.', 'MC No.', 'USDOT', 'US DOT', 'U.S. DOT', 'DOT', ''];
    fc.assert(
      fc.property(
        fc.constantFrom(...prefixes),
        fc.constantFrom('', ' ', '#', '-', ': ', '# ', ' #'),
        fc.integer({ min: 1, max: 99_999_999 }),
        (prefix, separator, value) => {
          const text = `${prefix}${separator}${value}`;
          const named = prefix === '' ? null : /^m/iu.test(prefix) ? 'mc' : 'dot';
          for (const kind of ['mc', 'dot'] as const) {
            const read = readNumber(text, kind);
            if (named === null || named === kind) expect(read).toEqual({ ok: true, value });
            else expect(read.ok).toBe(false);
          }
        },
      ),
      { numRuns: 1000, seed: SEED },
    );
  });
});
