import { assessDatabase } from '../../core/risk/assess';
import { useDatabase } from '../database-context';
import { useNow } from '../shared/use-now';
import { Notice } from '../shared/notice';
import { useBackupDownload } from '../sidebar/use-backup-download';

/**
 * The top-of-main warning with its own emergency backup button, shown when risk is High or worse,
 * or the database is at Warning age or older with changes not in any backup.
 */
export function UrgentBackupBanner() {
  const { status } = useDatabase();
  const now = useNow();
  const { run, busy, notice } = useBackupDownload();
  if (!status) return null;
  const hasData = Object.values(status.counts).some((n) => n > 0);
  const a = assessDatabase({ times: status.times, configurationCount: status.counts.brokerage_configurations, hasData, now });
  if (!a.showsUrgentBanner) return notice ? <Notice notice={notice} /> : null;
  return (
    <section className="urgent-banner" aria-label="Backup warning" role="region">
      <p>
        <strong>{a.riskLevel} risk · {a.ageLevel}.</strong>{' '}
        {a.backupPoint === null
          ? 'This data has never been backed up and exists only in this browser.'
          : 'Changes since the last backup exist only in this browser.'}{' '}
        Download a backup now.
      </p>
      <button type="button" className="primary" disabled={busy !== null} onClick={() => void run('emergency')}>
        {busy ? 'Preparing…' : 'Quick emergency backup'}
      </button>
      {notice ? <Notice notice={notice} /> : null}
    </section>
  );
}
