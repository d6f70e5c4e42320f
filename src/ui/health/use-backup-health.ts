import { assessBackupHealth, type HealthAssessment, type HealthInput } from '../../core/snapshots/health';
import { useBackups } from '../common/backups-context';
import { useDatabase } from '../common/database-context';
import { useNow } from '../common/use-now';
import { useDataDeleted } from '../common/data-deleted-context';
import { healthInputOf } from './health-input';
import { useStoreRules } from './use-store-rules';

/**
 * Backup health now (re-evaluated every minute as time passes) and what it was judged from; null
 * while loading. With a team store connected, the store is one more location, judged by its own
 * rules once they have loaded.
 */
export function useBackupHealth(): (HealthAssessment & { input: HealthInput }) | null {
  const { status } = useDatabase();
  const { overview, folder } = useBackups();
  const { deleted } = useDataDeleted();
  const now = useNow();
  const rules = useStoreRules(Boolean(overview?.store));
  if (!status || !overview) return null;
  const hasData = Object.values(status.counts).some((n) => n > 0);
  const input = healthInputOf(status, overview, {
    now,
    folder: { state: folder.state, name: folder.handle?.name ?? null },
    dataDeleted: deleted
      ? { lastSeenAt: deleted.lastSeenAt, lastBackupName: deleted.lastBackup?.fileName ?? null }
      : null,
    store:
      rules && overview.store ? rules.storeLocationOf(overview.store, { now, times: status.times, hasData }) : null,
  });
  return { ...assessBackupHealth(input), input };
}
