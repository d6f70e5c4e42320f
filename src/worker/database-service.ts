import { listActivity } from '../core/db/activity';
import { readDatabaseTimes } from '../core/db/meta';
import { countRows } from '../core/db/tables';
import { createBrokerage, deleteBrokerage, listBrokerages, renameBrokerage } from '../core/db/brokerages';
import { deleteConfiguration, listConfigurations, saveConfiguration } from '../core/db/configurations';
import { listHistoryPage } from '../core/db/history';
import type { Clock } from '../core/clock';
import type { SqlJsStatic } from '../core/db/sql-types';
import { ok, type Result } from '../core/result';
import type { BackupSource, DatabaseApi, DatabaseStatus, HistoryQuery, OperationProgress } from './api';
import { BackupFileOperations } from './operations/backup-file';
import { openDatabaseCandidate } from '../core/backup/load/open-candidate';
import { OperationContext } from './operations/operation-context';
import { RestoreOperations } from './operations/restore';
import { UndoOperations } from './operations/undo';
import type { DatabaseStore } from './database-store';
import { LiveDatabase } from './live-database';
import type { TabCoordination } from './tab-coordination';

export interface ServiceDeps {
  SQL: SqlJsStatic;
  store: DatabaseStore;
  clock: Clock;
  tabs: TabCoordination;
  appVersion: string;
  /** Whether the browser promised to keep our storage; null when it cannot tell. */
  isStoragePersisted: () => Promise<boolean | null>;
}

/** Opens the stored database and returns the API the UI talks to. */
export async function openDatabaseService(deps: ServiceDeps): Promise<DatabaseService> {
  const live = await LiveDatabase.open(deps);
  const service = new DatabaseService(deps, live);
  // A brand-new database is stored at once, so its creation time survives a reload.
  await live.flush();
  return service;
}

/**
 * Implements the UI's DatabaseApi over the live database. Thin on purpose: queries live in
 * src/core/db, backup logic in src/core/backup, persistence in LiveDatabase.
 */
export class DatabaseService implements DatabaseApi {
  private readonly context: OperationContext;
  private readonly backups: BackupFileOperations;
  private readonly restores: RestoreOperations;
  private readonly undo: UndoOperations;
  private readonly progressListeners: ((progress: OperationProgress) => void)[] = [];

  constructor(
    private readonly deps: ServiceDeps,
    private readonly live: LiveDatabase,
  ) {
    this.context = new OperationContext(deps, live, () => this.getStatus(), (progress) => {
      for (const listener of this.progressListeners) listener(progress);
    });
    this.backups = new BackupFileOperations(this.context);
    this.undo = new UndoOperations(this.context, () => this.restores.forgetPending());
    this.restores = new RestoreOperations(this.context, this.undo);
    live.onChange(() => this.undo.forgetUndoInfo());
  }

  async getStatus(): Promise<DatabaseStatus> {
    const snapshot = await this.undo.describeUndo();
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
  deleteBrokerage(id: number) {
    return this.live.write((db, now) => deleteBrokerage(db, id, now));
  }

  async listConfigurations(brokerageName: string) {
    return this.live.read((db) => listConfigurations(db, brokerageName));
  }
  saveConfiguration(input: Parameters<DatabaseApi['saveConfiguration']>[0]) {
    return this.live.write((db, now) => saveConfiguration(db, input, now));
  }
  deleteConfiguration(id: number) {
    return this.live.write((db, now) => deleteConfiguration(db, id, now));
  }

  async listHistory(query: HistoryQuery) {
    return this.live.read((db) => listHistoryPage(db, query));
  }
  async listActivity(limit = 50) {
    return this.live.read((db) => listActivity(db, limit));
  }

  createBackup(request: Parameters<DatabaseApi['createBackup']>[0]) {
    return this.backups.createBackup(request);
  }
  confirmBackupSaved(receipt: Parameters<DatabaseApi['confirmBackupSaved']>[0]) {
    return this.backups.confirmBackupSaved(receipt);
  }
  inspectBackup(file: BackupSource, options?: { passphrase?: string }) {
    return this.restores.inspectBackup(file, options);
  }
  verifyBackup(file: BackupSource, options?: { passphrase?: string }) {
    return this.restores.verifyBackup(file, options);
  }
  /**
   * Previews a restore from an already-built database (a snapshot's SQLite bytes, gzip'd or not):
   * the same names preview, then `applyRestore(previewId, mode)` as for a file. For the snapshot
   * store; `expectedChecksum` is the manifest's.
   */
  async inspectDatabaseBytes(label: string, bytes: Uint8Array, facts: { createdAt: string | null; expectedChecksum?: string }) {
    const opened = await openDatabaseCandidate(this.deps.SQL, bytes, { label, ...facts });
    if (!opened.ok) return opened;
    return this.restores.inspectCandidate(label, opened.candidate);
  }
  applyRestore(previewId: string, mode: Parameters<DatabaseApi['applyRestore']>[1]) {
    return this.restores.applyRestore(previewId, mode);
  }
  undoRestore() {
    return this.undo.undoRestore();
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
