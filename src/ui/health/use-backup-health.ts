import { assessBackupHealth, type HealthAssessment, type HealthInput } from '../../core/snapshots/health';
import { useBackups } from '../shared/backups-context';
import { useDatabase } from '../shared/database-context';
import { useNow } from '../shared/use-now';
import { useDataDeleted } from '../shared/data-deleted-context';
import { healthInputOf } from './health-input';

/** Backup health now (re-evaluated every minute as time passes) and what it was judged from; null while loading. */
export function useBackupHealth(): (HealthAssessment & { input: HealthInput }) | null {
  const { status } = useDatabase();
  const { overview, folder } = useBackups();
  const { deleted } = useDataDeleted();
  const now = useNow();
  if (!status || !overview) return null;
  const input = healthInputOf(status, overview, {
    now,
    folder: { state: folder.state, name: folder.handle?.name ?? null },
    dataDeleted: deleted
      ? { lastSeenAt: deleted.lastSeenAt, lastBackupName: deleted.lastBackup?.fileName ?? null }
      : null,
  });
  return { ...assessBackupHealth(input), input };
}
