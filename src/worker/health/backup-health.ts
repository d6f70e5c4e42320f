import { logActivity } from '../../core/db/activity';
import { META_KEYS, readDatabaseTimes, readMeta } from '../../core/db/meta';
import type { SqlJsStatic } from '../../core/db/sql-types';
import { countRows } from '../../core/db/tables';
import type { Clock } from '../../core/clock';
import { fail, ok, type Result } from '../../core/result';
import { lazyModule } from '../../platform/lazy-import';
import type { BackupSource } from '../backup-files/backup-file-types';
import type { Fact } from '../engine/fact-store';
import type { LiveDatabase } from '../engine/live-database';
import type { Operator } from '../engine/operator';
import type { Track } from '../engine/progress';
import type { FolderHealthFacts } from '../folder/folder-records';
import type { SnapshotHealthFacts } from '../snapshots/snapshot-health-facts';
import { readOwnBackupFiles, readOwnChecks } from './health-records';
import type { BackupOverview, FileVerification } from './health-types';
import type { RestoreTiming } from './restore-timing';

const MESSAGES = {
  locked:
    'This file is encrypted. Enter its passphrase under “Backup file options” and choose the file again to verify it. Nothing was changed.',
  notABackup: (message: string) => `${message} Backup health is not affected: this file is not a backup.`,
};

/** Restoring files into a scratch database (a chunk of its own). */
const loadScratchCheck = lazyModule(() => import('../file-checks/scratch-check'));

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

  /** `Verify a backup file`: read, check, build in a scratch database; log and time it. */
  verifyBackupFile(file: BackupSource, options: { passphrase?: string } = {}): Promise<Result<FileVerification>> {
    const { track, clock, live, operator, restoreTiming } = this.deps;
    return track('check', async (step) => {
      step('Verifying the file in a scratch database', 0, 1)(0);
      const checks = await loadScratchCheck();
      if (!checks.ok) return checks;
      const nowIso = clock.now().toISOString();
      const elapsedMs = () => performance.now();
      const result = await checks.value.restoreIntoScratch(this.deps.SQL, file.contents, {
        ...options,
        now: nowIso,
        elapsedMs,
      });
      if (result.ok && result.value === 'locked') return fail('needs-passphrase', MESSAGES.locked);
      const report = result.ok && result.value !== 'locked' ? result.value : null;
      const failure = result.ok ? null : result.error;
      const kind = failure ? checks.value.classifyCheckFailure(failure.code, file.name) : null;
      const by = operator.byline();
      const counts = report?.counts;
      const summary = report
        ? `Verified ${file.name}: sound, ${countWords(counts?.brokerage_configurations ?? 0, 'configuration')} and ${countWords(counts?.upload_history ?? 0, 'upload')} restore in ${Math.round(report.restoreMs)} ms${by}`
        : kind === 'not-a-backup'
          ? `Checked ${file.name}: not a backup file (${failure?.message ?? ''})${by}`
          : `Verification of ${file.name} failed: ${failure?.message ?? ''}${by}`;
      await live.write((db) => {
        logActivity(db, {
          at: nowIso,
          kind: 'verify',
          summary,
          details: {
            fileName: file.name,
            ok: report !== null,
            // A file that is no backup (or could not be judged) is no fact about the backups.
            isBackup: kind === null || kind === 'damaged',
            ...(kind === 'damaged' ? { outcome: 'damaged', problem: failure?.message ?? '' } : {}),
            counts: report?.counts ?? null,
            checksum: report?.checksum ?? null,
            restoreMs: report?.restoreMs ?? null,
            by: operator.nameOrNull,
          },
        });
        return ok(undefined);
      });
      if (failure) {
        const message = kind === 'not-a-backup' ? MESSAGES.notABackup(failure.message) : failure.message;
        return fail(failure.code, message, failure.detail);
      }
      if (!report) return fail('verify-failed', summary);
      const rows = Object.values(report.counts).reduce((sum, n) => sum + n, 0);
      await restoreTiming.write({ ms: report.restoreMs, rows, at: nowIso, what: `verification of ${file.name}` });
      return ok({ fileName: file.name, ...report, verifiedAt: nowIso });
    });
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
    const [timing, storage, fromSnapshots, fromFolder] = await Promise.all([
      this.deps.restoreTiming.read(),
      this.deps.estimateStorage(),
      this.deps.snapshotFacts(),
      this.deps.folderFacts(),
    ]);
    const { counts, ...facts } = fromDatabase;
    return {
      ...facts,
      hasData: Object.values(counts).some((n) => n > 0),
      ...fromSnapshots,
      ...fromFolder,
      lastRestoreMeasure: timing,
      storage,
      startedEmpty: this.deps.startedEmpty,
    };
  }
}

/** "1 configuration", "3 configurations". */
function countWords(count: number, singular: string): string {
  return `${count} ${count === 1 ? singular : `${singular}s`}`;
}
