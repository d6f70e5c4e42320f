import { NO_BACKUP_CRITICAL_HOURS } from '../../core/snapshots/health';
import { TRIGGER_LABELS } from '../../core/snapshots/triggers';
import { useDatabase } from '../shared/database-context';
import { formatBytes, formatHours, formatLocalTime, plural } from '../shared/format';
import { useNow } from '../shared/use-now';
import { useBackups } from '../shared/backups-context';
import { useBackupHealth } from './use-backup-health';
import { BackupLocations } from './backup-locations';

const LEVEL_TONE = { Good: 'success', Warning: 'warning', Critical: 'error' } as const;

/**
 * `<section aria-label="Backup health">`: the level and why, the recovery point (age of the
 * newest copy outside the browser), the last measured restore time, the last snapshot and
 * verified file, snapshot storage against the quota, persistence and the folder.
 */
export function BackupHealthPanel() {
  const { status } = useDatabase();
  const { overview, folder } = useBackups();
  const health = useBackupHealth();
  const now = useNow();
  if (!status || !overview || !health)
    return (
      <section aria-label="Backup health">
        <p role="status">Reading backup health…</p>
      </section>
    );
  const hoursAgo = (iso: string) => formatHours(Math.max(0, (now.getTime() - Date.parse(iso)) / 3_600_000));
  const [newestFile] = overview.backupFiles;
  // The recovery point counts the team store: its newest checked copy may be newer than any file logged here.
  const storeCopy = overview.store?.newestGoodCopy;
  const lastFile =
    storeCopy && (!newestFile || storeCopy.at > newestFile.at)
      ? { at: storeCopy.at, fileName: storeCopy.fileName, where: 'team store' }
      : newestFile;
  const snapshot = overview.newestSnapshot;
  return (
    <section aria-label="Backup health" className="catalog-section backups-section">
      <h2>Backup health: {health.level}</h2>
      {health.findings.length === 0 ? (
        <p className="notice notice-success">
          {goodSummary(
            Object.values(status.counts).some((n) => n > 0),
            lastFile !== undefined,
          )}
        </p>
      ) : (
        <ul className={`notice notice-${LEVEL_TONE[health.level]} health-findings`}>
          {health.findings.map((finding) => (
            <li key={finding.text}>
              <strong>{finding.level}:</strong> {finding.text}
              {finding.since ? ` (since ${formatLocalTime(finding.since)})` : ''}
            </li>
          ))}
        </ul>
      )}
      <dl className="health-facts">
        <dt>Recovery point now</dt>
        <dd>
          {lastFile
            ? `${hoursAgo(lastFile.at)} — the newest copy outside this browser is ${lastFile.fileName} (${lastFile.where}, ${formatLocalTime(lastFile.at)}).`
            : 'No copy outside this browser yet: if the browser deleted its data now, everything would be lost. Download a backup or choose a backup folder.'}
        </dd>
        <dt>Last measured restore time</dt>
        <dd>
          {overview.lastRestoreMeasure
            ? `${(overview.lastRestoreMeasure.ms / 1000).toFixed(1)} s for ${plural(overview.lastRestoreMeasure.rows, 'row')} (${overview.lastRestoreMeasure.what}, ${formatLocalTime(overview.lastRestoreMeasure.at)}).`
            : 'Not measured yet: verify a backup file (a restore drill) to measure it.'}
        </dd>
        <dt>Last snapshot</dt>
        <dd>
          {snapshot
            ? `${formatLocalTime(snapshot.takenAt)} (${TRIGGER_LABELS[snapshot.trigger]}), ${snapshot.verification.state === 'verified' ? 'Verified' : snapshot.verification.state === 'failed' ? 'Verification failed' : 'being verified'}; ${plural(overview.snapshotCount, 'snapshot')} kept.`
            : 'None yet.'}
        </dd>
        <dt>Last verified file</dt>
        <dd>
          {overview.lastFileVerification
            ? `${overview.lastFileVerification.fileName}, ${formatLocalTime(overview.lastFileVerification.at)}: ${overview.lastFileVerification.ok ? 'sound' : 'failed its check'}.`
            : 'None yet: use “Verify a backup file” in the sidebar for a restore drill.'}
        </dd>
        <dt>Storage</dt>
        <dd>
          {overview.storage
            ? `${formatBytes(overview.storage.usageBytes)} used of ${formatBytes(overview.storage.quotaBytes)}. `
            : 'Usage unknown. '}
          {status.storagePersisted === true
            ? 'Storage is persistent: the browser promised not to clear it on its own.'
            : 'Storage is not persistent: the browser may clear it when space runs low — keep backup files.'}
        </dd>
        <dt>Backup folder</dt>
        <dd>
          {folder.state === 'unsupported'
            ? 'This browser cannot write into a folder (that needs Chrome or Edge): backups are downloaded.'
            : folder.state === 'not-chosen'
              ? 'Not chosen: backups are downloaded.'
              : folder.state === 'needs-reconnect'
                ? `${folder.handle?.name ?? 'The folder'} needs to be reconnected.`
                : `${folder.handle?.name ?? 'Connected'}${overview.folderSuccess ? `: last written ${formatLocalTime(overview.folderSuccess.at)} (${overview.folderSuccess.path}).` : '.'}`}
        </dd>
      </dl>
      <h3>Where the copies are</h3>
      <BackupLocations />
    </section>
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
