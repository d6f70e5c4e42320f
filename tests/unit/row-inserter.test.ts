import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RowInserter } from '../../src/core/db/row-inserter';
import type { Database, SqlJsStatic, SqlValue } from '../../src/core/db/sql-types';
import { loadSqlJs } from '../support/sqljs';

/**
 * The row inserter binds values straight into SQLite's memory; what it stores must be exactly
 * what sql.js's own Statement.run stores — the same values with the same SQLite types — and a
 * row SQLite refuses must fail with sql.js's own error, leaving the other rows in place.
 */

const TABLE = 'CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, n INTEGER, r REAL, b TEXT UNIQUE, any_value)';
const INSERT = 'INSERT INTO t (id, a, n, r, b, any_value) VALUES (?, ?, ?, ?, ?, ?)';

function fresh(SQL: SqlJsStatic): Database {
  const db = new SQL.Database();
  db.exec(TABLE);
  return db;
}

/** Every stored row with each value's SQLite type, so 5 and 5.0 or '5' and 5 differ. */
function stored(db: Database): SqlValue[][] {
  return (
    db.exec(
      'SELECT id, a, typeof(a), n, typeof(n), r, typeof(r), b, typeof(b), any_value, typeof(any_value), length(a), hex(a) FROM t ORDER BY id',
    )[0]?.values ?? []
  );
}

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', '\u0000', 'a\u0000b', 'é', '😀', 'x'.repeat(70_000)),
);
const number = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.maxSafeInteger(),
  fc.constantFrom(0, -0, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 - 1, 0.1, 1e300, Number.NaN, Infinity, -Infinity),
);
const value = fc.oneof(text, number, fc.constant(null));
const rows = fc.array(fc.tuple(value, value, value, value, value), { maxLength: 40 });

describe('RowInserter', () => {
  it('binds directly with this sql.js build', async () => {
    const SQL = await loadSqlJs();
    const db = fresh(SQL);
    const inserter = RowInserter.prepare(SQL, db, INSERT);
    expect(inserter.isDirect).toBe(true);
    inserter.free();
    db.close();
  });

  it('stores exactly what Statement.run stores, for any values', async () => {
    const SQL = await loadSqlJs();
    fc.assert(
      fc.property(rows, (generated) => {
        const plain = fresh(SQL);
        const direct = fresh(SQL);
        const statement = plain.prepare(INSERT);
        const inserter = RowInserter.prepare(SQL, direct, INSERT);
        const outcomes: [string, string][] = [];
        generated.forEach((values, i) => {
          const row: SqlValue[] = [i + 1, ...values];
          let plainError = '';
          let directError = '';
          try {
            statement.run(row);
          } catch (error) {
            plainError = String(error);
          }
          try {
            inserter.run(row);
          } catch (error) {
            directError = String(error);
          }
          outcomes.push([plainError, directError]);
        });
        statement.free();
        inserter.free();
        for (const [plainError, directError] of outcomes) expect(directError).toBe(plainError);
        expect(stored(direct)).toEqual(stored(plain));
        plain.close();
        direct.close();
      }),
      { numRuns: 150, seed: 20261201 },
    );
  });

  it('refuses a row with sql.js’s own message and keeps the rows before and after it', async () => {
    const SQL = await loadSqlJs();
    const db = fresh(SQL);
    const inserter = RowInserter.prepare(SQL, db, INSERT);
    inserter.run([1, 'first', 1, 1.5, 'same', null]);
    expect(() => inserter.run([2, 'second', 2, 2.5, 'same', null])).toThrow(/UNIQUE constraint failed: t\.b/);
    expect(() => inserter.run([1, 'again', 3, 3.5, 'other', null])).toThrow(/UNIQUE constraint failed: t\.id/);
    inserter.run([3, 'third', 3, 3.5, 'different', 'x']);
    inserter.free();
    expect(db.exec('SELECT id, a FROM t ORDER BY id')[0]?.values).toEqual([
      [1, 'first'],
      [3, 'third'],
    ]);
    db.close();
  });

  it('binds a blob through Statement.run, and falls back entirely when the low-level exports are missing', async () => {
    const SQL = await loadSqlJs();
    const db = fresh(SQL);
    const inserter = RowInserter.prepare(SQL, db, INSERT);
    inserter.run([1, 'a', 1, 1, 'b', new Uint8Array([1, 2, 3])]);
    inserter.free();
    // A build without the low-level exports: every row through Statement.run.
    const limited = new Proxy(SQL, {
      get: (target, key) => (key === '_sqlite3_bind_text' ? undefined : Reflect.get(target, key)),
    });
    const fallback = RowInserter.prepare(limited, db, INSERT);
    expect(fallback.isDirect).toBe(false);
    fallback.run([2, 'c', 2, 2, 'd', null]);
    fallback.free();
    expect(db.exec('SELECT id, hex(any_value), typeof(any_value), a FROM t ORDER BY id')[0]?.values).toEqual([
      [1, '010203', 'blob', 'a'],
      [2, '', 'null', 'c'],
    ]);
    db.close();
  });
});
