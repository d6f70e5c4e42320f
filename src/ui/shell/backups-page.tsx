import { BackupHealthPanel } from '../health/backup-health-panel';
import { EndOfDayField } from '../snapshots/end-of-day-field';
import { SnapshotsSection } from '../snapshots/snapshots-section';
import { RestoreStep } from './restore-step';

/** The `Backups` view: backup health, the snapshots kept in this browser, and the end-of-day time. */
export function BackupsPage() {
  return (
    <div className="backups-page">
      <BackupHealthPanel />
      <SnapshotsSection RestoreStep={RestoreStep} />
      <section aria-label="Backup schedule" className="catalog-section backups-section">
        <h2>Schedule</h2>
        <EndOfDayField />
      </section>
    </div>
  );
}
