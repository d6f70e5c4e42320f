/**
 * How this browser's runs among a page of Upload history stand, read with one small query of their
 * own: the history page loads with the app, so it must not pull in the processing run code.
 */
import { markOf, notSentOf, type RunLiveness, type RunMark, type RunState } from './run-standing';
import type { Database } from './sql-types';
import { selectRows } from './transaction';

const SQL = {
  marks: (count: number) => `SELECT h.id, r.state, h.total_records AS total, h.successful_records AS sent,
      h.failed_records AS failed,
      (SELECT COUNT(*) FROM processing_loads l WHERE l.upload_history_id = h.id AND l.state = 'claimed') AS uncertain
    FROM upload_history h JOIN processing_runs r ON r.upload_history_id = h.id
    WHERE h.id IN (${Array.from({ length: count }, () => '?').join(', ')})`,
} as const;

interface MarkRow {
  id: number;
  state: RunState;
  total: number;
  sent: number;
  failed: number;
  uncertain: number;
}

/** The marks of the runs among these history ids (rows restored from a backup have none). */
export function readRunMarks(db: Database, ids: readonly number[], livenessOf: (id: number) => RunLiveness): RunMark[] {
  if (ids.length === 0) return [];
  return selectRows<MarkRow>(db, SQL.marks(ids.length), [...ids]).map((row) =>
    markOf(
      {
        id: row.id,
        state: row.state,
        sent: row.sent,
        failed: row.failed,
        notSent: notSentOf(row.total, row.sent, row.failed, row.uncertain),
        claimed: row.uncertain,
      },
      livenessOf(row.id),
    ),
  );
}
