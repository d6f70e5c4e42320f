import { NO_BACKUP_CRITICAL_HOURS, type HealthFinding } from '../../core/snapshots/health';
import { useBackups } from '../common/backups-context';
import { useDatabase } from '../common/database-context';
import { formatLocalTime } from '../common/format';
import { HealthActionButton } from './health-action-button';
import { HealthFacts } from './health-facts';
import { HealthLocationsTable } from './health-locations-table';
import { useBackupHealth } from './use-backup-health';

const LEVEL_TONE = { Good: 'success', Warning: 'warning', Critical: 'error' } as const;

/**
 * `<section aria-label="Backup health">`: the level and each finding with what clears it (and a
 * button that does it), where the copies are, and the facts behind it — the recovery point, the
 * last measured restore time, the last check, storage.
 */
export function BackupHealthPanel() {
  const { status } = useDatabase();
  const { overview } = useBackups();
  const health = useBackupHealth();
  if (!status || !overview || !health) {
    return (
      <section aria-label="Backup health">
        <p role="status">Reading backup health…</p>
      </section>
    );
  }
  const hasData = Object.values(status.counts).some((n) => n > 0);
  return (
    <section aria-label="Backup health" className="catalog-section backups-section">
      <h2>Backup health: {health.level}</h2>
      {health.findings.length === 0 ? (
        <p className="notice notice-success">{goodSummary(hasData, overview.backupFiles.length > 0)}</p>
      ) : (
        <ul className={`notice notice-${LEVEL_TONE[health.level]} health-findings`}>
          {health.findings.map((finding) => (
            <FindingItem key={`${finding.location}:${finding.text}`} finding={finding} />
          ))}
        </ul>
      )}
      <HealthLocationsTable locations={health.input.locations} />
      <HealthFacts />
    </section>
  );
}

function FindingItem({ finding }: { finding: HealthFinding }) {
  return (
    <li>
      <p>
        <strong>{finding.level}:</strong> {finding.text}
        {finding.since ? ` (since ${formatLocalTime(finding.since)})` : ''}
      </p>
      <p className="health-clears">
        <span className="visually-hidden">What clears it: </span>
        {finding.clears}
      </p>
      {finding.action ? <HealthActionButton action={finding.action} /> : null}
    </li>
  );
}

/** What "Good" means right now: never "nothing to do" while no copy exists outside the browser. */
function goodSummary(hasData: boolean, hasBackupFile: boolean): string {
  if (!hasData) return 'Nothing to back up yet.';
  if (!hasBackupFile) {
    return `Nothing is overdue yet, but there is no backup file: health turns Critical ${NO_BACKUP_CRITICAL_HOURS} hours after the first change without one. Download a backup or choose a backup folder.`;
  }
  return 'Backups are regular, checked and complete. Nothing to do.';
}
