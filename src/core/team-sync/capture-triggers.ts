import { TABLE_COLUMNS } from '../db/rows';
import { DATA_TABLES, type DataTable } from '../db/schema';
import type { Database } from '../db/sql-types';
import type { IdRange } from './id-range';
import { isAppendTable } from './sync-tables';

/**
 * Change capture: triggers on the five data tables note every row a local write touches in
 * `team_sync_outbox`, inside that write's own transaction, whatever code made the write — so a
 * write is either not made at all or noted. The engine turns the notes into changes afterwards
 * (capture.ts). A new row is also moved at once into this browser's id range (id-range.ts); the
 * code that inserted it reads its id through insertedRowId (core/db/inserted-id.ts).
 *
 * One note per row until the next capture: the first operation, and for history-like rows the
 * columns as they were before it, which is all capture needs. The triggers do nothing while the
 * engine itself applies the team's changes (`capturing` = 0). They live in the database file, are
 * installed only in a team, and are not part of any backup or snapshot.
 */

const NOT_NOTED = (table: DataTable, row: string) =>
  `NOT EXISTS (SELECT 1 FROM team_sync_outbox WHERE tbl = '${table}' AND row_id = ${row})`;
const CAPTURING = '(SELECT capturing FROM team_sync_switch) = 1';
const IN_RANGE = (row: string) =>
  `${row} BETWEEN (SELECT id_low FROM team_sync_switch) AND (SELECT id_high FROM team_sync_switch)`;
const MOVED = (table: DataTable) => `(SELECT id FROM team_sync_new_ids WHERE tbl = '${table}' AND temp_id = NEW.id)`;

function triggerSql(table: DataTable): string {
  const old = isAppendTable(table)
    ? `json_array(${TABLE_COLUMNS[table]
        .filter((c) => c !== 'id')
        .map((c) => `OLD.${c}`)
        .join(', ')})`
    : 'NULL';
  return `
    CREATE TRIGGER team_sync_${table}_insert AFTER INSERT ON ${table} WHEN ${CAPTURING}
    BEGIN
      INSERT OR REPLACE INTO team_sync_new_ids (tbl, temp_id, id)
        SELECT '${table}', NEW.id, next_id FROM team_sync_next_ids WHERE tbl = '${table}' AND NOT (${IN_RANGE('NEW.id')});
      UPDATE team_sync_next_ids SET next_id = next_id + 1
        WHERE tbl = '${table}' AND NOT (${IN_RANGE('NEW.id')});
      UPDATE ${table} SET id = ${MOVED(table)} WHERE id = NEW.id AND NOT (${IN_RANGE('NEW.id')});
      INSERT INTO team_sync_outbox (tbl, row_id, op)
        SELECT '${table}', COALESCE(${MOVED(table)}, NEW.id), 'insert';
    END;
    CREATE TRIGGER team_sync_${table}_update AFTER UPDATE ON ${table} WHEN ${CAPTURING} AND OLD.id = NEW.id
    BEGIN
      INSERT INTO team_sync_outbox (tbl, row_id, op, old)
        SELECT '${table}', NEW.id, 'update', ${old} WHERE ${NOT_NOTED(table, 'NEW.id')};
    END;
    CREATE TRIGGER team_sync_${table}_delete AFTER DELETE ON ${table} WHEN ${CAPTURING}
    BEGIN
      INSERT INTO team_sync_outbox (tbl, row_id, op) SELECT '${table}', OLD.id, 'delete' WHERE ${NOT_NOTED(table, 'OLD.id')};
    END;`;
}

/** Installs the triggers (replacing any) and sets this browser's id range; capturing starts on. */
export function installCapture(db: Database, range: IdRange): void {
  removeCapture(db);
  db.run('INSERT INTO team_sync_switch (one, capturing, id_low, id_high) VALUES (1, 1, ?, ?)', [range.low, range.high]);
  for (const table of DATA_TABLES) {
    const highest = db.exec(`SELECT MAX(id) FROM ${table} WHERE id BETWEEN ? AND ?`, [range.low, range.high])[0]
      ?.values[0]?.[0];
    const next = typeof highest === 'number' ? highest + 1 : range.low;
    db.run(
      'INSERT INTO team_sync_next_ids (tbl, next_id) VALUES (?, ?) ON CONFLICT (tbl) DO UPDATE SET next_id = MAX(next_id, excluded.next_id)',
      [table, next],
    );
    db.exec(triggerSql(table));
  }
}

/** Drops the triggers and the switch (leaving a team, or a database about to be shared as a snapshot). */
export function removeCapture(db: Database): void {
  for (const table of DATA_TABLES) {
    for (const op of ['insert', 'update', 'delete']) db.exec(`DROP TRIGGER IF EXISTS team_sync_${table}_${op}`);
  }
  db.exec('DELETE FROM team_sync_switch');
}

/** True when this database captures local writes (the triggers are in place). */
export function hasCapture(db: Database): boolean {
  const count = db.exec("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'team_sync_%'")[0]
    ?.values[0]?.[0];
  return count === DATA_TABLES.length * 3 && db.exec('SELECT 1 FROM team_sync_switch')[0] !== undefined;
}

/** Runs `work` with capture off (the engine applying the team's changes), then on again. */
export function withoutCapture<T>(db: Database, work: () => T): T {
  db.exec('UPDATE team_sync_switch SET capturing = 0');
  try {
    return work();
  } finally {
    db.exec('UPDATE team_sync_switch SET capturing = 1');
  }
}
