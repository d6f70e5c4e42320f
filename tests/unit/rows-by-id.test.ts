import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachRowById } from '../../src/core/db/rows-by-id';
import type { Database, SqlJsStatic, SqlValue } from '../../src/core/db/sql-types';
import { loadSqlJs } from '../support/sqljs';

/**
 * forEachRowById reads a row's texts joined into one and cuts them apart; what it gives must be
 * exactly what sql.js's Statement.get gives for every row — texts with NUL, quotes, control
 * characters, a leading U+FEFF, unpaired surrogates (stored as bytes that are not UTF-8), emoji,
 * blobs in text columns, numbers and nulls in any column — in id order.
 */

const TABLE =
  'CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, n INTEGER, r REAL, b VARCHAR(20), c CLOB, any_value, d TEXT)';
const COLUMNS = ['id', 'a', 'n', 'r', 'b', 'c', 'any_value', 'd'] as const;

function withRows(SQL: SqlJsStatic, rows: SqlValue[][]): Database {
  const db = new SQL.Database();
  db.exec(TABLE);
  const insert = db.prepare(`INSERT INTO t (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`);
  for (const row of rows) insert.run(row);
  insert.free();
  return db;
}

function readByGet(db: Database): SqlValue[][] {
  const stmt = db.prepare(`SELECT ${COLUMNS.join(', ')} FROM t ORDER BY id`);
  const rows: SqlValue[][] = [];
  while (stmt.step()) rows.push(stmt.get());
  stmt.free();
  return rows;
}

function readById(db: Database): SqlValue[][] {
  const rows: SqlValue[][] = [];
  const count = forEachRowById(db, 't', COLUMNS, (values) => rows.push(values));
  expect(count).toBe(rows.length);
  return rows;
}

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '',
    '\u0000',
    'a\u0000b',
    '"\\',
    '\n\t\u0001\u007f',
    '\uFEFFx',
    '\uFEFF\uFEFF',
    'a\uD800b',
    '\uDC00',
    'é',
    '😀',
    '["a","b"]',
    'x'.repeat(5_000),
  ),
);
const number = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -0, 2 ** 53 - 1, 0.1, 1e300, Infinity));
const blob = fc.uint8Array({ maxLength: 8 });
const value = fc.oneof(
  { weight: 4, arbitrary: text },
  { weight: 2, arbitrary: number },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: blob },
);
const rows = fc.array(fc.tuple(value, value, value, value, value, value, value), { maxLength: 30 });

describe('forEachRowById', () => {
  it('gives exactly the values Statement.get gives, for any stored values', async () => {
    const SQL = await loadSqlJs();
    fc.assert(
      fc.property(
        rows,
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 30, maxLength: 30 }),
        (generated, ids) => {
          // Ids out of insertion order, so id order is not rowid-insertion order.
          const distinct = [...new Set(ids)];
          const stored = generated.slice(0, distinct.length).map((values, i) => [distinct[i] as number, ...values]);
          const db = withRows(SQL, stored);
          try {
            expect(readById(db)).toEqual(readByGet(db));
          } finally {
            db.close();
          }
        },
      ),
      { seed: 20261202, numRuns: 200 },
    );
  });

  it('cuts plain ASCII rows apart, and reads the others by rowid', async () => {
    const SQL = await loadSqlJs();
    const db = withRows(SQL, [
      [3, 'plain', 7, 1.5, '', null, 'x', 'tail'],
      [1, 'café', null, null, 'b', 'c', null, null],
      [2, null, 1, 2.25, null, new Uint8Array([1, 2]), 5, ''],
    ]);
    expect(readById(db)).toEqual([
      [1, 'café', null, null, 'b', 'c', null, null],
      [2, null, 1, 2.25, null, new Uint8Array([1, 2]), 5, ''],
      [3, 'plain', 7, 1.5, '', null, 'x', 'tail'],
    ]);
    db.close();
  });

  it('reads a table without text columns, and an empty table', async () => {
    const SQL = await loadSqlJs();
    const db = new SQL.Database();
    db.exec('CREATE TABLE n (id INTEGER PRIMARY KEY, v REAL); INSERT INTO n VALUES (2, 0.5), (1, NULL)');
    const seen: SqlValue[][] = [];
    expect(forEachRowById(db, 'n', ['id', 'v'], (values) => seen.push(values))).toBe(2);
    expect(seen).toEqual([
      [1, null],
      [2, 0.5],
    ]);
    db.exec('DELETE FROM n');
    expect(forEachRowById(db, 'n', ['id', 'v'], () => {})).toBe(0);
    db.close();
  });
});
