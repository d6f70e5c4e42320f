import { BackupHealthPanel } from './backup-health-panel';
import { EndOfDayField } from './end-of-day-field';
import { SnapshotsSection } from './snapshots-section';

/** The `Backups` view: backup health, the snapshots kept in this browser, and the end-of-day time. */
export function BackupsPage() {
  return (
    <div className="backups-page">
      <BackupHealthPanel />
      <SnapshotsSection />
      <section aria-label="Backup schedule" className="catalog-section backups-section">
        <h2>Schedule</h2>
        <EndOfDayField />
      </section>
    </div>
  );
}
