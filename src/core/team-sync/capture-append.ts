import { TABLE_COLUMNS } from '../db/rows';
import type { Database, SqlValue } from '../db/sql-types';
import { selectRows, selectValue } from '../db/transaction';
import type { ClockPair, DropChange, RowChange } from './changes';
import { updatableColumns, type AppendTable } from './sync-tables';

/**
 * Turns a local write to a history-like row into a change: a row new since the last capture is
 * shared with all its columns; a changed one with the columns that differ from what it held
 * before (the trigger kept that); a deleted one as a final delete. A configuration change's link
 * to its configuration is shared as the configuration it was written for, never the NULL a
 * deletion left behind.
 */

export interface OutboxNote {
  table: AppendTable;
  rowId: number;
  /** The first operation since the last capture. */
  op: 'insert' | 'update' | 'delete';
  /** The columns (without id) before that operation, as JSON; null for inserts and deletes. */
  old: string | null;
}

/** The change for one noted row, or null when nothing is left to share. */
export function captureAppendRow(
  db: Database,
  note: OutboxNote,
  epoch: string,
  nextClock: () => ClockPair,
): RowChange | DropChange | null {
  const { table, rowId } = note;
  const columns: string[] = TABLE_COLUMNS[table].filter((c) => c !== 'id');
  const row = selectRows<Record<string, SqlValue>>(db, `SELECT ${columns.join(', ')} FROM ${table} WHERE id = ?`, [
    rowId,
  ])[0];
  if (!row) return note.op === 'insert' ? null : { k: 'drop', e: epoch, h: nextClock(), t: table, id: rowId };
  const values = columns.map((c) => row[c] ?? null);
  if (table === 'configuration_changes') {
    const link = selectValue(db, 'SELECT configuration_id FROM team_sync_links WHERE row_id = ?', [rowId]);
    if (link !== undefined) values[columns.indexOf('configuration_id')] = link as SqlValue;
  }
  if (note.op === 'insert') return { k: 'row', e: epoch, h: nextClock(), t: table, id: rowId, v: values, c: null };
  const before = note.old === null ? null : (JSON.parse(note.old) as SqlValue[]);
  const changed = updatableColumns(table).filter((column) => {
    const i = columns.indexOf(column);
    return before === null || !sameValue(before[i] ?? null, values[i] ?? null);
  });
  if (changed.length === 0) return null;
  return { k: 'row', e: epoch, h: nextClock(), t: table, id: rowId, v: values, c: changed };
}

/** SQLite's JSON keeps reals to 15 digits: a column equal up to that did not change. */
function sameValue(before: SqlValue, after: SqlValue): boolean {
  if (typeof before === 'number' && typeof after === 'number')
    return before === after || Math.abs(before - after) <= Math.abs(after) * 1e-14;
  return before === after;
}
