import type { BackupCheck, BackupFileRecord } from '../../core/snapshots/health';
import type { DataTable } from '../../core/db/schema';
import type { Database } from '../../core/db/sql-types';
import { selectRows } from '../../core/db/transaction';

/**
 * What backup health reads of the activity log: this browser's own entries only. A restore
 * carries a file's entries into the log as the team's record (marked imported), but another
 * browser's backups, verifications and failures are no fact about the backups made here — so
 * health never reads them, and no health state arrives with a restored file.
 */

const OWN = `details NOT LIKE '{"imported_from"%'`;
/** A key of an entry's details (null when the details are not JSON). */
const detail = (key: string) => `CASE WHEN json_valid(details) THEN json_extract(details, '$.${key}') END`;

const SQL = {
  backups: `SELECT at, details FROM activity_log WHERE kind = 'backup' AND ${OWN}
    AND COALESCE(${detail('ok')}, 1) != 0 ORDER BY id DESC LIMIT ?`,
  /** Checks of real backups: a file that was no backup at all is left out. */
  lastCheck: `SELECT at, kind, details FROM activity_log WHERE kind IN ('verify', 'drill') AND ${OWN}
    AND COALESCE(${detail('isBackup')}, 1) != 0 ORDER BY id DESC LIMIT 1`,
  lastPassed: `SELECT at FROM activity_log WHERE kind IN ('verify', 'drill') AND ${OWN}
    AND ${detail('ok')} = 1 ORDER BY id DESC LIMIT 1`,
} as const;

/** The newest backup files made from this browser (downloaded, or written and checked in the folder). */
export function readOwnBackupFiles(db: Database, limit: number): BackupFileRecord[] {
  return selectRows<{ at: string; details: string | null }>(db, SQL.backups, [limit]).map((row) => {
    const details = parseDetails(row.details);
    return {
      at: typeof details.createdAt === 'string' ? details.createdAt : row.at,
      fileName: typeof details.fileName === 'string' ? details.fileName : '',
      where: describeWhere(details),
      counts: countsOf(details.counts),
    };
  });
}

/** The newest check of a real backup made here, and when one last passed. */
export function readOwnChecks(db: Database): { lastCheck: BackupCheck | null; lastPassedCheckAt: string | null } {
  const row = selectRows<{ at: string; kind: string; details: string | null }>(db, SQL.lastCheck)[0];
  const passed = selectRows<{ at: string }>(db, SQL.lastPassed)[0];
  return { lastCheck: row ? toCheck(row) : null, lastPassedCheckAt: passed?.at ?? null };
}

function toCheck(row: { at: string; kind: string; details: string | null }): BackupCheck {
  const details = parseDetails(row.details);
  const isOk = details.ok === true;
  // Entries written before checks said how they failed: a failure then meant a damaged file.
  const outcome = isOk ? 'passed' : details.outcome === 'failed' ? 'failed' : 'damaged';
  return {
    at: row.at,
    kind: row.kind === 'drill' ? 'drill' : 'verification',
    fileName: typeof details.fileName === 'string' ? details.fileName : 'a backup',
    outcome,
    problem: typeof details.problem === 'string' ? details.problem : isOk ? '' : 'it failed its check.',
  };
}

function describeWhere(details: Record<string, unknown>): string {
  if (details.teamStore === true) return 'team store';
  return typeof details.destination === 'string' ? `backup folder (${details.destination})` : 'downloads';
}

function countsOf(value: unknown): Partial<Record<DataTable, number>> | null {
  if (value === null || typeof value !== 'object') return null;
  const counts: Partial<Record<DataTable, number>> = {};
  for (const [table, n] of Object.entries(value)) if (typeof n === 'number') counts[table as DataTable] = n;
  return counts;
}

function parseDetails(text: string | null): Record<string, unknown> {
  try {
    const value: unknown = text ? JSON.parse(text) : {};
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
