import { TABLE_COLUMNS } from '../db/rows';
import { DATA_TABLES, type DataTable } from '../db/schema';
import type { Database } from '../db/sql-types';
import { selectValue } from '../db/transaction';
import { withAttached } from '../backup/restore/attach';
import type { TableComparison } from './drill-types';

/**
 * A drill's comparison of a backup restored apart with the live data, table by table and row by
 * row (by id), SQLite comparing inside one statement (the rows never come into JavaScript).
 * Differences are explained by the changes made since the backup: a row added after it, a row
 * whose own time says it changed after it, a row gone while the data changed after it — and every
 * difference, when the live data was replaced or merged into since (a restore, a merge, an undo):
 * rows then come back or go with their own, older times.
 */

/**
 * Restores, merges and undos of the live data that went through (failed ones are logged too) at or
 * after a time: the copy kept just before one is made at the same moment.
 */
const REPLACED_SINCE = `SELECT COUNT(*) FROM live.activity_log WHERE kind IN ('restore', 'undo') AND at >= ?
  AND COALESCE(CASE WHEN json_valid(details) THEN json_extract(details, '$.ok') END, 1) != 0`;

/**
 * The column that says when a live row (`l`) was made, and the expression that says when it last
 * changed (null: rows of that table carry no such time — a configuration processed with is
 * touched through last_used_at only).
 */
const TIMES: Record<DataTable, { made: string; changed: string | null }> = {
  brokerages: { made: 'created_at', changed: 'l.updated_at' },
  brokerage_configurations: { made: 'created_at', changed: "MAX(l.updated_at, COALESCE(l.last_used_at, ''))" },
  upload_history: { made: 'upload_timestamp', changed: null },
  processing_errors: { made: 'created_at', changed: null },
  configuration_changes: { made: 'changed_at', changed: null },
};

/**
 * Compares `backup` (main) with `live`. `backupAt`: when the backup was made; `liveChangedAt`:
 * the live data's last change (a removal, or a change to a row without a time of its own, is
 * explained only if the data changed after the backup).
 */
export function compareWithLive(
  backup: Database,
  live: Database,
  backupAt: string,
  liveChangedAt: string | null,
): TableComparison[] {
  const changedAfter = liveChangedAt !== null && liveChangedAt > backupAt;
  return withAttached(backup, live, 'live', () => {
    const wasReplaced = Number(selectValue(backup, REPLACED_SINCE, [backupAt]) ?? 0) > 0;
    const tables = DATA_TABLES.map((table) => compareTable(backup, table, backupAt, changedAfter));
    return wasReplaced ? tables.map(explainedByReplace) : tables;
  });
}

function compareTable(db: Database, table: DataTable, backupAt: string, changedAfter: boolean): TableComparison {
  const count = (sql: string, params: (string | number)[] = []) => Number(selectValue(db, sql, params) ?? 0);
  const { made, changed } = TIMES[table];
  const differs = TABLE_COLUMNS[table].map((column) => `b.${column} IS NOT l.${column}`).join(' OR ');
  const onlyLive = `FROM live.${table} l WHERE NOT EXISTS (SELECT 1 FROM main.${table} b WHERE b.id = l.id)`;
  const onlyBackup = `FROM main.${table} b WHERE NOT EXISTS (SELECT 1 FROM live.${table} l WHERE l.id = b.id)`;
  const both = `FROM main.${table} b JOIN live.${table} l ON l.id = b.id WHERE (${differs})`;
  const addedSince = count(`SELECT COUNT(*) ${onlyLive}`);
  const addedUnexplained = count(`SELECT COUNT(*) ${onlyLive} AND l.${made} < ?`, [backupAt]);
  const removedSince = count(`SELECT COUNT(*) ${onlyBackup}`);
  const changedSince = count(`SELECT COUNT(*) ${both}`);
  const changedUnexplained = changedAfter
    ? changed === null
      ? 0
      : count(`SELECT COUNT(*) ${both} AND ${changed} < ?`, [backupAt])
    : changedSince;
  return {
    table,
    inBackup: count(`SELECT COUNT(*) FROM main.${table}`),
    now: count(`SELECT COUNT(*) FROM live.${table}`),
    addedSince,
    addedUnexplained,
    removedSince,
    removedUnexplained: changedAfter ? 0 : removedSince,
    changedSince,
    changedUnexplained,
  };
}

/** A comparison whose every difference is explained by a restore, merge or undo since the backup. */
function explainedByReplace(table: TableComparison): TableComparison {
  return { ...table, addedUnexplained: 0, removedUnexplained: 0, changedUnexplained: 0 };
}
