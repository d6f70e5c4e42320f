import type { FeatureCalls } from '../feature-calls';
import type { TeamSyncFeature } from './team-sync-feature';

/**
 * The team database's calls: what the Team view shows (status, conflicts, browsers, restores,
 * lost changes, refused objects) and what it does (start, join, sync now, settle a conflict).
 * Composed into app-calls.ts once the team store's connection is there to give the feature.
 */
export const teamSyncCalls = {
  reads: {
    /** Connected, joined, "N changes not shared yet", conflicts, the last sync. */
    getTeamSyncStatus: (team: TeamSyncFeature) => team.status(),
    /** Every conflict, the latest first (credentials masked). */
    listTeamConflicts: (team: TeamSyncFeature) => team.conflicts(),
    /** The team's browsers: name, person, last seen, changes not shared, last backup, health. */
    listTeamBrowsers: (team: TeamSyncFeature) => team.browsers(),
    /** Team restores, newest first, and which one the data comes from. */
    listTeamRestores: (team: TeamSyncFeature) => team.restores(),
    /** Changes team restores replaced before anyone saw them. */
    listLostTeamChanges: (team: TeamSyncFeature) => team.lostChanges(),
    /** Objects in the team store that were refused (tampered, foreign, not what they say). */
    listRefusedTeamObjects: (team: TeamSyncFeature) => team.refusedObjects(),
  },
  actions: {
    /** Starts the team database from this browser's data. */
    startTeam: (team: TeamSyncFeature) => team.startTeam(),
    /** Joins the team database, this browser's data merged in. */
    joinTeam: (team: TeamSyncFeature) => team.join(),
    /** Pull, push, compaction: now (on start, on focus, every few seconds while visible). */
    syncTeamNow: (team: TeamSyncFeature) => team.syncNow(),
    /** "Take the other value" of a conflict, for the whole team. */
    useOtherTeamValue: (team: TeamSyncFeature, conflictId: string) => team.useOtherValue(conflictId),
    /** Keeps the current value of a conflict, for the whole team. */
    keepCurrentTeamValue: (team: TeamSyncFeature, conflictId: string) => team.keepCurrentValue(conflictId),
  },
} satisfies FeatureCalls<TeamSyncFeature>;
