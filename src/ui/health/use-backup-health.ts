import { assessBackupHealth, type HealthAssessment } from '../../core/snapshots/health';
import type { StoreHealthAssessment } from '../../core/team-store/store-health';
import { useDatabase } from '../shared/database-context';
import { useNow } from '../shared/use-now';
import { useBackups } from '../shared/backups-context';
import { useStoreRules } from './use-store-rules';

/** Backup health, with the team store's rules and each location's side when a store is connected. */
export interface FullHealth extends HealthAssessment {
  locations: StoreHealthAssessment | null;
}

/** Backup health now (re-evaluated every minute as time passes), or null while loading. */
export function useBackupHealth(): FullHealth | null {
  const { status } = useDatabase();
  const { overview, folder } = useBackups();
  const now = useNow();
  const rules = useStoreRules(Boolean(overview?.store));
  if (!status || !overview) return null;
  const hasData = Object.values(status.counts).some((n) => n > 0);
  const files = assessBackupHealth({
    now,
    hasData,
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
  if (!rules) return { ...files, locations: null };
  return rules.withLocations(
    files,
    rules.assessLocations({ now, times: status.times, hasData, overview, folder: folder.state }),
  );
}
