import type { MembershipEnd } from '../../core/team-sync/membership';
import type { TeamHealthWarning } from '../../core/team-sync/team-health';
import type { SyncReport } from './sync-context';

/** What the page sees of the team database in this browser (`getTeamSyncStatus`). */
export interface TeamSyncStatus {
  /** A team store is connected in this browser. */
  isConnected: boolean;
  /** This browser's database is the team's (joined or started here). */
  isJoined: boolean;
  /** This browser's changes not in the team store yet ("N changes not shared yet"). */
  pending: number;
  conflicts: number;
  /** Another tab of this browser writes the database; it shares the changes. */
  isOtherTabWriting: boolean;
  /** The last sync's report (null before the first). */
  lastSync: (SyncReport & { at: string }) | null;
  /** Why this browser stopped syncing (removed by a teammate, or left), with its changes not shared. */
  departure: (MembershipEnd & { unshared: number }) | null;
  /** Team health's warnings (every browser shows the same ones). */
  health: TeamHealthWarning[];
}

/** The status of a browser with no team store connected (answered without loading sync's code). */
export const NOT_CONNECTED_STATUS: TeamSyncStatus = {
  isConnected: false,
  isJoined: false,
  pending: 0,
  conflicts: 0,
  isOtherTabWriting: false,
  lastSync: null,
  departure: null,
  health: [],
};
