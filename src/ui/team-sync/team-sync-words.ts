import type { TeamSyncStatus } from '../../worker/team-sync/team-sync-types';
import { plural } from '../common/format';

/**
 * The team database's state in one sentence (docs/design.md: `N changes not shared yet` or
 * `All changes shared`), with why when the store cannot be reached: work goes on meanwhile.
 */
export function sharingText(status: TeamSyncStatus): string {
  if (!status.isJoined && status.departure)
    return status.departure.kind === 'removed'
      ? `${status.departure.person} removed this browser from the team; it no longer syncs.`
      : 'This browser left the team; it no longer syncs.';
  if (!status.isJoined) return 'This browser’s database is not the team’s yet.';
  if (status.isOtherTabWriting) return 'Another tab of this app shares this browser’s changes with the team.';
  const unreachable = status.lastSync?.unreachable ?? null;
  if (status.pending === 0)
    return unreachable ? 'All changes shared. The team store cannot be reached now.' : 'All changes shared';
  const waiting = `${plural(status.pending, 'change')} not shared yet`;
  return unreachable
    ? `${waiting}. The team store cannot be reached now; work goes on here, and they are shared once it can be.`
    : waiting;
}
