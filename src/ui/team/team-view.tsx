import type { ComponentType } from 'react';
import { useApiRead } from '../common/use-api-read';
import type { RestoreStep } from '../common/restore-step';
import { PendingCopies } from './pending-copies';
import { TeamBackupsSection } from './team-backups-section';
import { TeamStoreSection } from './team-store-section';

/**
 * The `Team` view: the team store's connection, then — once connected — the team database (its
 * own feature's part), the team's backups in the store, the copies waiting for it, and where each
 * copy of the data is (the health panel's part). The shell gives the parts and the restore step.
 */
export function TeamView({
  RestoreStep,
  Locations,
  TeamDatabase,
}: {
  RestoreStep: RestoreStep;
  Locations: ComponentType;
  TeamDatabase: ComponentType;
}) {
  const { data: status } = useApiRead((api) => api.getTeamStoreStatus(), []);
  return (
    <div className="team-page">
      <TeamStoreSection />
      {status?.connected ? (
        <>
          <TeamDatabase />
          <PendingCopies pending={status.pending} />
          <TeamBackupsSection RestoreStep={RestoreStep} />
        </>
      ) : null}
      <section aria-label="Backup locations" className="catalog-section">
        <h2>Where the copies are</h2>
        <Locations />
      </section>
    </div>
  );
}
