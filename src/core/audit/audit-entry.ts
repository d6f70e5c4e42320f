import type { ActivityKind, ActivityRow } from '../db/rows';

/**
 * An entry of the audit trail as people read it: when, who, what, whether it failed, and where it
 * was written (this browser, or a file whose entries a restore carried in). Read from the
 * activity log's row; the row itself is never changed.
 */
export interface AuditEntry {
  id: number;
  at: string;
  kind: ActivityKind | (string & {});
  /** What happened, without the "(by …)" the summary ends with (who is its own column). */
  what: string;
  /** The person's name; null when none was given or the app did it by itself. */
  who: string | null;
  /** The app did it on its own (a scheduled snapshot, retention). */
  isAutomatic: boolean;
  /** The entry records a failure (a failed restore, a failed unlock …). */
  isFailure: boolean;
  /** The backup file a restore brought this entry from; null when it was written in this browser. */
  importedFrom: string | null;
}

/** The audit entry of one activity-log row. */
export function toAuditEntry(row: ActivityRow): AuditEntry {
  const details = objectOf(row.details);
  const imported = objectOf(details.imported_from ?? null);
  const importedFrom = typeof imported.file === 'string' ? imported.file : null;
  const own = importedFrom === null ? details : objectOf(details.original_details ?? null);
  const who = typeof own.by === 'string' && own.by !== '' ? own.by : null;
  const summary = importedFrom === null ? row.summary : stripSuffix(row.summary, ` (from ${importedFrom})`);
  return {
    id: row.id,
    at: row.at,
    kind: row.kind,
    what: who === null ? summary : stripSuffix(summary, ` (by ${who})`),
    who,
    isAutomatic: own.automatic === true,
    isFailure: own.ok === false,
    importedFrom,
  };
}

/** Details as an object: stored JSON text, or (inside an imported entry) JSON text once more. */
function objectOf(value: unknown): Record<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  if (typeof value !== 'string') return {};
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

function stripSuffix(text: string, suffix: string): string {
  return text.endsWith(suffix) ? text.slice(0, -suffix.length) : text;
}
