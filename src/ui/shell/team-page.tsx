import { BackupLocations } from '../health/backup-locations';
import { TeamView } from '../team/team-view';
import { RestoreStep } from './restore-step';

/** The `Team` view, with the restore feature's step and the health panel's locations passed in. */
export function TeamPage() {
  return <TeamView RestoreStep={RestoreStep} Locations={BackupLocations} />;
}
