import { loadBackup } from '../../core/backup/load/load-backup';
import { verifyBackupFile } from '../../core/backup/load/verify';
import type { BackupContents } from '../../core/backup/scan/byte-source';
import type { DataTable } from '../../core/db/schema';
import type { SqlJsStatic } from '../../core/db/sql-types';
import { fail, ok, type Result } from '../../core/result';

/**
 * Checking backup files apart from the live database, loaded on first use: `Verify a backup
 * file` restores one completely into a scratch database, and a file just written into the backup
 * folder is read back to prove it carries the checksum it should.
 */

/** What verifying a file found. */
export interface ScratchRestoreReport {
  shapeLabel: string;
  createdAt: string | null;
  counts: Record<DataTable, number>;
  checksum: string;
  warnings: number;
  /** Time to read, check and build the file into a database: the restore time it would take. */
  restoreMs: number;
}

/**
 * Reads and checks a backup file completely into a scratch database, as a restore would (every
 * row, integrity, foreign keys, the checksum certified by reading the rows back) — the live
 * database is never touched. An encrypted file without its passphrase reads as `locked`.
 */
export async function restoreIntoScratch(
  SQL: SqlJsStatic,
  contents: BackupContents,
  options: { passphrase?: string; now: string; elapsedMs: () => number },
): Promise<Result<ScratchRestoreReport | 'locked'>> {
  const started = options.elapsedMs();
  const verified = await verifyBackupFile(SQL, contents, {
    now: options.now,
    ...(options.passphrase ? { passphrase: options.passphrase } : {}),
  });
  if (!verified.ok) return verified;
  if ('locked' in verified) return ok('locked');
  const { report } = verified;
  if (report.integrity !== 'ok' || report.foreignKeyViolations > 0) {
    return fail(
      'verify-unsound',
      `The file reads, but the database it gives fails SQLite's checks (${report.integrity}, ${report.foreignKeyViolations} broken links). Do not rely on it: make a new backup.`,
    );
  }
  return ok({
    shapeLabel: report.shapeLabel,
    createdAt: report.createdAt,
    counts: report.counts,
    checksum: report.checksum,
    warnings: report.warnings.length,
    restoreMs: options.elapsedMs() - started,
  });
}

/** The checksum a written file carries, read back and certified as a restore would. */
export async function readBackChecksum(
  SQL: SqlJsStatic,
  contents: BackupContents,
  options: { passphrase?: string; now: string },
): Promise<Result<{ checksum: string | null }>> {
  const read = await loadBackup(SQL, contents, {
    now: options.now,
    ...(options.passphrase ? { passphrase: options.passphrase } : {}),
  });
  if (!read.ok) return read;
  if ('locked' in read) return ok({ checksum: null });
  read.candidate.db.close();
  return ok({ checksum: read.candidate.checksum });
}
