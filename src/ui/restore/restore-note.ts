import type { DatabaseApi } from '../../worker/api';
import type { RestoreMode } from '../../core/backup/restore/changes';
import type { TableCounts } from '../../worker/status/status-types';
import type { TeamNote } from '../common/team-note';

/**
 * The team note for a restore just applied, from its activity-log entry (who, when, the file's
 * checksum) and the counts now in the database. Null when the entry cannot be found.
 */
export async function readRestoreNote(
  api: DatabaseApi,
  fileName: string,
  mode: RestoreMode,
  counts: TableCounts,
): Promise<TeamNote | null> {
  const entries = await api.listActivity(5).catch(() => []);
  for (const entry of entries) {
    if (entry.kind !== 'restore') continue;
    const details = parseDetails(entry.details);
    if (details.fileName !== fileName) continue;
    return {
      what: mode === 'merge' ? 'Restore (merge)' : 'Restore (replace)',
      fileName,
      by: typeof details.by === 'string' && details.by !== '' ? details.by : null,
      at: entry.at,
      counts,
      checksum: typeof details.checksum === 'string' ? details.checksum : null,
    };
  }
  return null;
}

function parseDetails(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
