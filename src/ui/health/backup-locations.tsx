import { HealthLocationsTable } from './health-locations-table';
import { useBackupHealth } from './use-backup-health';

/**
 * Where the copies are — this browser, downloads, the backup folder, the team store — as backup
 * health sees them: the health panel's table, for the views that show it apart (the Team view,
 * given it by the shell).
 */
export function BackupLocations() {
  const health = useBackupHealth();
  if (!health) return <p role="status">Reading backup locations…</p>;
  return <HealthLocationsTable locations={health.input.locations} />;
}
