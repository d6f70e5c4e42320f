import { writeBackupFile } from '../../core/backup/write/write';
import { UnwritableRowError } from '../../core/backup/write/written-file';
import { backupFileName } from '../../core/backup/write/file-name';
import { logActivity, readAllActivity } from '../../core/db/activity';
import { META_KEYS, writeMeta } from '../../core/db/meta';
import { SCHEMA_VERSION } from '../../core/db/schema';
import { inTransaction } from '../../core/db/transaction';
import { describeThrown, fail, ok, type Result } from '../../core/result';
import type { StartDigestOffload } from '../../core/backup/checksum/digest-offload';
import type { Clock } from '../../core/clock';
import type { LiveDatabase } from '../engine/live-database';
import type { Operator } from '../engine/operator';
import type { StepReporter, Track } from '../engine/progress';
import type { BackupFile, BackupReceipt, BackupRequest } from './backup-file-types';

/** What making backup files works with. */
export interface BackupFileDeps {
  live: LiveDatabase;
  clock: Clock;
  appVersion: string;
  track: Track;
  operator: Operator;
  digestOffload?: StartDigestOffload;
}

const MESSAGES = {
  backupFailed:
    'The backup file could not be built. Your database was not changed. Try again; if it keeps failing, reload the page.',
};

/** Making backup files of the live database, and recording the backup point once one is saved. */
export class BackupFileWriter {
  constructor(private readonly deps: BackupFileDeps) {}

  /** Builds a backup file of every row of every table. */
  createBackup(request: BackupRequest): Promise<Result<BackupFile>> {
    return this.deps.track('backup', (step) => this.createBackupTracked(request, step));
  }

  private async createBackupTracked(request: BackupRequest, step: StepReporter): Promise<Result<BackupFile>> {
    const { deps } = this;
    const { live } = deps;
    const flushed = await live.flush();
    if (!flushed.ok) return flushed;
    const createdAt = deps.clock.now();
    try {
      step('Writing the backup file', 0, 1)(0);
      // The rows stream from the database into the file: no step holds them all.
      const built = await live.read((db) =>
        writeBackupFile(db, readAllActivity(db), {
          onProgress: step('Writing the backup file', 0, 1),
          createdAt: createdAt.toISOString(),
          trigger: request.trigger,
          appVersion: deps.appVersion,
          schemaVersion: SCHEMA_VERSION,
          secrets: request.secrets,
          ...(request.passphrase === undefined ? {} : { passphrase: request.passphrase }),
          ...(deps.digestOffload ? { digestOffload: deps.digestOffload } : {}),
        }),
      );
      const fileName = `${backupFileName(request.trigger, createdAt)}${built.isGzip ? '.gz' : ''}`;
      const receipt: BackupReceipt = {
        fileName,
        createdAt: createdAt.toISOString(),
        trigger: request.trigger,
        counts: built.counts,
        checksum: built.checksum,
        secrets: request.secrets,
        sizeBytes: built.blob.size,
      };
      return ok({ fileName, blob: built.blob, receipt });
    } catch (error) {
      if (error instanceof UnwritableRowError) return fail('backup-unwritable', error.message);
      return fail('backup-failed', MESSAGES.backupFailed, describeThrown(error));
    }
  }

  /**
   * Records the backup point once the file was handed to the browser. The point is the time the
   * file's data was read, so a change made meanwhile still counts as "changed since backup".
   */
  confirmBackupSaved(receipt: BackupReceipt): Promise<Result<void>> {
    const { clock, live, operator } = this.deps;
    const nowIso = clock.now().toISOString();
    return live.write((db) => {
      inTransaction(db, () => {
        writeMeta(db, META_KEYS.lastBackupAt, receipt.createdAt);
        logActivity(db, {
          at: nowIso,
          kind: 'backup',
          summary: `${receipt.trigger === 'emergency' ? 'Emergency backup' : 'Backup'} downloaded: ${receipt.fileName}${operator.byline()}`,
          details: { ...receipt, by: operator.nameOrNull },
        });
      });
      return ok(undefined);
    });
  }
}
