import './team-sync.css';
import { useDatabase } from '../common/database-context';
import { useApiRead } from '../common/use-api-read';
import { useWriteAction } from '../common/use-write-action';
import { formatLocalTime } from '../common/format';
import { Notice } from '../common/notice';
import { TeamActivitySection } from './team-activity-section';
import { TeamBrowsersSection } from './team-browsers-section';
import { TeamConflictsSection } from './team-conflicts-section';
import { sharingText } from './team-sync-words';
import { TeamHealthWarnings } from './team-health-warnings';
import { DepartureNotice, LeaveTeamButton } from './team-membership';

/**
 * The team database in the Team view (once a team store is connected): whether this browser's
 * changes are shared, joining the team database, and — once joined — the team's browsers, the
 * conflicts to settle and what the team did.
 */
export function TeamDatabaseSection() {
  const { data: status } = useApiRead((api) => api.getTeamSyncStatus(), []);
  const { api } = useDatabase();
  const { run, isBusy, notice } = useWriteAction();
  if (!status?.isConnected) return null;
  const join = () =>
    run(
      () => api.joinTeamDatabase(),
      (report) =>
        report.loadedSnapshot
          ? 'This browser joined the team database: the team’s data is here, and this browser’s own was merged in.'
          : 'The team database starts from this browser’s data; teammates who join get it.',
    );
  return (
    <section aria-label="Team database" className="catalog-section team-database">
      <h2>Team database</h2>
      {status.departure && !status.isJoined ? (
        <DepartureNotice departure={status.departure} />
      ) : (
        <p role="status" className={status.isJoined && status.pending > 0 ? 'notice notice-warning' : 'caption'}>
          {sharingText(status)}
        </p>
      )}
      {status.isJoined ? (
        <p className="caption">
          Every change made here is shared with the team, and teammates’ changes arrive within seconds while the app is
          open.{status.lastSync ? ` Last sync: ${formatLocalTime(status.lastSync.at)}.` : ''}
        </p>
      ) : (
        <>
          <p>
            Join the team database to keep one database with the whole team: the team’s brokerages, configurations and
            upload history come here, and this browser’s own are merged in — nothing of them is dropped. The first
            browser to join starts it from its data.
          </p>
          <div className="button-row">
            <button type="button" className="primary" aria-disabled={isBusy} onClick={() => void join()}>
              Join the team database
            </button>
          </div>
        </>
      )}
      {notice ? <Notice notice={notice} takesFocus /> : null}
      {status.isJoined ? (
        <>
          <TeamHealthWarnings warnings={status.health} />
          <TeamBrowsersSection />
          <TeamConflictsSection />
          <TeamActivitySection />
          <LeaveTeamButton />
        </>
      ) : null}
    </section>
  );
}
