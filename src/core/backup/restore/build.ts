import { logActivity, readAllActivity } from '../../db/activity';
import { TABLE_COLUMNS, type DataTables } from '../../db/rows';
import { META_KEYS, writeMeta } from '../../db/meta';
import { openDatabase } from '../../db/open';
import { DATA_TABLES, type DataTable } from '../../db/schema';
import type { Database, SqlJsStatic, SqlValue } from '../../db/sql-types';
import { insertRows } from '../../db/tables';
import { inTransaction, selectRows } from '../../db/transaction';
import { describeThrown, fail, ok, type Result } from '../../result';

/**
 * Builds the database a restore (or an undo) will swap in, apart from the live one: a fresh
 * database, every row inserted in one transaction, this browser's own bookkeeping (app_meta,
 * activity_log) carried over from the live database, then verified from the database itself.
 * The live database is only read. Any failure closes the new database and returns a message.
 */

const MESSAGES = {
  failed: 'The restore could not be completed: the new database could not be built. Nothing was changed. Try again; if it keeps failing, report the details.',
  unverified: 'The restore could not be completed: the rebuilt database did not pass its checks, so it was not used. Nothing was changed. Report the details.',
};

export interface RestoreBuildArgs {
  tables: DataTables;
  /** The live database: its app_meta and activity_log are copied (it is never written). */
  keepFrom: Database;
  /** ISO UTC; becomes the restore time and the last change time. */
  now: string;
  activity: { kind: 'restore' | 'undo'; summary: string; details: Record<string, unknown> };
  onProgress?: (fraction: number) => void;
}

/** A new, verified database holding `tables` and the live database's own bookkeeping. */
export function buildRestoredDatabase(SQL: SqlJsStatic, args: RestoreBuildArgs): Result<Database> {
  let db: Database;
  try {
    db = openDatabase(SQL);
  } catch (error) {
    return fail('restore-failed', MESSAGES.failed, describeThrown(error));
  }
  try {
    const meta = selectRows<{ key: string; value: string }>(args.keepFrom, 'SELECT key, value FROM app_meta ORDER BY key');
    const activity = readAllActivity(args.keepFrom);
    const totalRows = Math.max(1, DATA_TABLES.reduce((sum, table) => sum + args.tables[table].length, 0));
    let rowsBefore = 0;
    inTransaction(db, () => {
      withIndexesBuiltAfter(db, () => {
        for (const table of DATA_TABLES) {
          insertRows(db, table, args.tables[table], (written) => args.onProgress?.((0.8 * (rowsBefore + written)) / totalRows));
          rowsBefore += args.tables[table].length;
        }
      });
      for (const { key, value } of meta) db.run('INSERT INTO app_meta (key, value) VALUES (?, ?)', [key, value]);
      copyActivity(db, activity);
      writeMeta(db, META_KEYS.restoredAt, args.now);
      writeMeta(db, META_KEYS.lastChangeAt, args.now);
      logActivity(db, { at: args.now, kind: args.activity.kind, summary: args.activity.summary, details: args.activity.details });
    });
    const problem = verifyDatabase(db, args.tables);
    args.onProgress?.(1);
    if (problem !== null) {
      db.close();
      return fail('restore-unverified', MESSAGES.unverified, problem);
    }
    return ok(db);
  } catch (error) {
    db.close();
    return fail('restore-failed', MESSAGES.failed, describeThrown(error));
  }
}

/**
 * Checks the new database from the inside: SQLite's integrity and foreign-key checks, and every
 * row read back equal, column by column, to the rows planned (stricter than comparing the two
 * checksums: equal rows give equal canonical text). Returns what is wrong, or null.
 */
export function verifyDatabase(db: Database, expected: DataTables): string | null {
  const integrity = db.exec('PRAGMA integrity_check')[0]?.values.map((row) => row[0]);
  if (!integrity || integrity.length !== 1 || integrity[0] !== 'ok') return `integrity_check: ${JSON.stringify(integrity).slice(0, 500)}`;
  const foreignKeys = db.exec('PRAGMA foreign_key_check')[0]?.values ?? [];
  if (foreignKeys.length > 0) return `foreign_key_check: ${foreignKeys.length} violations, first ${JSON.stringify(foreignKeys[0])}`;
  for (const table of DATA_TABLES) {
    const mismatch = compareTable(db, table, expected[table]);
    if (mismatch !== null) return mismatch;
  }
  return null;
}

/**
 * Reads a table back in id order and compares every column with the planned rows. Streams the
 * rows as arrays (no object per row) and sorts the plan only when it is not already in id order:
 * this read-back is the largest part of a restore after the insert itself.
 */
function compareTable(db: Database, table: DataTable, planned: readonly object[]): string | null {
  const columns: readonly string[] = TABLE_COLUMNS[table];
  const byId = (row: object) => (row as { id: number }).id;
  const isSorted = planned.every((row, i) => i === 0 || byId(planned[i - 1] as object) < byId(row));
  const want = isSorted ? planned : [...planned].sort((a, b) => byId(a) - byId(b));
  const stmt = db.prepare(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY id`);
  try {
    let index = 0;
    while (stmt.step()) {
      const got = stmt.get();
      const row = want[index] as Record<string, unknown> | undefined;
      if (row === undefined) return `${table}: more rows stored than the ${want.length} expected`;
      for (let c = 0; c < columns.length; c++) {
        if ((got[c] ?? null) !== (row[columns[c] as string] ?? null)) return `${table}: row id ${String(row.id)} reads back differently`;
      }
      index++;
    }
    return index === want.length ? null : `${table}: ${index} rows stored, ${want.length} expected`;
  } finally {
    stmt.free();
  }
}

/**
 * Runs a bulk load with the secondary indexes dropped and rebuilt afterwards: building an index
 * once from sorted data is cheaper than updating it on every insert (PERF.md: 582 → 457 ms at
 * 100k rows). Same transaction, so a failure restores them with everything else.
 */
function withIndexesBuiltAfter(db: Database, load: () => void): void {
  const indexes = db.exec("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")[0]?.values ?? [];
  for (const [name] of indexes) db.exec(`DROP INDEX "${String(name)}"`);
  load();
  for (const [, sql] of indexes) db.exec(String(sql));
}

/** Copies activity entries, ids included, so the log reads the same after the restore. */
function copyActivity(db: Database, rows: ReturnType<typeof readAllActivity>): void {
  const stmt = db.prepare('INSERT INTO activity_log (id, at, kind, summary, details) VALUES (?, ?, ?, ?, ?)');
  try {
    for (const row of rows) stmt.run([row.id, row.at, row.kind, row.summary, row.details] satisfies SqlValue[]);
  } finally {
    stmt.free();
  }
}
