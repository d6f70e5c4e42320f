import { BackupLocations } from '../health/backup-locations';
import { TeamView } from '../team/team-view';
import { TeamDatabaseSection } from '../team-sync/team-database-section';
import { RestoreStep } from './restore-step';

/** The `Team` view, with the restore step, the health panel's locations and the team database's part passed in. */
export function TeamPage() {
  return <TeamView RestoreStep={RestoreStep} Locations={BackupLocations} TeamDatabase={TeamDatabaseSection} />;
}
