import { logActivity } from '../../core/db/activity';
import type { ActivityKind } from '../../core/db/rows';
import { ok, type Result } from '../../core/result';
import type { LiveDatabase } from './live-database';
import type { Operator } from './operator';

/** One entry of the audit trail as a feature states it; who and when are added here. */
export interface AuditEntry {
  kind: ActivityKind;
  summary: string;
  details?: Record<string, unknown>;
  /** The app did it by itself (a scheduled snapshot, retention): nobody is named. */
  isAutomatic?: boolean;
}

/** Writes audit entries into the activity log of the live database, saying who and when. */
export type RecordAudit = (entry: AuditEntry) => Promise<Result<void>>;

/**
 * The audit trail's one writer for features: the entry gets the time from the app's clock and
 * the name of the person at the keyboard (none for what the app did by itself). Entries are only
 * ever appended; nothing in the app edits or deletes one. A tab that is not the writer cannot
 * record (it changes nothing either), so the entry is skipped there.
 */
export function auditRecorder(live: LiveDatabase, operator: Operator): RecordAudit {
  return async ({ kind, summary, details, isAutomatic = false }) => {
    if (!live.isWriter) return ok(undefined);
    const by = isAutomatic ? null : operator.nameOrNull;
    return live.write((db, now) => {
      logActivity(db, {
        at: now,
        kind,
        summary: `${summary}${by ? ` (by ${by})` : ''}`,
        details: { ...details, by, ...(isAutomatic ? { automatic: true } : {}) },
      });
      return ok(undefined);
    });
  };
}
