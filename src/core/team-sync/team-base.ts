import { TABLE_COLUMNS } from '../db/rows';
import { META_KEYS, markChanged, writeMeta } from '../db/meta';
import type { Database, SqlValue } from '../db/sql-types';
import { selectRows } from '../db/transaction';
import { settleEditable } from './apply';
import { removeCapture, withoutCapture } from './capture-triggers';
import { encodeValue } from './editable-state';
import { EDITABLE_FIELDS, EDITABLE_TABLES, EXISTS, type EditableTable } from './sync-tables';

/**
 * A database becomes the base of a restore epoch: the team was created from it, or a team
 * restore put it in place. Its rows keep their ids; every brokerage and configuration field gets
 * one write (so later edits have something to overwrite knowingly), with the clock `clockFor`
 * gives; every configuration change keeps the configuration it names. The team's shared
 * bookkeeping starts again from nothing: a restore replaces everything.
 */

/** The team's shared bookkeeping (carried in snapshots); this browser's own is kept. */
export const SHARED_SYNC_TABLES = [
  'team_sync_writes',
  'team_sync_overwritten',
  'team_sync_clocks',
  'team_sync_dropped',
  'team_sync_links',
  'team_sync_waiting',
] as const;

/** Forgets every trace of team sync in a database (a restored copy of a team database, say). */
export function clearSyncState(db: Database): void {
  removeCapture(db);
  const tables =
    db.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'team\\_sync\\_%' ESCAPE '\\'")[0]
      ?.values ?? [];
  for (const [name] of tables) db.exec(`DELETE FROM ${String(name)}`);
}

/** The database was just restored (for everyone): its restore time and last change time are now. */
export function markRestored(db: Database, nowIso: string): void {
  writeMeta(db, META_KEYS.restoredAt, nowIso);
  markChanged(db, nowIso);
}

export type BaseClock = (table: EditableTable, row: Record<string, SqlValue>) => string;

/** Makes `db`'s data the base of an epoch (inside the caller's transaction). */
export function adoptAsBase(db: Database, clockFor: BaseClock, person: string): void {
  withoutCapture(db, () => {
    for (const table of SHARED_SYNC_TABLES) db.exec(`DELETE FROM ${table}`);
    const brokerageIds = new Map<string, number>();
    for (const table of EDITABLE_TABLES) {
      const write = db.prepare(
        'INSERT INTO team_sync_writes (tbl, row_id, field, hlc, value, person) VALUES (?, ?, ?, ?, ?, ?)',
      );
      try {
        for (const row of selectRows<Record<string, SqlValue>>(
          db,
          `SELECT ${TABLE_COLUMNS[table].join(', ')} FROM ${table}`,
        )) {
          if (table === 'brokerages') brokerageIds.set(String(row.name), Number(row.id));
          const values: Record<string, SqlValue> = { ...row, [EXISTS]: 1 };
          if (table === 'brokerage_configurations')
            values.brokerage_id = brokerageIds.get(String(row.brokerage_name)) ?? null;
          const clock = clockFor(table, row);
          for (const field of [...EDITABLE_FIELDS[table], EXISTS]) {
            write.run([table, Number(row.id), field, clock, encodeValue(values[field] ?? null), person]);
          }
        }
      } finally {
        write.free();
      }
    }
    db.exec(
      'INSERT INTO team_sync_links (row_id, configuration_id) SELECT id, configuration_id FROM configuration_changes',
    );
    settleEditable(db);
  });
}
