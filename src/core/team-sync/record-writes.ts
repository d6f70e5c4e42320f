import type { Database } from '../db/sql-types';
import type { SetChange } from './changes';
import { encodeValue } from './editable-state';

const SQL = {
  write: 'INSERT OR IGNORE INTO team_sync_writes (tbl, row_id, field, hlc, value, person) VALUES (?, ?, ?, ?, ?, ?)',
  seen: 'INSERT OR IGNORE INTO team_sync_overwritten (tbl, row_id, field, hlc) VALUES (?, ?, ?, ?)',
} as const;

/**
 * Records a field-write change: its writes, and the writes it had seen as overwritten. Both are
 * sets that only grow (a change recorded twice adds nothing), so recording is idempotent and
 * its order never matters; the tables are then brought to the writes' state by materializing.
 */
export function recordSetChange(db: Database, change: SetChange, clock: string, person: string): void {
  for (const [field, value] of Object.entries(change.f)) {
    db.run(SQL.write, [change.t, change.id, field, clock, encodeValue(value), person]);
  }
  for (const [field, refs] of Object.entries(change.b)) {
    for (const [rowId, seenClock] of refs) db.run(SQL.seen, [change.t, rowId, field, seenClock]);
  }
}
