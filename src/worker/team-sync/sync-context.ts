import { DEFAULT_COMPACTION, type CompactionPolicy } from '../../core/team-sync/compaction';
import type { RestoreRecord } from '../../core/team-sync/changes';
import type { LostChange } from '../../core/team-sync/epochs';
import { SealedObjects } from './sealed-objects';
import type { TeamSyncDeps } from './team-connection';

/**
 * What every step of a sync shares: the engine's parts, the store's objects, the policy, and the
 * report the step adds to (what the Team view and the caller of syncNow are told).
 */

export interface SyncContext {
  deps: TeamSyncDeps;
  objects: SealedObjects;
  policy: CompactionPolicy;
  me: string;
  maxChangesPerLog: number;
  nowMs(): number;
  nowIso(): string;
}

/** An object refused during a sync (tampered, foreign, or not what its name says). */
export interface RefusedObject {
  name: string;
  reason: string;
}

/** What one sync did. */
export interface SyncReport {
  /** Changes from teammates applied. */
  applied: number;
  /** Rows of the data tables that changed here. */
  rowsChanged: number;
  /** Changes of this browser stored in the team store. */
  pushed: number;
  /** Log objects read. */
  logsRead: number;
  /** Teammates' state objects read because they changed (who is in the team, last seen, unshared changes). */
  statesRead: number;
  refused: RefusedObject[];
  /** Team restores applied here (someone replaced the team database). */
  restores: RestoreRecord[];
  /** Changes a team restore replaced before anyone saw them. */
  lost: LostChange[];
  /** A snapshot was loaded (joining, catching up after a long time away, a restore). */
  loadedSnapshot: boolean;
  /** A snapshot was written and checked. */
  wroteSnapshot: boolean;
  /** Objects of this browser deleted by compaction. */
  compacted: number;
  /** Set when the store could not be reached (work goes on; changes wait). */
  unreachable: string | null;
  /** This browser's database was older than what it had shared, so it joined again (nothing dropped). */
  rejoined: boolean;
}

export function emptyReport(): SyncReport {
  return {
    applied: 0,
    rowsChanged: 0,
    pushed: 0,
    logsRead: 0,
    statesRead: 0,
    refused: [],
    restores: [],
    lost: [],
    loadedSnapshot: false,
    wroteSnapshot: false,
    compacted: 0,
    unreachable: null,
    rejoined: false,
  };
}

/** The context of a TeamSync. */
export function syncContext(deps: TeamSyncDeps): SyncContext {
  return {
    deps,
    objects: new SealedObjects(deps.connection),
    policy: { ...DEFAULT_COMPACTION, ...deps.compaction },
    me: deps.connection.deviceId,
    maxChangesPerLog: deps.maxChangesPerLog ?? 5000,
    nowMs: () => deps.clock.now().getTime(),
    nowIso: () => deps.clock.now().toISOString(),
  };
}
