import type { TableChange } from '../../core/backup/restore/changes';
import type { SecretsMode } from '../../core/backup/format/format';
import type { DataTable } from '../../core/db/schema';
import type { AppError, Result } from '../../core/result';
import type { ChangesSince } from '../../core/snapshots/changes-since';
import type { TimeOfDay } from '../../core/snapshots/end-of-day';
import type { BackupFileRecord } from '../../core/snapshots/health';
import type { SnapshotVerification } from '../../core/snapshots/manifest';
import type { ScratchRestoreReport } from './restore-adapter';
import type { KeepReason } from '../../core/snapshots/retention';
import type { SnapshotTrigger } from '../../core/snapshots/triggers';
import type { BackupFile, BackupReceipt, BackupSource, DatabaseStatus, RestoreOutcome, RestorePreview } from '../api';

/**
 * The part of the DatabaseApi for automatic backups: snapshots, the backup folder's records,
 * verifying files, health facts and undo. Every time-based decision uses the page's clock, which
 * travels with each call (DESIGN.md "One clock").
 */
export interface SnapshotApi {
  /** Every snapshot, newest first, with why it is kept, and the storage they use. */
  listSnapshots(): Promise<SnapshotList>;
  /** `Take snapshot now` (trigger Manual), verified before it resolves. */
  takeSnapshot(note?: string): Promise<Result<SnapshotRow>>;
  /** The page's minute tick: takes the automatic snapshots that are due (After changes, Hourly, End of day). */
  runSnapshotSchedule(request: ScheduleRequest): Promise<ScheduleOutcome>;
  setSnapshotPinned(id: string, pinned: boolean): Promise<Result<SnapshotRow>>;
  deleteSnapshot(id: string): Promise<Result<void>>;
  /** Checks a stored snapshot again, completely; a failure is recorded and shown. */
  verifySnapshot(id: string): Promise<Result<SnapshotRow>>;
  /** Previews restoring a snapshot like a file; then `applyRestore(previewId, mode)`. */
  inspectSnapshot(id: string): Promise<Result<RestorePreview>>;
  /** `Restore to a time`: the newest verified snapshot at or before `atIso`. */
  findSnapshotAt(atIso: string): Promise<Result<SnapshotRow>>;
  /** A normal ff2api_backup file of a snapshot (it restores anywhere). */
  downloadSnapshot(id: string, request: { secrets: SecretsMode; passphrase?: string }): Promise<Result<BackupFile>>;

  /** What `Undo restore` would undo, and what changed since (those changes would be lost). */
  describeUndo(): Promise<Result<UndoPreview>>;

  /** `Verify a backup file`: a full check in a scratch database, logged; live data untouched. */
  verifyBackupFile(file: BackupSource, options?: { passphrase?: string }): Promise<Result<FileVerification>>;
  /** Reads back a file just written into the backup folder and checks it carries `checksum`. */
  checkWrittenFile(file: BackupSource, checksum: string, options?: { passphrase?: string }): Promise<Result<void>>;
  /** Records a write into the backup folder: a checked file becomes the backup point; a failure is kept for health. */
  recordFolderWrite(outcome: FolderWriteOutcome): Promise<Result<DatabaseStatus>>;
  /** Everything the worker knows for the health panel and the eviction check. */
  getBackupOverview(): Promise<BackupOverview>;
}

export interface SnapshotRow {
  id: string;
  takenAt: string;
  trigger: SnapshotTrigger;
  note: string | null;
  counts: Record<DataTable, number>;
  databaseBytes: number;
  storedBytes: number;
  verification: SnapshotVerification;
  /** 'user' until unpinned; 'until' a time (safety copies); null. */
  pin: { kind: 'user' } | { kind: 'until'; until: string } | null;
  keptFor: KeepReason[];
}

export interface SnapshotList {
  snapshots: SnapshotRow[];
  storedBytes: number;
  budgetBytes: number;
  storage: { usageBytes: number; quotaBytes: number } | null;
  persisted: boolean | null;
}

export interface ScheduleRequest {
  endOfDay: TimeOfDay;
}

export interface ScheduleOutcome {
  /** The snapshot taken by this tick, if any. */
  took: SnapshotRow | null;
  /** A snapshot that was due but failed (shown as an alert; health turns Critical). */
  failure: AppError | null;
  /** End of day ran now: the page writes the daily file into the folder (or shows the banner). */
  endOfDayRan: boolean;
}

export interface UndoPreview {
  /** What is undone: a restore (replace or merge) of `sourceName`, or an earlier undo. */
  kind: 'restore' | 'merge' | 'undo';
  sourceName: string;
  at: string;
  /** The snapshot the undo returns to. */
  snapshot: SnapshotRow;
  /** Per table, what undoing does to the database as it is now. */
  changes: Record<DataTable, TableChange>;
  /** Changes made since that restore (lost by undoing); null when there were none. */
  changedSince: (ChangesSince & { lastChangeAt: string }) | null;
}

/** What `Verify a backup file` found: the scratch restore's report, for which file, and when. */
export interface FileVerification extends ScratchRestoreReport {
  fileName: string;
  verifiedAt: string;
}

export type FolderWriteOutcome =
  | { ok: true; receipt: BackupReceipt; path: string }
  | { ok: false; path: string; message: string; detail?: string };

export interface BackupOverview {
  hasData: boolean;
  times: DatabaseStatus['times'];
  firstChangeSinceBackupAt: string | null;
  backupFiles: BackupFileRecord[];
  snapshotSizes: number[];
  snapshotCount: number;
  newestSnapshot: SnapshotRow | null;
  snapshotFailure: { at: string; message: string } | null;
  folderFailure: { at: string; message: string } | null;
  folderSuccess: { at: string; path: string } | null;
  lastFileVerification: { at: string; ok: boolean; fileName: string } | null;
  lastRestoreMeasure: { ms: number; rows: number; at: string; what: string } | null;
  storage: { usageBytes: number; quotaBytes: number } | null;
  /** This tab's worker found no stored database when it started (evicted, cleared, or a first visit). */
  startedEmpty: boolean;
}

export type { RestoreOutcome };
