import type { AppError, Result } from '../core/result';
import type { ActivityRow } from '../core/db/rows';
import type { DatabaseTimes } from '../core/db/meta';
import type { DataTable } from '../core/db/schema';
import type { SecretsMode } from '../core/backup/format/format';
import type { RestoreWarning } from '../core/backup/read/problems';
import type { RestoreMode, TableChange } from '../core/backup/restore/changes';
import type { RestoreNames } from '../core/backup/restore/names';
import type { VerifyReport } from '../core/backup/load/verify';

import type { BrokerageSummary } from '../core/db/brokerages';
import type { ConfigurationInput } from '../core/db/configuration-input';
import type { ConfigurationView } from '../core/db/configuration-view';
import type { HistoryPage, HistoryQuery } from '../core/db/history';
import type { ProcessingApi } from './processing/processing-api';

import type { LockApi, LockState } from './lock/lock-api';
export type { LockApi, LockState };

import type { SnapshotApi } from './snapshots/snapshot-api';

export type { BrokerageSummary, ConfigurationInput, ConfigurationView, HistoryPage, HistoryQuery, RestoreMode, RestoreNames, RestoreWarning, SecretsMode, TableChange, VerifyReport };

/** The worker message that tells it the page's time; sent before every DatabaseApi call. */
export const CLOCK_METHOD = 'followPageClock';

/** The worker message that resolves once the worker holds its life lock (platform/worker-client.ts). */
export const ALIVE_METHOD = 'holdLifeLock';

/** The database worker died and a new one was started from what is stored. */
export interface EngineRestart {
  at: string;
  /** The long operation that was under way, if any. */
  during: OperationProgress['task'];
}

/**
 * The typed async API the UI uses. The worker implements it over the real database; the UI never
 * holds the database. Every method that writes resolves only after the change is durable in
 * IndexedDB (or resolves with a failure the UI must show).
 */
export interface DatabaseApi extends ProcessingApi, SnapshotApi {
  /** Counts, persisted times, persistence and tab state — everything the sidebar shows. */
  getStatus(): Promise<DatabaseStatus>;

  listBrokerages(): Promise<BrokerageSummary[]>;
  createBrokerage(name: string): Promise<Result<BrokerageSummary>>;
  renameBrokerage(id: number, newName: string): Promise<Result<BrokerageSummary>>;
  /** Deletes the brokerage and its configurations; its upload history is kept. */
  deleteBrokerage(id: number): Promise<Result<{ configurationsDeleted: number }>>;

  listConfigurations(brokerageName: string): Promise<ConfigurationView[]>;
  /** Creates (no id) or updates (id) a configuration; an update bumps `version`. */
  saveConfiguration(input: ConfigurationInput): Promise<Result<ConfigurationView>>;
  deleteConfiguration(id: number): Promise<Result<{ id: number }>>;

  /** One page of upload history, newest first; pass the previous page's `next` to continue. */
  listHistory(query: HistoryQuery): Promise<HistoryPage>;
  listActivity(limit?: number): Promise<ActivityRow[]>;

  /** Builds a backup file; the caller hands it to the browser, then calls `confirmBackupSaved`. */
  createBackup(request: BackupRequest): Promise<Result<BackupFile>>;
  /** Records the backup point at the moment the file was handed to the browser. */
  confirmBackupSaved(receipt: BackupReceipt): Promise<Result<DatabaseStatus>>;

  /**
   * Reads and checks a backup file without touching the live database. Pass the browser's File
   * itself: a Blob crosses to the worker without copying its contents on the page's thread.
   */
  inspectBackup(file: BackupSource, options?: { passphrase?: string }): Promise<Result<RestorePreview>>;
  /** Applies an inspected file; the live database changes only if every step succeeds. */
  applyRestore(previewId: string, mode: RestoreMode): Promise<Result<RestoreOutcome>>;
  /** Restores the snapshot taken before the last restore (after a `Before undo` snapshot). */
  undoRestore(): Promise<Result<RestoreOutcome>>;

