import { databaseChecksum } from '../backup/checksum/database-rows';
import { exportDatabase, openDatabase } from '../db/open';
import { countRows } from '../db/tables';
import { DATA_TABLES, type DataTable } from '../db/schema';
import type { Database, SqlJsStatic } from '../db/sql-types';
import { describeThrown, fail, ok, type Result } from '../result';
import { removeCapture } from './capture-triggers';
import { SHARED_SYNC_TABLES } from './team-base';

/**
 * A team snapshot: the team database as one SQLite file — the data tables and the team's shared
 * bookkeeping (team-base.ts), without anything that is this browser's own (its processing runs,
 * activity, settings, its team store connection and keys, outbox, positions) and without rows of a
 * run still sending. Joining or catching up opens it as a database (no row-by-row load), after
 * checking it is exactly our schema and nothing more (no trigger or view could come with it), that
 * SQLite finds it sound, and that its data has the checksum its sealed header names.
 */

/** What is kept of team_sync_meta: the epoch the data descends from. */
const SHARED_META = ['epoch', 'epoch_clock', 'team'];
const LOCAL_TABLES = [
  'processing_loads',
  'processing_runs',
  'activity_log',
  'app_meta',
  'team_store',
  'team_sync_next_ids',
  'team_sync_new_ids',
  'team_sync_outbox',
  'team_sync_pending',
  'team_sync_outgoing',
  'team_sync_positions',
  'team_sync_devices',
  'team_sync_lost',
  'team_sync_refused',
];

export interface SnapshotFile {
  bytes: Uint8Array;
  checksum: string;
  counts: Record<DataTable, number>;
}

/** The snapshot of a live database's bytes (every local write captured first: the caller's job). */
export async function buildSnapshot(SQL: SqlJsStatic, liveBytes: Uint8Array): Promise<SnapshotFile> {
  const copy = new SQL.Database(liveBytes);
  try {
    copy.exec('PRAGMA secure_delete = ON');
    copy.exec('PRAGMA foreign_keys = ON');
    copy.exec('BEGIN');
    removeCapture(copy);
    copy.exec(
      `DELETE FROM upload_history WHERE id IN (SELECT upload_history_id FROM processing_runs WHERE state = 'sending')`,
    );
    for (const table of LOCAL_TABLES) copy.exec(`DELETE FROM ${table}`);
    copy.run(`DELETE FROM team_sync_meta WHERE key NOT IN (${SHARED_META.map(() => '?').join(', ')})`, SHARED_META);
    copy.exec('COMMIT');
    const checksum = await databaseChecksum(copy);
    return { bytes: exportDatabase(copy), checksum, counts: countRows(copy) };
  } finally {
    copy.close();
  }
}

/** Opens a snapshot's bytes as a database, refusing anything that is not exactly one of ours. */
export async function openSnapshot(SQL: SqlJsStatic, bytes: Uint8Array, checksum: string): Promise<Result<Database>> {
  let db: Database;
  try {
    db = openDatabase(SQL, bytes);
  } catch (error) {
    return refuse(`it does not open as a database of this version: ${describeThrown(error)}`);
  }
  try {
    const problem = schemaProblem(SQL, db) ?? soundnessProblem(db);
    if (problem !== null) return close(db, refuse(problem));
    const stored = await databaseChecksum(db);
    if (stored !== checksum) return close(db, refuse(`its data hashes to ${stored}, its header says ${checksum}`));
    return ok(db);
  } catch (error) {
    return close(db, refuse(describeThrown(error)));
  }
}

/** The rows a snapshot shares (for tests and the header). */
export function snapshotCounts(db: Database): Record<DataTable, number> {
  return countRows(db);
}

function schemaProblem(SQL: SqlJsStatic, db: Database): string | null {
  const fresh = openDatabase(SQL);
  try {
    const shape = (d: Database) =>
      (
        d.exec("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name")[0]
          ?.values ?? []
      )
        .map((row) => JSON.stringify(row))
        .join('\n');
    return shape(db) === shape(fresh) ? null : 'its schema is not exactly this app’s (an extra table, trigger or view)';
  } finally {
    fresh.close();
  }
}

function soundnessProblem(db: Database): string | null {
  const check = db.exec('PRAGMA quick_check')[0]?.values.map((row) => row[0]);
  if (check?.length !== 1 || check[0] !== 'ok')
    return `SQLite finds it damaged: ${JSON.stringify(check).slice(0, 200)}`;
  if ((db.exec('PRAGMA foreign_key_check')[0]?.values.length ?? 0) > 0) return 'rows point at rows it does not hold';
  for (const table of [...LOCAL_TABLES.filter((t) => t.startsWith('team_sync_')), 'team_sync_switch']) {
    if (db.exec(`SELECT 1 FROM ${table} LIMIT 1`)[0]) return `it carries a browser's own ${table}`;
  }
  return null;
}

function refuse(why: string): Result<never> {
  return fail(
    'team-snapshot-refused',
    'A snapshot of the team database in the team store could not be used, so nothing of it was applied. The app will use another snapshot or the change logs.',
    why,
  );
}

function close<T>(db: Database, result: T): T {
  db.close();
  return result;
}

/** The tables a snapshot carries besides the data (for docs and tests). */
export const SNAPSHOT_TABLES = [...DATA_TABLES, ...SHARED_SYNC_TABLES, 'team_sync_restores', 'team_sync_meta'];
