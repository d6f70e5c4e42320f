import type { StoreBackupKind } from '../../core/team-store/store-retention';
import type { DatabaseApi } from '../../worker/api';
import type { BackupFile } from '../../worker/backup-files/backup-file-types';
import type { StoreCopyOutcome } from '../../worker/team-store/team-store-types';
import { formatLocalTime } from './format';

/**
 * The team store's copy of a backup file already saved here (downloaded, or written into the
 * backup folder): sent by the worker, read back and checked there. It never changes whether the
 * local file counts; the words below only add what became of the copy.
 */

/** Sends the copy; a worker that cannot answer is a waiting copy, never an exception. */
export async function sendStoreCopy(
  api: DatabaseApi,
  file: BackupFile,
  kind: StoreBackupKind,
): Promise<StoreCopyOutcome> {
  try {
    return await api.sendBackupToStore(file, kind);
  } catch {
    return {
      state: 'waiting',
      message: 'The app could not hand the copy to the team store.',
      nextAttemptAt: null,
      isKept: false,
    };
  }
}

/** The sentence added to the local result: "… and in the team store", or what is waiting and until when. */
export function describeStoreCopy(outcome: StoreCopyOutcome): string {
  if (outcome.state === 'not-connected') return '';
  if (outcome.state === 'checked') {
    const removed =
      outcome.retention && !/ 0 old backups removed/.test(outcome.retention) ? ` ${outcome.retention}` : '';
    return ` Saved here and in the team store (read back and checked).${removed}`;
  }
  const when = outcome.nextAttemptAt ? ` It will be tried again at ${formatLocalTime(outcome.nextAttemptAt)}.` : '';
  return outcome.isKept
    ? ` The team store copy is waiting: ${outcome.message}${when} Nothing is lost; the file above is saved.`
    : ` The team store copy could not be kept for a later try: ${outcome.message} The file above is saved.`;
}
