import type { DatabaseTimes } from '../../core/db/meta';
import type { FolderState } from '../../core/snapshots/health';
import type { LocationStatus } from '../../core/team-store/store-health';
import type { BackupOverview } from '../../worker/health/health-types';

/**
 * The three places a copy of the data can be — this browser (its verified snapshots), the backup
 * folder, the team store — each with its newest good copy, last check and failures, from what the
 * worker knows (the overview) and the folder's state on the page.
 */
export function locationStatuses(overview: BackupOverview, folder: FolderState): LocationStatus[] {
  const snapshot = overview.newestSnapshot;
  const verifiedAt = snapshot?.verification.state === 'verified' ? snapshot.verification.at : null;
  const store = overview.store;
  return [
    {
      location: 'browser',
      configured: true,
      newestGoodCopyAt: verifiedAt ? (snapshot?.takenAt ?? null) : null,
      lastCheckAt: verifiedAt,
      failures: overview.snapshotFailure ? [overview.snapshotFailure] : [],
    },
    {
      location: 'folder',
      configured: folder === 'connected' || folder === 'needs-reconnect',
      newestGoodCopyAt: overview.folderSuccess?.at ?? null,
      lastCheckAt: overview.folderSuccess?.at ?? null,
      failures: overview.folderFailure ? [overview.folderFailure] : [],
    },
    {
      location: 'store',
      configured: store !== null,
      newestGoodCopyAt: store?.newestGoodCopy?.at ?? null,
      lastCheckAt: store?.lastCheckAt ?? null,
      failures: store?.failures ?? [],
      connectedAt: store?.connectedAt ?? null,
      unreachableSince: store?.unreachableSince ?? null,
    },
  ];
}

/**
 * The data's newest change that may be in no copy: none when the database is empty, or when
 * nothing changed after the last restore (right after one, the data is a file's content).
 */
export function lastUnsharedChange(times: DatabaseTimes, hasData: boolean): string | null {
  if (!hasData || times.lastChangeAt === null) return null;
  if (times.restoredAt !== null && times.lastChangeAt <= times.restoredAt) return null;
  return times.lastChangeAt;
}
