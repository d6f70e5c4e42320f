import { META_KEYS, readDatabaseTimes, readMeta } from '../../core/db/meta';
import type { SqlJsStatic } from '../../core/db/sql-types';
import { countRows } from '../../core/db/tables';
import type { Clock } from '../../core/clock';
import type { Result } from '../../core/result';
import { lazyModule } from '../../platform/lazy-import';
import type { BackupSource } from '../backup-files/backup-file-types';
import type { Fact } from '../engine/fact-store';
import type { LiveDatabase } from '../engine/live-database';
import type { Operator } from '../engine/operator';
import type { Track } from '../engine/progress';
import type { FolderHealthFacts } from '../folder/folder-records';
import type { SnapshotHealthFacts } from '../snapshots/snapshot-health-facts';
import { readOwnBackupFiles, readOwnChecks } from './health-records';
import type { StoreHealthFacts } from '../team-store/team-store-types';
import type { BackupOverview, FileVerification } from './health-types';
import type { RestoreTiming } from './restore-timing';

/** Verifying a file, with the scratch restore it runs (a chunk of its own). */
const loadVerifyFile = lazyModule(() => import('./verify-file'));

/** What backup health works with: the live database, and the other features' sides of health. */
export interface BackupHealthDeps {
  SQL: SqlJsStatic;
  live: LiveDatabase;
  clock: Clock;
  track: Track;
  operator: Operator;
  restoreTiming: Fact<RestoreTiming>;
  estimateStorage: () => Promise<{ usageBytes: number; quotaBytes: number } | null>;
  snapshotFacts: () => Promise<SnapshotHealthFacts>;
  folderFacts: () => Promise<FolderHealthFacts>;
  /** The team store's side (null: none connected). */
  storeFacts: () => Promise<StoreHealthFacts | null>;
  /** Whether this tab's worker found no stored database at start. */
  startedEmpty: boolean;
}

/**
 * Backup health as the worker sees it: `Verify a backup file` (a full restore into a scratch
 * database, logged and timed), and the facts the health panel and the eviction check are worked
 * out from (src/core/snapshots/health.ts does the judging, on the page's clock).
 */
export class BackupHealth {
  constructor(private readonly deps: BackupHealthDeps) {}

  /** `Verify a backup file`: read, check, build in a scratch database; log and time it (loaded on first use). */
  async verifyBackupFile(file: BackupSource, options: { passphrase?: string } = {}): Promise<Result<FileVerification>> {
    const verify = await loadVerifyFile();
    return verify.ok ? verify.value.verifyBackupFile(this.deps, file, options) : verify;
  }

  /** Everything the health panel and the eviction check need from the worker. */
  async overview(): Promise<BackupOverview> {
    const { live } = this.deps;
    const fromDatabase = live.read((db) => ({
      times: readDatabaseTimes(db),
      counts: countRows(db),
      firstChangeSinceBackupAt: readMeta(db, META_KEYS.firstChangeSinceBackupAt),
      backupFiles: readOwnBackupFiles(db, 10),
      ...readOwnChecks(db),
    }));
    const [timing, storage, fromSnapshots, fromFolder, store] = await Promise.all([
      this.deps.restoreTiming.read(),
      this.deps.estimateStorage(),
      this.deps.snapshotFacts(),
      this.deps.folderFacts(),
      this.deps.storeFacts(),
    ]);
    const { counts, ...facts } = fromDatabase;
    return {
      ...facts,
      hasData: Object.values(counts).some((n) => n > 0),
      ...fromSnapshots,
      ...fromFolder,
      store,
      lastRestoreMeasure: timing,
      storage,
      startedEmpty: this.deps.startedEmpty,
    };
  }
}