  /** Writes everything pending to IndexedDB now (tab hidden, before a download). */
  flush(): Promise<Result<void>>;
  /** Asks to become the writing tab (the other tab turns read-only). */
  takeOverWriting(): Promise<Result<DatabaseStatus>>;
  /** Calls `listener` when data or the writer role changed outside this tab's own calls. */
  watchChanges(listener: () => void): Promise<void>;
  /** Names the person using this tab, for the activity log ("who restored what"). */
  setOperatorName(name: string): Promise<void>;
  /** Calls `listener` as long operations (backup, file check, restore, undo) advance. */
  watchProgress(listener: (progress: OperationProgress) => void): Promise<void>;
  /** Calls `listener` when the database worker died and was restarted from what is stored (page side only). */
  watchRestarts(listener: (event: EngineRestart) => void): Promise<void>;
}

/** Everything the page can ask of the worker: the database and the app lock (src/worker/lock). */
export type AppApi = DatabaseApi & LockApi;

/** How far a long operation has come; `task: null` when it ended. */
export type OperationProgress =
  | { task: 'backup' | 'check' | 'restore' | 'undo'; step: string; fraction: number }
  | { task: null };

/** A backup file to inspect: its name and its contents (a File/Blob, or bytes already read). */
export interface BackupSource {
  name: string;
  contents: Blob | Uint8Array;
}

export type TableCounts = Record<DataTable, number>;

export interface DatabaseStatus {
  counts: TableCounts;
  times: DatabaseTimes;
  /** ISO time the status was read (the worker's clock). */
  readAt: string;
  /** True when this tab may write; false when another tab holds the writer lock. */
  isWriter: boolean;
  persistence: PersistenceState;
  /** Whether the browser promised not to evict our storage; null when unknown. */
  storagePersisted: boolean | null;
  /** What `Undo restore` goes back to, if there is a restore to undo. */
  undo: { takenAt: string; label: string } | null;
}

export type PersistenceState =
  | { state: 'saved'; savedAt: string | null }
  | { state: 'saving' }
  | { state: 'failed'; error: AppError };

export type BackupTrigger = 'manual' | 'emergency';

export interface BackupRequest {
  trigger: BackupTrigger;
  secrets: SecretsMode;
  passphrase?: string;
}

export interface BackupFile {
  fileName: string;
  /** The file, made in the worker: a Blob reaches the page by reference, never copied there. */
  blob: Blob;
  /** Everything confirmBackupSaved needs to log the backup. */
  receipt: BackupReceipt;
}

export interface BackupReceipt {
  fileName: string;
  createdAt: string;
  trigger: BackupTrigger;
  counts: TableCounts;
  checksum: string;
  secrets: SecretsMode;
  sizeBytes: number;
}

export interface RestorePreview {
  previewId: string;
  fileName: string;
  /** Human name of the shape read, e.g. "FF2API Web backup 2.0", "FF2API v1.0 sidebar backup". */
  shapeLabel: string;
  fileCreatedAt: string | null;
  fileCounts: TableCounts;
  warnings: RestoreWarning[];
  changes: Record<RestoreMode, Record<DataTable, TableChange>>;
  /** Set when the file is older than the last change here: what replacing would lose. */
  wouldLose: Record<RestoreMode, { changes: number; since: string } | null>;
  /** True when the live database has data (replace then needs the typed RESTORE). */
  liveHasData: boolean;
  secrets: SecretsMode;
  /** True when the file is encrypted and no passphrase was given yet: counts only. */
  needsPassphrase: boolean;
  /** What each mode does, in the names a user knows (null while the file is locked). */
  names: Record<RestoreMode, RestoreNames> | null;
  /** The certified content checksum of the file's data (null while locked). */
  checksum: string | null;
}

/** What verifying a backup file found; `locked` when it is encrypted and no passphrase was given. */
export interface RestoreOutcome {
  mode: RestoreMode | 'undo';
  counts: TableCounts;
  warnings: RestoreWarning[];
  status: DatabaseStatus;
}
