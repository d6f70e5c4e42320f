import type { ActivityKind, ActivityRow } from './rows';
import { selectRows } from './transaction';
import type { Database } from './sql-types';

/**
 * The audit trail of backups, restores, undos and verifications. It belongs to this browser:
 * a restore never replaces it (so the log of the restore itself survives); it is written into
 * backup files for the record.
 */

/** Appends one entry. */
export function logActivity(
  db: Database,
  entry: { at: string; kind: ActivityKind; summary: string; details?: Record<string, unknown> },
): void {
  db.run('INSERT INTO activity_log (at, kind, summary, details) VALUES (?, ?, ?, ?)', [
    entry.at,
    entry.kind,
    entry.summary,
    entry.details ? JSON.stringify(entry.details) : null,
  ]);
}

/** The newest entries first. */
export function listActivity(db: Database, limit = 50): ActivityRow[] {
  return selectRows<ActivityRow>(
    db,
    'SELECT id, at, kind, summary, details FROM activity_log ORDER BY id DESC LIMIT ?',
    [limit],
  );
}

/** Every entry, oldest first (for backup files). */
export function readAllActivity(db: Database): ActivityRow[] {
  return selectRows<ActivityRow>(db, 'SELECT id, at, kind, summary, details FROM activity_log ORDER BY id');
}
