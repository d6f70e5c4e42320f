import { loadBackup, type Candidate } from '../../core/backup/load/load-backup';
import { openDatabaseCandidate } from '../../core/backup/load/open-candidate';
import { verifyBackupFile } from '../../core/backup/load/verify';
import type { TableChange } from '../../core/backup/restore/changes';
import { withAttached } from '../../core/backup/restore/attach';
import { finishReplace } from '../../core/backup/restore/build';
import { countsOf, nameChanges } from '../../core/backup/restore/names';
import type { BackupContents } from '../../core/backup/scan/byte-source';
import type { SecretsMode } from '../../core/backup/format/format';
import { writeBackupFile, type WrittenBackup } from '../../core/backup/write/write';
import type { ActivityRow } from '../../core/db/rows';
import type { DataTable } from '../../core/db/schema';
import type { Database, SqlJsStatic } from '../../core/db/sql-types';
import { openDatabase } from '../../core/db/open';
import { fail, ok, type Result } from '../../core/result';
import type { RestorePreview } from '../api';
import type { LiveDatabase } from '../live-database';
import type { RestoreOperations } from '../operations/restore';

/**
 * Every place where snapshots meet the restore engine (src/core/backup), in one module:
 * - a snapshot is a restore candidate like a file: its SQLite file opened apart, migrated,
 *   checked and certified by its content checksum (which must equal the manifest's);
 * - restoring it = the usual names preview and apply;
 * - undo = the pre-restore snapshot's database finished as a replace, this browser's log kept;
 * - verifying a file = the restore engine's own verification in a scratch database;
 * - downloading a snapshot = a normal backup file written from its database.
 * No step reads the rows as objects: they stay in SQLite from snapshot to file or live database.
 */

const MESSAGES = {
  notCertified: 'This snapshot could not be opened or failed its checks, so it was not used. Nothing was changed. Choose another snapshot.',
};

/**
 * A snapshot's database as a restore candidate; `expectedChecksum` is its manifest's. The bytes
 * come from openSnapshotBytes, whose SHA-256 equals the manifest's — and a manifest's checksum is
 * only ever set by a check of a copy with that same SHA-256 (judgeSnapshotCheck), which also found
 * its integrity and foreign keys sound — so that checksum is proven for these bytes.
 */
export async function openSnapshotCandidate(SQL: SqlJsStatic, bytes: Uint8Array, facts: { label: string; takenAt: string; expectedChecksum: string | null }): Promise<Result<Candidate>> {
  const opened = await openDatabaseCandidate(SQL, bytes, {
    label: facts.label,
    createdAt: facts.takenAt,
    ...(facts.expectedChecksum ? { expectedChecksum: facts.expectedChecksum, provenChecksum: facts.expectedChecksum } : {}),
  });
  return opened.ok ? ok(opened.candidate) : fail('snapshot-uncertified', MESSAGES.notCertified, opened.error.detail ?? opened.error.message);
}

/** Previews restoring a snapshot, exactly as a file (then `applyRestore(previewId, mode)`); takes the candidate. */
export function previewSnapshotRestore(restores: RestoreOperations, name: string, candidate: Candidate): Result<RestorePreview> {
  return restores.inspectCandidate(name, candidate);
}

/** Per table, what replacing the live database with `candidate` adds, changes and removes (matched by names). */
export function countReplaceChanges(live: LiveDatabase, candidate: Candidate): Record<DataTable, TableChange> {
  const names = live.read((db) => withAttached(candidate.db, db, 'live', () => nameChanges(candidate.db)));
  return countsOf(names.replace);
}

/** The database an undo swaps in: the snapshot's rows, this browser's log and bookkeeping carried over. Consumes the candidate. */
export function buildUndoneDatabase(live: LiveDatabase, candidate: Candidate, args: { now: string; summary: string; details: Record<string, unknown> }): Promise<Result<Database>> {
  return live.read((db) => finishReplace(candidate.db, db, { now: args.now, activity: { kind: 'undo', summary: args.summary, details: args.details }, origin: null }));
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
 * Reads and checks a backup file completely into a scratch database, as a restore would (every
 * row, integrity, foreign keys, the checksum certified by reading the rows back) — the live
 * database is never touched. An encrypted file without its passphrase reads as `locked`.
 */
export async function restoreIntoScratch(SQL: SqlJsStatic, contents: BackupContents, options: { passphrase?: string; now: string; elapsedMs: () => number }): Promise<Result<ScratchRestoreReport | 'locked'>> {
  const started = options.elapsedMs();
  const verified = await verifyBackupFile(SQL, contents, { now: options.now, ...(options.passphrase ? { passphrase: options.passphrase } : {}) });
  if (!verified.ok) return verified;
  if ('locked' in verified) return ok('locked');
  const { report } = verified;
  if (report.integrity !== 'ok' || report.foreignKeyViolations > 0) {
    return fail('verify-unsound', `The file reads, but the database it gives fails SQLite's checks (${report.integrity}, ${report.foreignKeyViolations} broken links). Do not rely on it: make a new backup.`);
  }
  return ok({ shapeLabel: report.shapeLabel, createdAt: report.createdAt, counts: report.counts, checksum: report.checksum, warnings: report.warnings.length, restoreMs: options.elapsedMs() - started });
}

/** The checksum a written file carries, read back and certified as a restore would. */
export async function readBackChecksum(SQL: SqlJsStatic, contents: BackupContents, options: { passphrase?: string; now: string }): Promise<Result<{ checksum: string | null }>> {
  const read = await loadBackup(SQL, contents, { now: options.now, ...(options.passphrase ? { passphrase: options.passphrase } : {}) });
  if (!read.ok) return read;
  if ('locked' in read) return ok({ checksum: null });
  read.candidate.db.close();
  return ok({ checksum: read.candidate.checksum });
}

/** A normal ff2api_backup file of a snapshot's database (restores anywhere). */
export async function buildSnapshotBackupFile(SQL: SqlJsStatic, bytes: Uint8Array, args: {
  activity: readonly ActivityRow[];
  takenAt: string;
  appVersion: string;
  schemaVersion: number;
  secrets: SecretsMode;
  passphrase?: string;
}): Promise<WrittenBackup> {
  const db = openDatabase(SQL, bytes);
  try {
    return await writeBackupFile(db, args.activity, {
      createdAt: args.takenAt, trigger: 'snapshot', appVersion: args.appVersion, schemaVersion: args.schemaVersion, secrets: args.secrets,
      ...(args.passphrase ? { passphrase: args.passphrase } : {}),
    });
  } finally {
    db.close();
  }
}
