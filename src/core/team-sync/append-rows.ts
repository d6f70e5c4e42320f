import { TABLE_COLUMNS } from '../db/rows';
import type { Database, SqlValue } from '../db/sql-types';
import { selectRows, selectValue } from '../db/transaction';
import type { DropChange, RowChange } from './changes';
import type { AppendTable } from './sync-tables';

/**
 * History-like rows (uploads, processing errors, configuration changes): appended once, never in
 * conflict. A row arrives with all its columns; if it is here already, only the columns a change
 * changed are written, each when its clock is later than that column's last — so the row ends the
 * same whichever order its changes come in. A delete is final. A processing error whose upload
 * has not arrived yet waits for it (team_sync_waiting). A configuration change's link to its
 * configuration is kept apart (team_sync_links) and worked out after every batch (relinkChanges).
 */

const SQL = {
  isDropped: 'SELECT 1 FROM team_sync_dropped WHERE tbl = ? AND row_id = ?',
  exists: (table: AppendTable) => `SELECT 1 FROM ${table} WHERE id = ?`,
  clock: 'SELECT hlc FROM team_sync_clocks WHERE tbl = ? AND row_id = ? AND col = ?',
  setClock:
    'INSERT INTO team_sync_clocks (tbl, row_id, col, hlc) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET hlc = excluded.hlc',
  drop: 'INSERT OR IGNORE INTO team_sync_dropped (tbl, row_id, hlc) VALUES (?, ?, ?)',
  wait: 'INSERT OR IGNORE INTO team_sync_waiting (tbl, row_id, parent_id, change) VALUES (?, ?, ?, ?)',
  link: 'INSERT INTO team_sync_links (row_id, configuration_id) VALUES (?, ?) ON CONFLICT DO UPDATE SET configuration_id = excluded.configuration_id',
  waitingFor: `SELECT w.change, w.parent_id, EXISTS (SELECT 1 FROM upload_history u WHERE u.id = w.parent_id) AS arrived,
      EXISTS (SELECT 1 FROM team_sync_dropped d WHERE d.tbl = 'upload_history' AND d.row_id = w.parent_id) AS dropped
    FROM team_sync_waiting w`,
  unwait: 'DELETE FROM team_sync_waiting WHERE change = ?',
} as const;

/** Applies one row change; `clock` is its clock text. Returns whether the table changed. */
export function applyRowChange(db: Database, change: RowChange, clock: string): boolean {
  const { t: table, id } = change;
  if (selectValue(db, SQL.isDropped, [table, id]) !== undefined) return false;
  const columns: string[] = TABLE_COLUMNS[table].filter((c) => c !== 'id');
  if (selectValue(db, SQL.exists(table), [id]) === undefined) {
    const parent = table === 'processing_errors' ? change.v[columns.indexOf('upload_history_id')] : null;
    if (typeof parent === 'number' && selectValue(db, SQL.exists('upload_history'), [parent]) === undefined) {
      if (selectValue(db, SQL.isDropped, ['upload_history', parent]) === undefined) {
        db.run(SQL.wait, [table, id, parent, JSON.stringify({ change, clock })]);
      }
      return false;
    }
    const values = change.v.map((v, i) =>
      table === 'configuration_changes' && columns[i] === 'configuration_id' ? null : v,
    );
    db.run(`INSERT INTO ${table} (id, ${columns.join(', ')}) VALUES (?, ${columns.map(() => '?').join(', ')})`, [
      id,
      ...values,
    ]);
    if (table === 'configuration_changes')
      db.run(SQL.link, [id, change.v[columns.indexOf('configuration_id')] ?? null]);
    for (const column of change.c ?? []) db.run(SQL.setClock, [table, id, column, clock]);
    return true;
  }
  let changed = false;
  for (const column of change.c ?? []) {
    const last = selectValue(db, SQL.clock, [table, id, column]);
    if (typeof last === 'string' && last >= clock) continue;
    db.run(`UPDATE ${table} SET ${column} = ? WHERE id = ?`, [change.v[columns.indexOf(column)] ?? null, id]);
    db.run(SQL.setClock, [table, id, column, clock]);
    changed = true;
  }
  return changed;
}

/** Applies a delete (final: the row never comes back). Returns whether the table changed. */
export function applyDropChange(db: Database, change: DropChange, clock: string): boolean {
  db.run(SQL.drop, [change.t, change.id, clock]);
  const present = selectValue(db, SQL.exists(change.t), [change.id]) !== undefined;
  if (present) db.run(`DELETE FROM ${change.t} WHERE id = ?`, [change.id]);
  return present;
}

/** Applies the rows that waited for an upload which has now arrived (or drops them with it). */
export function releaseWaitingRows(db: Database): boolean {
  let changed = false;
  for (const row of selectRows<{ change: string; arrived: number; dropped: number }>(db, SQL.waitingFor)) {
    if (!row.arrived && !row.dropped) continue;
    db.run(SQL.unwait, [row.change]);
    if (row.arrived) {
      const { change, clock } = JSON.parse(row.change) as { change: RowChange; clock: string };
      changed = applyRowChange(db, change, clock) || changed;
    }
  }
  return changed;
}

/**
 * Points each shared configuration change at the configuration it names as that configuration is
 * shown now (`shownId`: its group's id, or null when it is deleted or not known yet).
 */
export function relinkChanges(db: Database, shownId: (configurationId: number) => number | null): number {
  const rows = selectRows<{ id: number; current: number | null; intent: number | null }>(
    db,
    `SELECT c.id, c.configuration_id AS current, l.configuration_id AS intent
     FROM configuration_changes c JOIN team_sync_links l ON l.row_id = c.id`,
  );
  let changed = 0;
  for (const row of rows) {
    const wanted: SqlValue = row.intent === null ? null : shownId(row.intent);
    if (wanted === row.current) continue;
    db.run('UPDATE configuration_changes SET configuration_id = ? WHERE id = ?', [wanted, row.id]);
    changed++;
  }
  return changed;
}
