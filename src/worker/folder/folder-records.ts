import { logActivity } from '../../core/db/activity';
import { META_KEYS, writeMeta } from '../../core/db/meta';
import { inTransaction } from '../../core/db/transaction';
import type { SqlJsStatic } from '../../core/db/sql-types';
import type { Clock } from '../../core/clock';
import { fail, ok, type Result } from '../../core/result';
import { lazyModule } from '../../platform/lazy-import';
import type { BackupSource } from '../backup-files/backup-file-types';
import type { LiveDatabase } from '../engine/live-database';
import type { Operator } from '../engine/operator';
import type { FolderOutcomes } from './folder-outcomes';
import type { FolderWriteOutcome } from './folder-types';

const MESSAGES = {
  readBack:
    'The file written into the backup folder did not read back as written, so it does not count as a backup. Your database is unchanged; try again, or download the backup instead.',
};

/** Reading files back as a restore would (a chunk of its own). */
const loadScratchCheck = lazyModule(() => import('../file-checks/scratch-check'));

/** The folder's side of backup health. */
export interface FolderHealthFacts {
  folderSuccess: { at: string; path: string } | null;
  folderFailure: { at: string; message: string } | null;
}

/** What the folder's records work with. */
export interface FolderRecordDeps {
  SQL: SqlJsStatic;
  live: LiveDatabase;
  clock: Clock;
  operator: Operator;
  outcomes: FolderOutcomes;
}

/**
 * The backup folder as far as the worker sees it (the page writes the files, through the File
 * System Access API): a file just written is read back and must carry the checksum it was made
 * with; a checked file becomes the backup point; a failure is kept for the health panel.
 */
export class FolderRecords {
  constructor(private readonly deps: FolderRecordDeps) {}

  /** Reads back a file written into the folder; it counts only if it carries `checksum`. */
  async checkWrittenFile(
    file: BackupSource,
    checksum: string,
    options: { passphrase?: string } = {},
  ): Promise<Result<void>> {
    const checks = await loadScratchCheck();
    if (!checks.ok) return checks;
    const now = this.deps.clock.now().toISOString();
    const read = await checks.value.readBackChecksum(this.deps.SQL, file.contents, { ...options, now });
    if (!read.ok) return fail('read-back-failed', MESSAGES.readBack, read.error.message);
    if (read.value.checksum === checksum) return ok(undefined);
    return fail(
      'read-back-mismatch',
      MESSAGES.readBack,
      `checksum ${read.value.checksum ?? 'unknown'} instead of ${checksum}`,
    );
  }

  /** A checked folder file becomes the backup point; a failure is kept for the health panel. */
  async recordFolderWrite(outcome: FolderWriteOutcome): Promise<Result<void>> {
    const { clock, live, operator, outcomes } = this.deps;
    const nowIso = clock.now().toISOString();
    if (!outcome.ok) {
      await outcomes.failure.write({ at: nowIso, message: outcome.message });
      return ok(undefined);
    }
    const { receipt, path } = outcome;
    const saved = await live.write((db) => {
      inTransaction(db, () => {
        writeMeta(db, META_KEYS.lastBackupAt, receipt.createdAt);
        logActivity(db, {
          at: nowIso,
          kind: 'backup',
          summary: `${receipt.trigger === 'emergency' ? 'Emergency backup' : 'Backup'} written to the backup folder and checked: ${path}${operator.byline()}`,
          details: { ...receipt, destination: path, by: operator.nameOrNull },
        });
      });
      return ok(undefined);
    });
    if (!saved.ok) return saved;
    await outcomes.success.write({ at: nowIso, path });
    await outcomes.failure.write(null);
    return ok(undefined);
  }

  /** The folder's last good write, and its failure if that is newer (what health shows). */
  async healthFacts(): Promise<FolderHealthFacts> {
    const [failure, success] = await Promise.all([
      this.deps.outcomes.failure.read(),
      this.deps.outcomes.success.read(),
    ]);
    return { folderSuccess: success, folderFailure: failure && (!success || failure.at > success.at) ? failure : null };
  }
}
