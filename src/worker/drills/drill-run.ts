import { loadBackup, type LoadResult } from '../../core/backup/load/load-backup';
import type { BackupContents } from '../../core/backup/scan/byte-source';
import type { Database, SqlJsStatic } from '../../core/db/sql-types';
import { compareWithLive } from '../../core/drills/compare-with-live';
import { judgeDrill } from '../../core/drills/drill-verdict';
import type { DrillCandidate, DrillOutcome } from '../../core/drills/drill-types';
import type { StartDigestOffload } from '../../core/backup/checksum/digest-offload';

/**
 * The heavy part of a drill, loaded on first use (it brings the restore engine): a backup file read
 * into a database of its own exactly as a restore reads it, then compared with the live data.
 */

/** Reads, checks and certifies a backup file into a database apart from the live one. */
export function restoreFileApart(
  SQL: SqlJsStatic,
  contents: BackupContents,
  options: { passphrase?: string; now: string; digestOffload?: StartDigestOffload },
): Promise<LoadResult> {
  return loadBackup(SQL, contents, options);
}

/** Compares the restored backup with the live data and gives the verdict. */
export function compareAndJudge(args: {
  candidate: DrillCandidate;
  restored: Database;
  live: Database;
  backupAt: string;
  liveChangedAt: string | null;
  durationMs: number;
  targetMinutes: number;
}): DrillOutcome {
  const tables = compareWithLive(args.restored, args.live, args.backupAt, args.liveChangedAt);
  return judgeDrill({
    candidate: args.candidate,
    durationMs: args.durationMs,
    targetMinutes: args.targetMinutes,
    tables,
  });
}
