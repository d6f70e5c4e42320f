import { assessDatabase } from '../../core/risk/assess';
import type { DatabaseStatus } from '../../worker/status/status-types';

/** Whether the database has changes that are in no backup file (for the restore warning). */
export function hasChangesSinceBackup(status: DatabaseStatus | null): boolean {
  if (!status) return false;
  const hasData = Object.values(status.counts).some((n) => n > 0);
  return assessDatabase({
    times: status.times,
    configurationCount: status.counts.brokerage_configurations,
    hasData,
    now: new Date(status.readAt),
  }).hasChangesSinceBackup;
}
