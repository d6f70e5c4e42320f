import { assessBackupHealth, type HealthAssessment } from '../../core/snapshots/health';
import { useDatabase } from '../shared/database-context';
import { useNow } from '../shared/use-now';
import { useBackups } from '../shared/backups-context';

/** Backup health now (re-evaluated every minute as time passes), or null while loading. */
export function useBackupHealth(): HealthAssessment | null {
  const { status } = useDatabase();
  const { overview, folder } = useBackups();
  const now = useNow();
  if (!status || !overview) return null;
  return assessBackupHealth({
    now,
    hasData: Object.values(status.counts).some((n) => n > 0),
    times: status.times,
    firstChangeSinceBackupAt: overview.firstChangeSinceBackupAt,
    backupFiles: overview.backupFiles,
    snapshotSizes: overview.snapshotSizes,
    snapshotFailure: overview.snapshotFailure,
    folderFailure: overview.folderFailure,
    lastFileVerification: overview.lastFileVerification,
    storage: overview.storage,
    folder: folder.state,
  });
}
