import { assessDatabase, type Assessment } from '../../core/risk/assess';
import { useDatabase } from '../common/database-context';
import { formatHours } from '../common/format';
import { useNow } from '../common/use-now';
import { Notice } from '../common/notice';
import { useBackupDownload } from '../common/use-backup-download';

/**
 * The top-of-main warning with its own emergency backup button, shown when risk is High or worse,
 * or the database is at Warning age or older with changes not in any backup. It uses the
 * sidebar's words and colours: red when either level is Critical, yellow otherwise.
 */
export function UrgentBackupBanner() {
  const { status } = useDatabase();
  const now = useNow();
  const { run, busy, notice } = useBackupDownload();
  if (!status) return null;
  const hasData = Object.values(status.counts).some((n) => n > 0);
  const a = assessDatabase({
    times: status.times,
    configurationCount: status.counts.brokerage_configurations,
    hasData,
    now,
  });
  if (!a.showsUrgentBanner) return notice ? <Notice notice={notice} takesFocus /> : null;
  const isCritical = a.riskLevel === 'Critical' || a.ageLevel === 'Critical';
  return (
    <section className={`urgent-banner ${isCritical ? 'urgent-error' : 'urgent-warning'}`} aria-label="Backup warning">
      <p>
        <strong>{a.riskLevel} risk</strong> · database age {a.ageLevel}
        {a.ageHours === null ? '' : ` (${formatHours(a.ageHours)})`}. {describeExposure(a)} Press Quick emergency backup
        to save a copy now.
      </p>
      <button type="button" className="primary" aria-disabled={busy !== null} onClick={() => void run('emergency')}>
        {busy ? 'Preparing…' : 'Quick emergency backup'}
      </button>
      {notice ? <Notice notice={notice} takesFocus /> : null}
    </section>
  );
}

/** What is at stake, in the sidebar's words. */
function describeExposure(a: Assessment): string {
  return a.backupPoint === null
    ? 'This data has never been backed up and exists only in this browser.'
    : `Changes since the last backup (${formatHours(a.hoursSinceBackup ?? 0)} ago) exist only in this browser.`;
}
