import { logActivity } from '../../core/db/activity';
import { META_KEYS, readDatabaseTimes, readMeta } from '../../core/db/meta';
import type { SqlJsStatic } from '../../core/db/sql-types';
import { countRows } from '../../core/db/tables';
import { selectRows } from '../../core/db/transaction';
import type { Clock } from '../../core/clock';
import { fail, ok, type Result } from '../../core/result';
import type { BackupFileRecord } from '../../core/snapshots/health';
import { lazyModule } from '../../platform/lazy-import';
import type { BackupSource } from '../backup-files/backup-file-types';
import type { Fact } from '../engine/fact-store';
import type { LiveDatabase } from '../engine/live-database';
import type { Operator } from '../engine/operator';
import type { Track } from '../engine/progress';
import type { FolderHealthFacts } from '../folder/folder-records';
import type { SnapshotHealthFacts } from '../snapshots/snapshot-health-facts';
import type { StoreHealthFacts } from '../team-store/team-store-types';
import type { BackupOverview, FileVerification } from './health-types';
import type { RestoreTiming } from './restore-timing';

const MESSAGES = {
  locked:
    'This file is encrypted. Enter its passphrase under “Backup file options” and choose the file again to verify it. Nothing was changed.',
};

const SQL = {
  backups: "SELECT at, details FROM activity_log WHERE kind = 'backup' ORDER BY id DESC LIMIT 2",
  lastVerify: "SELECT at, details FROM activity_log WHERE kind = 'verify' ORDER BY id DESC LIMIT 1",
} as const;

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
      const summary = report
        ? `Verified ${file.name}: sound, ${report.counts.brokerage_configurations} configurations and ${report.counts.upload_history} uploads restore in ${Math.round(report.restoreMs)} ms${operator.byline()}`
        : `Verification of ${file.name} failed: ${result.ok ? '' : result.error.message}${operator.byline()}`;
      await live.write((db) => {
        logActivity(db, {
          at: nowIso,
          kind: 'verify',
          summary,
          details: {
            fileName: file.name,
            ok: report !== null,
            counts: report?.counts ?? null,
            checksum: report?.checksum ?? null,
            restoreMs: report?.restoreMs ?? null,
            by: operator.nameOrNull,
          },
        });
        return ok(undefined);
      });
      if (!report) return result.ok ? fail('verify-failed', summary) : result;
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
      backups: selectRows<{ at: string; details: string | null }>(db, SQL.backups),
      verify: selectRows<{ at: string; details: string | null }>(db, SQL.lastVerify)[0] ?? null,
    }));
    const [timing, storage, fromSnapshots, fromFolder, store] = await Promise.all([
      this.deps.restoreTiming.read(),
      this.deps.estimateStorage(),
      this.deps.snapshotFacts(),
      this.deps.folderFacts(),
      this.deps.storeFacts(),
    ]);
    const verify = fromDatabase.verify ? parseDetails(fromDatabase.verify.details) : null;
    return {
      hasData: Object.values(fromDatabase.counts).some((n) => n > 0),
      times: fromDatabase.times,
      firstChangeSinceBackupAt: fromDatabase.firstChangeSinceBackupAt,
      backupFiles: fromDatabase.backups.map((row) => toBackupFileRecord(row.at, parseDetails(row.details))),
      ...fromSnapshots,
      ...fromFolder,
      store,
      lastFileVerification:
        fromDatabase.verify && verify
          ? {
              at: fromDatabase.verify.at,
              ok: verify.ok === true,
              fileName: typeof verify.fileName === 'string' ? verify.fileName : '',
            }
          : null,
      lastRestoreMeasure: timing,
      storage,
      startedEmpty: this.deps.startedEmpty,
    };
  }
}

function toBackupFileRecord(at: string, details: Record<string, unknown>): BackupFileRecord {
  return {
    at: typeof details.createdAt === 'string' ? details.createdAt : at,
    fileName: typeof details.fileName === 'string' ? details.fileName : '',
    where:
      details.teamStore === true
        ? 'team store'
        : typeof details.destination === 'string'
          ? `backup folder (${details.destination})`
          : 'downloads',
    sizeBytes: Number(details.sizeBytes ?? 0),
  };
}

function parseDetails(text: string | null): Record<string, unknown> {
  try {
    const value: unknown = text ? JSON.parse(text) : {};
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
