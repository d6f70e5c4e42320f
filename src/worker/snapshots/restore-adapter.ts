import { readBackupFile, type ParsedBackup } from '../../core/backup/read/read';
import { buildRestoredDatabase } from '../../core/backup/restore/build';
import { planRestore } from '../../core/backup/restore/plan';
import type { TableChange } from '../../core/backup/restore/changes';
import { buildBackupFile, type BuiltBackup } from '../../core/backup/write/write';
import type { SecretsMode } from '../../core/backup/format/format';
import type { ActivityRow, DataTables } from '../../core/db/rows';
import type { DataTable } from '../../core/db/schema';
import type { Database, SqlJsStatic } from '../../core/db/sql-types';
import { openDatabase } from '../../core/db/open';
import { countRows } from '../../core/db/tables';
import { ok, type Result } from '../../core/result';
import type { RestorePreview } from '../api';
import type { LiveDatabase } from '../live-database';
import type { RestoreOperations } from '../operations/restore';

/**
 * Every place where snapshots meet the restore pipeline, in one module, so that a new restore
 * engine connects here and nowhere else:
 * - restoring a snapshot = the usual preview and apply, fed with the snapshot's tables;
 * - undo = a database built from the pre-restore snapshot's tables, swapped in;
 * - verifying a file = read and check it, then build it in a scratch database;
 * - downloading a snapshot = a normal backup file of its tables.
 */

/** A snapshot's tables, as the restore preview expects a file's. */
export interface SnapshotTables {
  /** What the preview and the activity log call it, e.g. "snapshot of Nov 22, 2026, 5:00 PM". */
  name: string;
  takenAt: string;
  tables: DataTables;
  checksum: string;
  counts: Record<DataTable, number>;
}

/** Previews restoring a snapshot, exactly as a file (then `applyRestore(previewId, mode)`). */
export function previewSnapshotRestore(restores: RestoreOperations, snapshot: SnapshotTables): Result<RestorePreview> {
  const parsed: ParsedBackup = {
    shape: 'ff2api-web-2',
    shapeLabel: 'Snapshot kept in this browser',
    createdAt: snapshot.takenAt,
    secrets: 'plain',
    tables: snapshot.tables,
    warnings: [],
    checksum: snapshot.checksum,
    fileCounts: snapshot.counts,
  };
  return restores.inspectTables(snapshot.name, parsed);
}

/** Per table, what replacing `current` with `incoming` adds, changes and removes. */
export function planReplaceChanges(current: DataTables, incoming: DataTables): Record<DataTable, TableChange> {
  return planRestore(current, incoming, 'replace').changes;
}

/** The database an undo swaps in: the snapshot's rows, this browser's log and times carried over. */
export function buildUndoneDatabase(SQL: SqlJsStatic, live: LiveDatabase, args: { tables: DataTables; now: string; summary: string; details: Record<string, unknown> }): Result<Database> {
  return live.read((db) => buildRestoredDatabase(SQL, { tables: args.tables, keepFrom: db, now: args.now, activity: { kind: 'undo', summary: args.summary, details: args.details } }));
}

/** Stores `next` and makes it the live database (all or nothing). */
export function replaceLiveDatabase(live: LiveDatabase, next: Database): Promise<Result<void>> {
  return live.replaceWith(next);
}

/** What verifying a file found. */
export interface ScratchRestoreReport {
  shapeLabel: string;
  createdAt: string | null;
  counts: Record<DataTable, number>;
  checksum: string;
  warnings: number;
  /** Time to read, check and build the file into a database: the restore time it would take. */
  restoreMs: number;
}

/**
 * Reads and checks a backup file completely, then builds it into a scratch database (integrity,
 * foreign keys, every row read back) — the live database is never touched. An encrypted file
 * without its passphrase reads as `locked`.
 */
export async function restoreIntoScratch(SQL: SqlJsStatic, bytes: Uint8Array, options: { passphrase?: string; now: string; elapsedMs: () => number }): Promise<Result<ScratchRestoreReport | 'locked'>> {
  const started = options.elapsedMs();
  const read = await readBackupFile(bytes, { now: options.now, ...(options.passphrase ? { passphrase: options.passphrase } : {}) });
  if (!read.ok) return read;
  if ('locked' in read) return ok('locked');
  const scratch = openDatabase(SQL);
  try {
    const built = buildRestoredDatabase(SQL, { tables: read.backup.tables, keepFrom: scratch, now: options.now, activity: { kind: 'restore', summary: 'Verification (scratch database)', details: {} } });
    if (!built.ok) return built;
    const counts = countRows(built.value);
    built.value.close();
    const { shapeLabel, createdAt, checksum, warnings } = read.backup;
    return ok({ shapeLabel, createdAt, counts, checksum, warnings: warnings.length, restoreMs: options.elapsedMs() - started });
  } finally {
    scratch.close();
  }
}

/** The checksum a written file carries, read back and checked as a restore would. */
export async function readBackChecksum(bytes: Uint8Array, options: { passphrase?: string; now: string }): Promise<Result<{ checksum: string | null }>> {
  const read = await readBackupFile(bytes, { now: options.now, ...(options.passphrase ? { passphrase: options.passphrase } : {}) });
  if (!read.ok) return read;
  return ok({ checksum: 'locked' in read ? null : read.backup.checksum });
}

/** A normal ff2api_backup file of a snapshot's tables (restores anywhere). */
export function buildSnapshotBackupFile(args: {
  tables: DataTables;
  activity: readonly ActivityRow[];
  takenAt: string;
  appVersion: string;
  schemaVersion: number;
  secrets: SecretsMode;
  passphrase?: string;
}): Promise<BuiltBackup> {
  return buildBackupFile({
    tables: args.tables, activity: args.activity, createdAt: args.takenAt, trigger: 'snapshot', appVersion: args.appVersion,
    schemaVersion: args.schemaVersion, secrets: args.secrets, ...(args.passphrase ? { passphrase: args.passphrase } : {}),
  });
}
