import type { Database, SqlValue, Statement } from './sql-types';

/**
 * Reads every row of a table in id order, each as the values `Statement.get` gives for its
 * columns — for the passes that read every row (a backup, a restore's read-back). sql.js decodes
 * each text value with its own TextDecoder call, and at 100k rows those calls, not the work,
 * were a quarter of a backup. Here SQLite hands over a row's text columns joined into one text
 * (`concat`) with each one's length in bytes (`octet_length`; null for null), so a row costs one
 * decode, and its texts are cut from it.
 *
 * The values are exactly `Statement.get`'s. A row takes this way only when its joined text is
 * ASCII: then a byte is a character, every text decodes the same alone or joined (no invalid
 * UTF-8, no leading U+FEFF for a decoder to drop), and byte lengths are character lengths. Any
 * other row — a non-ASCII character, a blob in a text column — is read again by its rowid with
 * `Statement.get`, as is every row when this SQLite lacks `concat` or `octet_length` (3.44+).
 * Columns of other affinities are read as they are. `tests/unit/rows-by-id.test.ts` compares
 * both ways over generated rows.
 */

// eslint-disable-next-line no-control-regex -- a range that starts at NUL: every byte outside ASCII
const NON_ASCII = /[^\x00-\x7f]/;
/** The byte length given for a blob in a text column: such a row is read by its rowid. */
const BLOB = -1;

/** Calls `onRow` with each row's values in `columns` order, in id order; returns the number of rows. */
export function forEachRowById(
  db: Database,
  table: string,
  columns: readonly string[],
  onRow: (values: SqlValue[]) => void,
): number {
  const isText = textAffinityColumns(db, table, columns);
  const texts = columns.filter((_, i) => isText[i]);
  const others = columns.filter((_, i) => !isText[i]);
  const lengths = texts.map((c) => `CASE WHEN typeof(${c}) = 'blob' THEN ${BLOB} ELSE octet_length(${c}) END`);
  let stmt: Statement;
  try {
    if (texts.length === 0) throw new Error('no text columns');
    stmt = db.prepare(
      `SELECT rowid, ${[...others, `concat(${texts.join(', ')})`, ...lengths].join(', ')} FROM ${table} ORDER BY id`,
    );
  } catch {
    return forEachPlainRow(db, table, columns, onRow);
  }
  const joinedAt = 1 + others.length;
  let byRowid: Statement | null = null;
  let count = 0;
  try {
    while (stmt.step()) {
      const got = stmt.get();
      const values = cutRow(got, joinedAt, isText);
      if (values !== null) onRow(values);
      else {
        byRowid ??= db.prepare(`SELECT ${columns.join(', ')} FROM ${table} WHERE rowid = ?`);
        onRow(byRowid.get([got[0] as number]));
      }
      count++;
    }
  } finally {
    stmt.free();
    byRowid?.free();
  }
  return count;
}

/** A row's values from [rowid, ...others, joined, ...lengths]; null when it must be read as it is. */
function cutRow(got: SqlValue[], joinedAt: number, isText: readonly boolean[]): SqlValue[] | null {
  const joined = got[joinedAt];
  if (typeof joined !== 'string') return null;
  let total = 0;
  for (let i = joinedAt + 1; i < got.length; i++) {
    const length = got[i];
    if (length === BLOB) return null;
    if (typeof length === 'number') total += length;
  }
  if (joined.length !== total || NON_ASCII.test(joined)) return null;
  const values = new Array<SqlValue>(isText.length);
  let at = 0;
  let text = joinedAt + 1;
  let other = 1;
  for (let i = 0; i < isText.length; i++) {
    if (!isText[i]) {
      values[i] = got[other++] as SqlValue;
      continue;
    }
    const length = got[text++];
    if (typeof length !== 'number') values[i] = null;
    else {
      values[i] = joined.slice(at, at + length);
      at += length;
    }
  }
  return values;
}

function forEachPlainRow(
  db: Database,
  table: string,
  columns: readonly string[],
  onRow: (values: SqlValue[]) => void,
): number {
  const stmt = db.prepare(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY id`);
  let count = 0;
  try {
    while (stmt.step()) {
      onRow(stmt.get());
      count++;
    }
  } finally {
    stmt.free();
  }
  return count;
}

/**
 * Which columns have TEXT affinity, by SQLite's rules on the declared type (a type containing INT
 * is INTEGER; else one containing CHAR, CLOB or TEXT is TEXT). Such a column holds only text,
 * null or a blob: SQLite stores a number given to it as text.
 */
function textAffinityColumns(db: Database, table: string, columns: readonly string[]): boolean[] {
  const declared = new Map(
    (db.exec(`PRAGMA table_info(${table})`)[0]?.values ?? []).map((row) => [
      String(row[1]),
      String(row[2]).toUpperCase(),
    ]),
  );
  return columns.map((column) => {
    const type = declared.get(column);
    if (type === undefined || type.includes('INT')) return false;
    return type.includes('CHAR') || type.includes('CLOB') || type.includes('TEXT');
  });
}
