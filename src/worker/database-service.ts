import type { StartDigestOffload } from '../core/backup/checksum/digest-offload';
import { listActivity, logActivity } from '../core/db/activity';
import { readDatabaseTimes } from '../core/db/meta';
import { countRows } from '../core/db/tables';
import { createBrokerage, deleteBrokerage, listBrokerages, renameBrokerage } from '../core/db/brokerages';
import { deleteConfiguration, listConfigurations } from '../core/db/configurations';
import { listHistoryPage } from '../core/db/history';
import type { Clock } from '../core/clock';
import type { SqlJsStatic } from '../core/db/sql-types';
import { ok, type Result } from '../core/result';
import type { BackupSource, DatabaseApi, DatabaseStatus, HistoryQuery, OperationProgress, RestoreMode, RestoreOutcome, RestorePreview } from './api';
import type { BackupFileOperations } from './operations/backup-file';
import { OperationContext } from './operations/operation-context';
import type { RestoreOperations } from './operations/restore';
import { undoKindOf, UndoOperations } from './operations/undo';
import { BackupRecords } from './snapshots/backup-records';
import type { FolderWriteOutcome, ScheduleRequest } from './snapshots/snapshot-api';
import { SnapshotService, type SnapshotDeps } from './snapshots/snapshot-service';
import { watchFirstLoad, type StartupLoad } from './snapshots/startup';
import type { DatabaseStore } from './database-store';
import { LiveDatabase } from './live-database';
import { lazyInstance, withLoaded } from './lazy/lazy-module';
import { loadBackupFileOperations, loadConfigurationSave, loadRestoreOperations } from './lazy/worker-chunks';
import { lazyProcessing, type LazyProcessing, type ProcessingOverrides } from './processing/lazy-processing';
import { readRuns } from '../core/db/processing-runs';
import { isNotable, markOf } from '../core/db/run-standing';
import { processingOnFirstUse } from './processing/processing-on-first-use';
import type { ProcessingApi } from './processing/processing-api';
import { countLoadsPerDay } from '../core/db/history-stats';
import type { TabCoordination } from './tab-coordination';

export interface ServiceDeps {
  SQL: SqlJsStatic;
  store: DatabaseStore;
  clock: Clock;
  tabs: TabCoordination;
  appVersion: string;
  /** Whether the browser promised to keep our storage; null when it cannot tell. */
  isStoragePersisted: () => Promise<boolean | null>;
  /** File processing's platform parts (load API, workbook reader, the before-run hook); defaults are the browser's. */
  processing?: ProcessingOverrides;
  /** The snapshot store and checker (src/worker/snapshots). */
  snapshots: SnapshotDeps;
  /** Where backups and restores work out their checksums off this thread (platform/digest-worker.ts); absent: here. */
  digestOffload?: StartDigestOffload;
}

/** Opens the stored database and returns the API the UI talks to. */
export async function openDatabaseService(deps: ServiceDeps): Promise<DatabaseService> {
  const watched = watchFirstLoad(deps.store);
  const live = await LiveDatabase.open({ ...deps, store: watched.store });
  const service = new DatabaseService(deps, live, watched.firstLoad());
  // Before the migrated database is ever stored: snapshots before and after the migration.
  await service.snapshotMigration();
  // A brand-new database is stored at once, so its creation time survives a reload.
  await live.flush();
  return service;
}

/** File processing's methods are own properties of the service (processingOnFirstUse, set in the constructor). */
export interface DatabaseService extends ProcessingApi {}

/**
 * Implements the UI's DatabaseApi over the live database. Thin on purpose: queries live in
 * src/core/db, backup logic in src/core/backup, persistence in LiveDatabase.
 */
