import type { RestoreRecord } from '../../core/team-sync/changes';

/**
 * What the sidebar says after a teammate replaced the team database (or undid that): who, what,
 * when — shown in every other browser of the team until dismissed there. The restorer's own
 * browser says it in the restore's result instead; starting the team is no restore to announce.
 */
export interface TeamRestoreNotice {
  /** The team restore's id: a dismissed notice stays dismissed for this restore only. */
  id: string;
  person: string;
  browserName: string;
  source: 'file' | 'snapshot' | 'undo';
  fileName: string | null;
  at: string;
  /** The notice in words: "Alice replaced the team database with ff2api_backup_….json". */
  text: string;
}

/** The notice for the restore the data comes from now, when another browser made it; else null. */
export function restoreNoticeOf(
  restores: readonly { record: RestoreRecord; at: string; isCurrent: boolean }[],
  me: string,
): TeamRestoreNotice | null {
  const current = restores.find((r) => r.isCurrent);
  if (!current) return null;
  const { record, at } = current;
  if (record.source === 'team-created' || record.snapshot.device === me) return null;
  const what =
    record.source === 'undo'
      ? 'undid the last team restore'
      : `replaced the team database with ${record.source === 'file' ? (record.fileName ?? 'a backup file') : 'a snapshot'}`;
  return {
    id: record.id,
    person: record.person,
    browserName: record.browser,
    source: record.source,
    fileName: record.fileName,
    at,
    text: `${record.person} ${what}`,
  };
}
