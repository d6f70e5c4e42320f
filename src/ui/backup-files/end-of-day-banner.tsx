import { assessDatabase } from '../../core/risk/assess';
import { formatTimeOfDay, isEndOfDayFileMissing } from '../../core/snapshots/end-of-day';
import { useBackups } from '../common/backups-context';
import { useDatabase } from '../common/database-context';
import { Notice } from '../common/notice';
import { useNow } from '../common/use-now';
import { useBackupDownload } from '../common/use-backup-download';

/**
 * End of day without a backup folder (or without access to it): a banner with `Download backup`
 * from the end-of-day time until a backup file is made.
 */
export function EndOfDayBanner() {
  const { status } = useDatabase();
  const { endOfDay, folder } = useBackups();
  const now = useNow();
  const { run, busy, notice } = useBackupDownload();
  if (!status) return null;
  const hasData = Object.values(status.counts).some((n) => n > 0);
  const { hasChangesSinceBackup } = assessDatabase({
    times: status.times,
    configurationCount: status.counts.brokerage_configurations,
    hasData,
    now,
  });
  const isMissing = isEndOfDayFileMissing({
    now,
    at: endOfDay,
    lastBackupAt: status.times.lastBackupAt,
    hasChangesSinceBackup,
  });
  if (!isMissing) return notice ? <Notice notice={notice} /> : null;
  return (
    <section className="end-of-day-banner" aria-label="End of day backup" role="region">
      <p>
        <strong>End of day ({formatTimeOfDay(endOfDay)}):</strong> today’s backup file is not made yet.{' '}
        {folder.state === 'needs-reconnect'
          ? 'The backup folder needs your permission again — the button asks for it.'
          : 'Download it and keep it in the team’s folder (ff2api_backups/daily/).'}
      </p>
      <button type="button" className="primary" disabled={busy !== null} onClick={() => void run('manual')}>
        {busy ? 'Preparing…' : 'Download backup'}
      </button>
      {notice ? <Notice notice={notice} /> : null}
    </section>
  );
}
