import { TABLE_COLUMNS } from '../db/rows';
import type { Database } from '../db/sql-types';

/**
 * When the team's data arrives as a whole database (joining, catching up from a snapshot, a team
 * restore), this browser's own rows come along from the database it had: its settings and
 * activity, its place in the team store (identity, connection, keys), its processing runs (with
 * their loads, where their upload is there), the upload and errors of a run still sending (not
 * shared yet), and its team bookkeeping (`keep`: which of its sync tables). An upload of a sending
 * run that the new data already holds (a backup restored to the team can carry one) keeps the new
 * data's copy, and is noted as changed, so the run's own copy is shared as an update when it ends.
 * Only `next` is written.
 */

const HELD = "SELECT upload_history_id FROM here.processing_runs WHERE state = 'sending'";
const columnList = (table: keyof typeof TABLE_COLUMNS) => TABLE_COLUMNS[table].join(', ');

/** The sync tables a browser keeps through a change of its data; the rest start again. */
export type KeptSyncTable =
  | 'team_sync_meta'
  | 'team_sync_pending'
  | 'team_sync_outgoing'
  | 'team_sync_positions'
  | 'team_sync_devices'
  | 'team_sync_lost'
  | 'team_sync_refused';

/**
 * Copies this browser's own rows into `next` from the database attached to it as `here`, inside a
 * transaction the caller opened (SQLite detaches only after it ends: see assemble.ts).
 */
export function carryLocalRows(next: Database, keep: readonly KeptSyncTable[]): void {
  {
    next.exec(`
      DELETE FROM main.processing_loads; DELETE FROM main.processing_runs;
      DELETE FROM main.app_meta; INSERT INTO main.app_meta SELECT * FROM here.app_meta;
      DELETE FROM main.activity_log; INSERT INTO main.activity_log SELECT * FROM here.activity_log;
      DELETE FROM main.team_store; INSERT INTO main.team_store SELECT * FROM here.team_store;
      INSERT INTO main.team_sync_outbox (tbl, row_id, op, old)
        SELECT 'upload_history', id, 'update', NULL FROM here.upload_history
        WHERE id IN (${HELD}) AND id IN (SELECT id FROM main.upload_history);
      INSERT OR IGNORE INTO main.upload_history (${columnList('upload_history')})
        SELECT ${columnList('upload_history')} FROM here.upload_history WHERE id IN (${HELD});
      INSERT INTO main.team_sync_outbox (tbl, row_id, op, old)
        SELECT o.tbl, o.row_id, o.op, o.old FROM here.team_sync_outbox o
        WHERE (o.tbl = 'upload_history' AND o.row_id IN (${HELD}) AND o.row_id NOT IN (SELECT row_id FROM main.team_sync_outbox))
          OR (o.tbl = 'processing_errors' AND o.row_id IN (SELECT id FROM here.processing_errors WHERE upload_history_id IN (${HELD})));
      INSERT OR IGNORE INTO main.processing_errors (${columnList('processing_errors')})
        SELECT ${columnList('processing_errors')} FROM here.processing_errors WHERE upload_history_id IN (${HELD});
      INSERT INTO main.processing_runs
        SELECT r.upload_history_id,
          CASE WHEN r.configuration_id IN (SELECT id FROM main.brokerage_configurations) THEN r.configuration_id END,
          r.state, r.stop_reason, r.file_fingerprint, r.file_size, r.field_mappings, r.invalid_records, r.owner,
          r.started_at, r.updated_at
        FROM here.processing_runs r WHERE r.upload_history_id IN (SELECT id FROM main.upload_history);
      INSERT INTO main.processing_loads SELECT * FROM here.processing_loads
        WHERE upload_history_id IN (SELECT upload_history_id FROM main.processing_runs);`);
    for (const table of keep)
      next.exec(`DELETE FROM main.${table}; INSERT INTO main.${table} SELECT * FROM here.${table};`);
  }
}
