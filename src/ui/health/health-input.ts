import { browserLocation, downloadsLocation, folderLocation } from '../../core/snapshots/health-locations';
import type { FolderState, HealthInput, LocationHealth } from '../../core/snapshots/health';
import type { BackupOverview } from '../../worker/health/health-types';
import type { DatabaseStatus } from '../../worker/status/status-types';

/** What the page adds to the worker's overview: the folder's permission, whether data was deleted, the store. */
export interface PageHealthFacts {
  now: Date;
  folder: { state: FolderState; name: string | null };
  dataDeleted: HealthInput['dataDeleted'];
  /** The team store as a location, judged by its own rules (loaded only while one is connected). */
  store?: LocationHealth | null;
}

/**
 * The input of the health rules, from the worker's overview and the page's facts: the locations
 * (this browser's snapshots, downloads, the backup folder, the team store) each built from what
 * it recorded.
 */
export function healthInputOf(status: DatabaseStatus, overview: BackupOverview, page: PageHealthFacts): HealthInput {
  const [newestSnapshot] = overview.snapshotCopies;
  const folderCopies = overview.backupFiles.filter((file) => file.where.startsWith('backup folder'));
  return {
    now: page.now,
    hasData: Object.values(status.counts).some((n) => n > 0),
    times: status.times,
    firstChangeSinceBackupAt: overview.firstChangeSinceBackupAt,
    dataDeleted: page.dataDeleted,
    backupFiles: overview.backupFiles,
    lastCheck: overview.lastCheck,
    lastPassedCheckAt: overview.lastPassedCheckAt,
    locations: [
      browserLocation({
        newestVerified: newestSnapshot ? { at: newestSnapshot.at, name: 'verified snapshot' } : null,
        failure: overview.snapshotFailure,
        recentCopies: overview.snapshotCopies,
        storage: overview.storage,
      }),
      downloadsLocation(overview.backupFiles),
      folderLocation({
        state: page.folder.state,
        folderName: page.folder.name,
        lastWrite: overview.folderSuccess,
        failure: overview.folderFailure,
        recentCopies: folderCopies.slice(0, 2).map((file) => ({ at: file.at, counts: file.counts ?? {} })),
      }),
      ...(page.store ? [page.store] : []),
    ],
  };
}
