import { AuditTrailSection } from '../audit/audit-trail-section';
import { DrillsSection } from '../drills/drills-section';
import { BackupHealthPanel } from '../health/backup-health-panel';
import { EndOfDayField } from '../snapshots/end-of-day-field';
import { RetentionPolicySection } from '../snapshots/retention-policy-section';
import { SnapshotsSection } from '../snapshots/snapshots-section';
import { RestoreStep } from './restore-step';

/**
 * The `Backups` view: backup health, drills, the snapshots kept in this browser and how long they
 * are kept, the end-of-day time, and the audit trail.
 */
export function BackupsPage() {
  return (
    <div className="backups-page">
      <BackupHealthPanel />
      <DrillsSection />
      <SnapshotsSection RestoreStep={RestoreStep} />
      <RetentionPolicySection />
      <section aria-label="Backup schedule" className="catalog-section backups-section">
        <h2>Schedule</h2>
        <EndOfDayField />
      </section>
      <AuditTrailSection />
    </div>
  );
}
