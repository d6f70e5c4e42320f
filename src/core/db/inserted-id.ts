import type { DataTable } from './schema';
import type { Database } from './sql-types';
import { selectValue } from './transaction';

const SQL = {
  lastId: 'SELECT last_insert_rowid()',
  // In a team the capture trigger moves a new row into this browser's id range at once; it notes
  // the move, because last_insert_rowid() still names the id SQLite first gave the row.
  moved: 'SELECT id FROM team_sync_new_ids WHERE tbl = ? AND temp_id = ?',
} as const;

/** The id of the row the last INSERT into `table` created, wherever the team's id range put it. */
export function insertedRowId(db: Database, table: DataTable): number {
  const first = Number(selectValue(db, SQL.lastId));
  const moved = selectValue(db, SQL.moved, [table, first]);
  return typeof moved === 'number' ? moved : first;
}
