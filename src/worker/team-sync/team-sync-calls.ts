import type { FeatureCalls } from '../feature-calls';
import type { TeamSyncEntry } from './team-sync-entry';

/**
 * The team database's calls: what the Team view shows (status, conflicts, the team's browsers,
 * its activity) and what it does (join the team database, sync now, settle a conflict). The
 * page's own timers call `syncTeamNow` (at start, on focus, every few seconds while visible).
 */
export const teamSyncCalls = {
  reads: {
    /** Connected, joined, "N changes not shared yet", conflicts, the last sync. */
    getTeamSyncStatus: (team: TeamSyncEntry) => team.status(),
    /** Every conflict, the latest first (credentials masked). */
    listTeamConflicts: (team: TeamSyncEntry) => team.conflicts(),
    /** The team's browsers: name, person, last seen, changes not shared, last backup, health. */
    listTeamBrowsers: (team: TeamSyncEntry) => team.browsers(),
    /** Joins, backups, team restores, lost changes, conflicts and refused objects, newest first. */
    listTeamActivity: (team: TeamSyncEntry) => team.activity(),
    /** A teammate's team restore the data comes from now ("Alice replaced the team database with …"), or null. */
    getTeamRestoreNotice: (team: TeamSyncEntry) => team.restoreNotice(),
  },
  actions: {
    /** This browser's database becomes the team's: joined with its data merged in, or the team's first. */
    joinTeamDatabase: (team: TeamSyncEntry) => team.joinTeamDatabase(),
    /** Pull, push, compaction: now. */
    syncTeamNow: (team: TeamSyncEntry) => team.syncNow(),
    /** Removes a teammate's browser from the team (it stops syncing when it next syncs; its data stays). */
    removeTeamBrowser: (team: TeamSyncEntry, device: string) => team.removeBrowser(device),
    /** This browser leaves the team: announced, then it stops syncing (its data stays). */
    leaveTeam: (team: TeamSyncEntry) => team.leaveTeam(),
    /** "Take the other value" of a conflict, for the whole team. */
    useOtherTeamValue: (team: TeamSyncEntry, conflictId: string) => team.useOtherValue(conflictId),
    /** Keeps the current value of a conflict, for the whole team. */
    keepCurrentTeamValue: (team: TeamSyncEntry, conflictId: string) => team.keepCurrentValue(conflictId),
  },
} satisfies FeatureCalls<TeamSyncEntry>;
