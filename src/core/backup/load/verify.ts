import type { SqlJsStatic } from '../../db/sql-types';
import type { DataTable } from '../../db/schema';
import type { AppError } from '../../result';
import type { RestoreWarning } from '../read/problems';
import type { ReadOptions } from '../read/parsed';
import type { BackupContents } from '../scan/byte-source';
import { loadBackup } from './load-backup';

/**
 * "Verify a backup file" (the drill): read it exactly as a restore would — into a database of
 * its own, every check, the checksum certified by reading the rows back — then run SQLite's full
 * integrity check and foreign-key check on that database, and report. No other database is
 * touched; the scratch database is closed before returning.
 */
export interface VerifyReport {
  shapeLabel: string;
  createdAt: string | null;
  counts: Record<DataTable, number>;
  checksum: string;
  /** 'ok', or what PRAGMA integrity_check said. */
  integrity: string;
  /** How many rows point at nothing (always 0 for a file that was read: such a file is refused). */
  foreignKeyViolations: number;
  warnings: RestoreWarning[];
  /** How many activity entries the file carries. */
  activityEntries: number;
}

/** Reads and checks a backup file completely, and reports; never touches a live database. */
export async function verifyBackupFile(
  SQL: SqlJsStatic,
  contents: BackupContents,
  options: ReadOptions = {},
): Promise<{ ok: true; report: VerifyReport } | { ok: true; locked: true } | { ok: false; error: AppError }> {
  const loaded = await loadBackup(SQL, contents, options);
  if (!loaded.ok) return loaded;
  if ('locked' in loaded) return { ok: true, locked: true };
  const { db, ...facts } = loaded.candidate;
  try {
    const integrity = (db.exec('PRAGMA integrity_check')[0]?.values ?? []).map((row) => String(row[0])).join('; ');
    const foreignKeyViolations = db.exec('PRAGMA foreign_key_check')[0]?.values.length ?? 0;
    const activityEntries = Number(db.exec('SELECT COUNT(*) FROM activity_log')[0]?.values[0]?.[0] ?? 0);
    return {
      ok: true,
      report: {
        shapeLabel: facts.shapeLabel,
        createdAt: facts.createdAt,
        counts: facts.counts,
        checksum: facts.checksum,
        integrity,
        foreignKeyViolations,
        warnings: facts.warnings,
        activityEntries,
      },
    };
  } finally {
    db.close();
  }
}
