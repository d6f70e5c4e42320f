import { TABLE_COLUMNS, type DataTables } from './rows';
import type { DataTable } from './schema';
import type { Database, SqlValue } from './sql-types';

/** Reads every row of a data table, in id order, as plain objects keyed by column name. */
export function readAllRows<T extends DataTable>(db: Database, table: T): DataTables[T] {
  const columns = TABLE_COLUMNS[table];
  const stmt = db.prepare(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY id`);
  const rows: Record<string, SqlValue>[] = [];
  try {
    // get() returns arrays, 2–4× faster than getAsObject() on big tables.
    while (stmt.step()) {
      const values = stmt.get();
      const row: Record<string, SqlValue> = {};
      for (let i = 0; i < columns.length; i++) row[columns[i] as string] = values[i] ?? null;
      rows.push(row);
    }
  } finally {
    stmt.free();
  }
  return rows as unknown as DataTables[T];
}

/** Reads every data table. */
export function readAllTables(db: Database): DataTables {
  return {
    brokerages: readAllRows(db, 'brokerages'),
    brokerage_configurations: readAllRows(db, 'brokerage_configurations'),
    upload_history: readAllRows(db, 'upload_history'),
    processing_errors: readAllRows(db, 'processing_errors'),
    configuration_changes: readAllRows(db, 'configuration_changes'),
  };
}

/**
 * Inserts rows (ids included) with one prepared statement. The caller owns the transaction.
 * `onProgress` is called every `progressEvery` rows with the number written so far.
 */
export function insertRows<T extends DataTable>(
  db: Database,
  table: T,
  rows: DataTables[T],
  onProgress?: (written: number) => void,
  progressEvery = 5000,
): void {
  const columns = TABLE_COLUMNS[table];
  const placeholders = columns.map(() => '?').join(', ');
  const stmt = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${placeholders})`);
  try {
    const values: SqlValue[] = new Array<SqlValue>(columns.length);
    let written = 0;
    for (const row of rows as unknown as Record<string, SqlValue>[]) {
      for (let i = 0; i < columns.length; i++) values[i] = row[columns[i] as string] ?? null;
      stmt.run(values);
      written++;
      if (onProgress && written % progressEvery === 0) onProgress(written);
    }
    onProgress?.(written);
  } finally {
    stmt.free();
  }
}

/** Row counts of every data table. */
export function countRows(db: Database): Record<DataTable, number> {
  const count = (table: DataTable): number => {
    const value = db.exec(`SELECT COUNT(*) FROM ${table}`)[0]?.values[0]?.[0];
    return typeof value === 'number' ? value : 0;
  };
  return {
    brokerages: count('brokerages'),
    brokerage_configurations: count('brokerage_configurations'),
    upload_history: count('upload_history'),
    processing_errors: count('processing_errors'),
    configuration_changes: count('configuration_changes'),
  };
}
