import { logActivity } from '../../core/db/activity';
import { META_KEYS, readDatabaseTimes, readMeta, writeMeta } from '../../core/db/meta';
import { countRows } from '../../core/db/tables';
import { inTransaction, selectRows } from '../../core/db/transaction';
import { fail, ok, type Result } from '../../core/result';
import type { BackupFileRecord } from '../../core/snapshots/health';
import type { BackupSource, DatabaseStatus } from '../api';
import type { OperationContext } from '../operations/operation-context';
import { loadRestoreAdapter } from '../lazy/worker-chunks';
import type { BackupOverview, FileVerification, FolderWriteOutcome } from './snapshot-api';
import type { SnapshotService } from './snapshot-service';
import { snapshotHealthFacts } from './snapshot-health-facts';

const MESSAGES = {
  locked: 'This file is encrypted. Enter its passphrase under “Backup file options” and choose the file again to verify it. Nothing was changed.',
  readBack: 'The file written into the backup folder did not read back as written, so it does not count as a backup. Your database is unchanged; try again, or download the backup instead.',
};

const SQL = {
  backups: "SELECT at, details FROM activity_log WHERE kind = 'backup' ORDER BY id DESC LIMIT 2",
  lastVerify: "SELECT at, details FROM activity_log WHERE kind = 'verify' ORDER BY id DESC LIMIT 1",
} as const;

/**
 * Backup files as far as the worker sees them: verifying a file in a scratch database (logged),
 * checking a file read back from the backup folder, recording folder writes, and the facts the
 * health panel is computed from.
 */
export class BackupRecords {
  constructor(
    private readonly context: OperationContext,
    private readonly snapshots: SnapshotService,
    /** Whether this tab's worker found no stored database at start. */
    private readonly startedEmpty: boolean,
  ) {}

  /** `Verify a backup file`: read, check, build in a scratch database; log and measure it. */
  verifyBackupFile(file: BackupSource, options: { passphrase?: string } = {}): Promise<Result<FileVerification>> {
    return this.context.track('check', async (step) => {
      step('Verifying the file in a scratch database', 0, 1)(0);
      const adapter = await loadRestoreAdapter();
      if (!adapter.ok) return adapter;
      const nowIso = this.context.deps.clock.now().toISOString();
      const result = await adapter.value.restoreIntoScratch(this.context.deps.SQL, file.contents, { ...options, now: nowIso, elapsedMs: () => performance.now() });
      if (result.ok && result.value === 'locked') return fail('needs-passphrase', MESSAGES.locked);
      const report = result.ok && result.value !== 'locked' ? result.value : null;
      const summary = report
        ? `Verified ${file.name}: sound, ${report.counts.brokerage_configurations} configurations and ${report.counts.upload_history} uploads restore in ${Math.round(report.restoreMs)} ms${this.context.byline()}`
        : `Verification of ${file.name} failed: ${result.ok ? '' : result.error.message}${this.context.byline()}`;
      await this.context.live.write((db) => {
        logActivity(db, { at: nowIso, kind: 'verify', summary, details: { fileName: file.name, ok: report !== null, counts: report?.counts ?? null, checksum: report?.checksum ?? null, restoreMs: report?.restoreMs ?? null, by: this.context.operatorName || null } });
        return ok(undefined);
      });
      if (!report) return result.ok ? fail('verify-failed', summary) : result;
      const rows = Object.values(report.counts).reduce((sum, n) => sum + n, 0);
      await this.snapshots.deps.store.writeFacts({ lastRestoreMeasure: { ms: report.restoreMs, rows, at: nowIso, what: `verification of ${file.name}` } });
      return ok({ fileName: file.name, ...report, verifiedAt: nowIso });
    });
  }

