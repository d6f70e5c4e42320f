/**
 * A run's `error_log` on its history row: a JSON array of its failures in the original's shape
 * (`{success:false, error, status_code, row_index, load_number}`), API refusals and invalid rows
 * alike, at most the first 1,000 (every one is in processing_errors).
 */
import type { Database } from './sql-types';
import { selectRows } from './transaction';

const MAX_ENTRIES = 1000;

const SQL = {
  failures: `SELECT row_number, load_number, status_code, message FROM processing_loads
    WHERE upload_history_id = ? AND state = 'failed' ORDER BY row_number LIMIT ?`,
  invalid: `SELECT row_number, group_concat(error_message, ' ') AS message FROM processing_errors
    WHERE upload_history_id = ? AND error_type = 'validation' GROUP BY row_number ORDER BY row_number LIMIT ?`,
  write: 'UPDATE upload_history SET error_log = ? WHERE id = ?',
} as const;

/** Rewrites a run's error log from its records. */
export function writeErrorLog(db: Database, runId: number): void {
  const api = selectRows<{
    row_number: number;
    load_number: string | null;
    status_code: number | null;
    message: string | null;
  }>(db, SQL.failures, [runId, MAX_ENTRIES]);
  const invalid = selectRows<{ row_number: number; message: string }>(db, SQL.invalid, [runId, MAX_ENTRIES]);
  const entries = [
    ...invalid.map((row) => ({
      success: false,
      error: row.message,
      status_code: null,
      row_index: row.row_number,
      load_number: null,
      kind: 'validation',
    })),
    ...api.map((row) => ({
      success: false,
      error: row.message,
      status_code: row.status_code,
      row_index: row.row_number,
      load_number: row.load_number,
      kind: 'api',
    })),
  ]
    .sort((a, b) => a.row_index - b.row_index)
    .slice(0, MAX_ENTRIES);
  db.run(SQL.write, [entries.length === 0 ? null : JSON.stringify(entries), runId]);
}
