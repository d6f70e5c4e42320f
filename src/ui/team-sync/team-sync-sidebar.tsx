import { TeamHealthWarnings } from './team-health-warnings';
import { TeamRestoreNotice } from './team-restore-notice';
import { sharingText } from './team-sync-words';
import { useTeamSyncClock } from './use-team-sync-clock';

/**
 * The team database in the sidebar, once a team store is connected (loaded only then): whether
 * this browser's changes are shared, with a way to the Team view. Mounted while a store is
 * connected, it also runs the team database's clock (use-team-sync-clock.ts).
 */
export function TeamSyncSidebar() {
  const status = useTeamSyncClock();
  if (!status?.isConnected) return null;
  const isWaiting = status.isJoined && status.pending > 0;
  return (
    <div className="sidebar-section team-sync-sidebar">
      <h3>Team database</h3>
      <p role="status" className={isWaiting ? 'notice notice-warning' : 'caption'}>
        {sharingText(status)}
        {status.conflicts > 0
          ? ` ${status.conflicts === 1 ? 'One conflict' : `${status.conflicts} conflicts`} to look at.`
          : ''}{' '}
        {!status.isJoined || status.conflicts > 0 || status.health.length > 0 ? <a href="#/team">Team</a> : null}
      </p>
      <TeamHealthWarnings warnings={status.health} short />
      {status.isJoined ? <TeamRestoreNotice /> : null}
    </div>
  );
}