  /** Reads back a file written into the folder; it counts only if it carries `checksum`. */
  async checkWrittenFile(file: BackupSource, checksum: string, options: { passphrase?: string } = {}): Promise<Result<void>> {
    const adapter = await loadRestoreAdapter();
    if (!adapter.ok) return adapter;
    const read = await adapter.value.readBackChecksum(this.context.deps.SQL, file.contents, { ...options, now: this.context.deps.clock.now().toISOString() });
    if (!read.ok) return fail('read-back-failed', MESSAGES.readBack, read.error.message);
    return read.value.checksum === checksum ? ok(undefined) : fail('read-back-mismatch', MESSAGES.readBack, `checksum ${read.value.checksum ?? 'unknown'} instead of ${checksum}`);
  }

  /** A checked folder file becomes the backup point; a failure is kept for the health panel. */
  async recordFolderWrite(outcome: FolderWriteOutcome): Promise<Result<DatabaseStatus>> {
    const nowIso = this.context.deps.clock.now().toISOString();
    const store = this.snapshots.deps.store;
    if (!outcome.ok) {
      await store.writeFacts({ folderFailure: { at: nowIso, message: outcome.message } });
      return ok(await this.context.readStatus());
    }
    const { receipt, path } = outcome;
    const saved = await this.context.live.write((db) => {
      inTransaction(db, () => {
        writeMeta(db, META_KEYS.lastBackupAt, receipt.createdAt);
        logActivity(db, {
          at: nowIso,
          kind: 'backup',
          summary: `${receipt.trigger === 'emergency' ? 'Emergency backup' : 'Backup'} written to the backup folder and checked: ${path}${this.context.byline()}`,
          details: { ...receipt, destination: path, by: this.context.operatorName || null },
        });
      });
      return ok(undefined);
    });
    if (!saved.ok) return saved;
    await store.writeFacts({ folderSuccess: { at: nowIso, path }, folderFailure: null });
    return ok(await this.context.readStatus());
  }

  /** Everything the health panel and the eviction check need from this side. */
  async overview(): Promise<BackupOverview> {
    const { live } = this.context;
    const fromDatabase = live.read((db) => ({
      times: readDatabaseTimes(db),
      counts: countRows(db),
      firstChangeSinceBackupAt: readMeta(db, META_KEYS.firstChangeSinceBackupAt),
      backups: selectRows<{ at: string; details: string | null }>(db, SQL.backups),
      verify: selectRows<{ at: string; details: string | null }>(db, SQL.lastVerify)[0] ?? null,
    }));
    const [facts, storage, fromSnapshots] = await Promise.all([
      this.snapshots.deps.store.readFacts(),
      this.snapshots.deps.estimateStorage(),
      snapshotHealthFacts(this.snapshots),
    ]);
    const verify = fromDatabase.verify ? parseDetails(fromDatabase.verify.details) : null;
    const folderFailure = facts.folderFailure && (!facts.folderSuccess || facts.folderFailure.at > facts.folderSuccess.at) ? facts.folderFailure : null;
    return {
      hasData: Object.values(fromDatabase.counts).some((n) => n > 0),
      times: fromDatabase.times,
      firstChangeSinceBackupAt: fromDatabase.firstChangeSinceBackupAt,
      backupFiles: fromDatabase.backups.map((row) => toBackupFileRecord(row.at, parseDetails(row.details))),
      ...fromSnapshots,
      folderFailure,
      folderSuccess: facts.folderSuccess,
      lastFileVerification: fromDatabase.verify && verify ? { at: fromDatabase.verify.at, ok: verify.ok === true, fileName: String(verify.fileName ?? '') } : null,
      lastRestoreMeasure: facts.lastRestoreMeasure,
      storage,
      startedEmpty: this.startedEmpty,
    };
  }
}

function toBackupFileRecord(at: string, details: Record<string, unknown>): BackupFileRecord {
  return {
    at: typeof details.createdAt === 'string' ? details.createdAt : at,
    fileName: String(details.fileName ?? ''),
    where: typeof details.destination === 'string' ? `backup folder (${details.destination})` : 'downloads',
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