export class DatabaseService implements DatabaseApi {
  private readonly context: OperationContext;
  /** Backup files and restores, built on first use: their code (the engine) is a chunk of its own. */
  private readonly backups = lazyInstance(loadBackupFileOperations, (m): BackupFileOperations => new m.BackupFileOperations(this.context));
  private readonly restores = lazyInstance(loadRestoreOperations, (m): RestoreOperations => new m.RestoreOperations(this.context));
  private readonly undo: UndoOperations;
  /** Snapshots; `snapshots.takeSnapshot(trigger, note)` gives any operation a safety copy first. */
  readonly snapshots: SnapshotService;
  private readonly records: BackupRecords;
  /** Preview ids → the file or snapshot they show, for the undo point of the restore. */
  private readonly previewNames = new Map<string, string>();
  private readonly progressListeners: ((progress: OperationProgress) => void)[] = [];
  /** File processing, loaded on first use (the history asks it which runs it is sending, if loaded). */
  private readonly processing: LazyProcessing;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly live: LiveDatabase,
    private readonly startup: StartupLoad = { found: true, preMigration: null },
  ) {
    this.context = new OperationContext(deps, live, () => this.getStatus(), (progress) => {
      for (const listener of this.progressListeners) listener(progress);
    });
    this.snapshots = new SnapshotService(this.context, deps.snapshots, this.restores.get);
    this.undo = new UndoOperations(this.context, this.snapshots, () => this.restores.current()?.forgetPending());
    this.records = new BackupRecords(this.context, this.snapshots, !startup.found);
    live.onChange(() => this.undo.forget());
    // Each processing run starts with a `Before processing` snapshot. A snapshot that cannot be
    // stored does not stop the run (it only adds history rows); it shows in Backup health.
    const beforeRun = async () => void (await this.snapshots.takeSnapshot('before-processing'));
    this.processing = lazyProcessing({ live, clock: deps.clock, appVersion: deps.appVersion }, { beforeRun, ...deps.processing });
    Object.assign(this, processingOnFirstUse(this.processing, async (sinceIso, utcOffsetMinutes) => live.read((db) => countLoadsPerDay(db, sinceIso, utcOffsetMinutes))));
  }

  async getStatus(): Promise<DatabaseStatus> {
    const snapshot = await this.undo.describeForStatus();
    const persistence = this.live.startupProblem && this.live.persistenceState.state !== 'failed'
      ? { state: 'failed' as const, error: this.live.startupProblem }
      : this.live.persistenceState;
    return {
      ...this.live.read((db) => ({ counts: countRows(db), times: readDatabaseTimes(db) })),
      readAt: this.deps.clock.now().toISOString(),
      isWriter: this.live.isWriter,
      persistence,
      storagePersisted: await this.deps.isStoragePersisted(),
      undo: snapshot,
    };
  }

  async watchChanges(listener: () => void): Promise<void> {
    this.live.onChange(listener);
  }

  async setOperatorName(name: string): Promise<void> {
    this.context.operatorName = name.trim().replace(/\s+/g, ' ').slice(0, 60);
  }

  async watchProgress(listener: (progress: OperationProgress) => void): Promise<void> {
    this.progressListeners.push(listener);
  }

  /** In the worker nothing restarts it; the page's client reports restarts (platform/worker-client.ts). */
  async watchRestarts(): Promise<void> {}

  async listBrokerages() {
    return this.live.read(listBrokerages);
  }
  createBrokerage(name: string) {
    return this.live.write((db, now) => createBrokerage(db, name, now));
  }
  renameBrokerage(id: number, newName: string) {
    return this.live.write((db, now) => renameBrokerage(db, id, newName, now));
  }
  async deleteBrokerage(id: number) {
    const before = await this.snapshots.takeSnapshot('before-delete');
    if (!before.ok) return before;
    return this.live.write((db, now) => deleteBrokerage(db, id, now));
  }

  async listConfigurations(brokerageName: string) {
    return this.live.read((db) => listConfigurations(db, brokerageName));
  }
  saveConfiguration(input: Parameters<DatabaseApi['saveConfiguration']>[0]) {
    return withLoaded(loadConfigurationSave, ({ saveConfiguration }) => this.live.write((db, now) => saveConfiguration(db, input, now)));
  }
  deleteConfiguration(id: number) {
    return this.live.write((db, now) => deleteConfiguration(db, id, now));
  }

  /** A page of history, with how this browser's runs among its rows stand (an interrupted one says so). */
  async listHistory(query: HistoryQuery) {
    const active = this.processing.loaded()?.activeRunIds() ?? new Set<number>();
    const isWriter = this.live.isWriter;
    return this.live.read((db) => {
      const page = listHistoryPage(db, query);
      const marks = readRuns(db, page.rows.map((row) => row.id)).map((run) => markOf(run, { isActiveHere: active.has(run.id), isWriter }));
      return { ...page, runMarks: marks.filter(isNotable) };
    });
  }
  async listActivity(limit = 50) {
    return this.live.read((db) => listActivity(db, limit));
  }

  createBackup(request: Parameters<DatabaseApi['createBackup']>[0]) {
    return withLoaded(this.backups.get, (backups) => backups.createBackup(request));
  }
  confirmBackupSaved(receipt: Parameters<DatabaseApi['confirmBackupSaved']>[0]) {
    return withLoaded(this.backups.get, (backups) => backups.confirmBackupSaved(receipt));
  }
  async inspectBackup(file: BackupSource, options?: { passphrase?: string }) {
    return this.notePreview(await withLoaded(this.restores.get, (restores) => restores.inspectBackup(file, options)));
  }
  /** Applies a previewed file or snapshot, after a `Before restore` / `Before merge` snapshot (its undo). */
  async applyRestore(previewId: string, mode: RestoreMode): Promise<Result<RestoreOutcome>> {
    const restores = await this.restores.get();
    if (!restores.ok) return restores;
    const before = await this.snapshots.takeSnapshot(mode === 'merge' ? 'before-merge' : 'before-restore');
    if (!before.ok) return before;
    const started = performance.now();
    const applied = await restores.value.applyRestore(previewId, mode);
    if (!applied.ok) return applied;
    const nowIso = this.deps.clock.now().toISOString();
    const sourceName = this.previewNames.get(previewId) ?? 'a backup';
    const rows = Object.values(applied.value.counts).reduce((sum, n) => sum + n, 0);
    await this.deps.snapshots.store.writeFacts({ lastRestoreMeasure: { ms: performance.now() - started, rows, at: nowIso, what: `restore of ${sourceName}` } });
    await this.undo.rememberRestore({ snapshotId: before.value.id, kind: undoKindOf(mode), sourceName, at: nowIso });
    return ok({ ...applied.value, status: await this.getStatus() });
  }
  undoRestore() {
    return this.undo.undoRestore();
  }
  describeUndo() {
    return this.undo.describeUndo();
  }

  // Snapshots, the backup folder's records, verification and health (src/worker/snapshots).
  listSnapshots() {
    return this.snapshots.listSnapshots();
  }
  async takeSnapshot(note?: string) {
    const taken = await this.snapshots.takeSnapshot('manual', note ?? null);
    return taken.ok ? ok(await this.snapshots.rowOf(taken.value)) : taken;
  }
  runSnapshotSchedule(request: ScheduleRequest) {
    return this.snapshots.runSchedule(request);
  }
  setSnapshotPinned(id: string, pinned: boolean) {
    return this.snapshots.setPinned(id, pinned);
  }
  deleteSnapshot(id: string) {
    return this.snapshots.deleteSnapshot(id);
  }
  verifySnapshot(id: string) {
    return this.snapshots.verifySnapshot(id);
  }
  async inspectSnapshot(id: string) {
    return this.notePreview(await this.snapshots.inspectSnapshot(id));
  }
  findSnapshotAt(atIso: string) {
    return this.snapshots.findSnapshotAt(atIso);
  }
  downloadSnapshot(id: string, request: Parameters<DatabaseApi['downloadSnapshot']>[1]) {
    return this.snapshots.downloadSnapshot(id, request);
  }
  verifyBackupFile(file: BackupSource, options?: { passphrase?: string }) {
    return this.records.verifyBackupFile(file, options);
  }
  checkWrittenFile(file: BackupSource, checksum: string, options?: { passphrase?: string }) {
    return this.records.checkWrittenFile(file, checksum, options);
  }
  recordFolderWrite(outcome: FolderWriteOutcome) {
    return this.records.recordFolderWrite(outcome);
  }
  getBackupOverview() {
    return this.records.overview();
  }

  /** At open: the stored database was older than this build's schema (migrated in memory) — keep both. */
  async snapshotMigration(): Promise<void> {
    const old = this.startup.preMigration;
    if (!old || !this.live.isWriter) return;
    await this.snapshots.takeSnapshotOfBytes('before-migration', old.bytes, null);
    await this.snapshots.takeSnapshot('after-migration');
  }

  private notePreview(preview: Result<RestorePreview>): Result<RestorePreview> {
    if (preview.ok && preview.value.previewId) this.previewNames.set(preview.value.previewId, preview.value.fileName);
    return preview;
  }

  /**
   * Logs an app-lock change; its save re-stores the database in the lock's new form (the lock
   * gate, src/worker/lock/lock-gate.ts, calls it after changing the cipher's phase).
   */
  recordLockChange(summary: string): Promise<Result<void>> {
    return this.live.write((db, now) => {
      logActivity(db, { at: now, kind: 'app-lock', summary });
      return ok(undefined);
    });
  }

  /** The live database's bytes exactly as they would be stored (diagnostics and tests). */
  exportLiveBytes(): Uint8Array {
    return this.live.exportBytes();
  }

  flush(): Promise<Result<void>> {
    return this.live.flush();
  }

  async takeOverWriting(): Promise<Result<DatabaseStatus>> {
    await this.live.takeOver();
    return ok(await this.getStatus());
  }
}
