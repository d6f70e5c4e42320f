import { fail, type Result } from '../../core/result';
import { membershipActivity, type MembershipEnd } from '../../core/team-sync/membership';
import { teamActivity, type TeamActivityEntry } from '../../core/team-sync/team-activity';
import type { ConflictView, TeamBrowser } from '../../core/team-sync/team-views';
import { restoreNoticeOf, type TeamRestoreNotice } from './restore-notice';
import type { SyncReport } from './sync-context';
import type { TeamConnection, TeamSyncDeps } from './team-connection';
import { TeamSync } from './team-sync';
import type { TeamSyncStatus } from './team-sync-types';

/**
 * The team database as a worker feature, loaded once a team store is connected (team-sync-entry.ts
 * loads it): the engine over the connection it was given, and the last sync's report.
 */

const MESSAGES = {
  notConnected:
    'The team store is not connected in this browser. Connect it in Team → Team store first; nothing was changed.',
} as const;

export class TeamSyncFeature {
  private sync: TeamSync | null = null;
  private deviceId: string | null = null;
  private lastSync: TeamSyncStatus['lastSync'] = null;

  constructor(private readonly base: Omit<TeamSyncDeps, 'connection'>) {}

  /** Connects (or, with null, disconnects) the team store; the engine is made anew. */
  connect(connection: TeamConnection | null): void {
    this.sync = connection ? new TeamSync({ ...this.base, connection }) : null;
    this.deviceId = connection?.deviceId ?? null;
  }

  /** The engine, when connected (for the restore feature, through app-calls.ts). */
  get engine(): TeamSync | null {
    return this.sync;
  }

  status(): TeamSyncStatus {
    const sync = this.sync;
    const isJoined = sync?.isJoined() ?? false;
    return {
      isConnected: sync !== null,
      isJoined,
      pending: sync && isJoined ? sync.pendingCount() : 0,
      conflicts: sync && isJoined ? sync.conflicts().length : 0,
      isOtherTabWriting: false,
      lastSync: this.lastSync,
      departure: sync && !isJoined ? sync.departure() : null,
      health: sync && isJoined ? sync.health() : [],
    };
  }

  conflicts(): ConflictView[] {
    return this.sync?.isJoined() ? this.sync.conflicts() : [];
  }

  browsers(): TeamBrowser[] {
    return this.sync?.isJoined() ? this.sync.browsers() : [];
  }

  /** Joins, restores, conflicts, backups and refused objects, newest first. */
  activity(): TeamActivityEntry[] {
    const sync = this.sync;
    if (!sync?.isJoined()) return [];
    return teamActivity({
      browsers: sync.browsers(),
      restores: sync.restores(),
      lost: sync.lostChanges(),
      conflicts: sync.conflicts(),
      refused: sync.refusedObjects(),
      departures: membershipActivity(sync.states()),
    });
  }

  /** A teammate's team restore the data comes from now, for the sidebar's notice (restore-notice.ts). */
  restoreNotice(): TeamRestoreNotice | null {
    const sync = this.sync;
    return sync?.isJoined() && this.deviceId ? restoreNoticeOf(sync.restores(), this.deviceId) : null;
  }

  /**
   * Makes this browser's database the team's: it joins the team database in the store, its own
   * data merged in; the first browser, finding none, starts it from its data.
   */
  joinTeamDatabase(): Promise<Result<SyncReport>> {
    return this.withEngine(async (sync) => {
      if (sync.isJoined()) return this.remember(sync.syncNow());
      const started = await this.remember(sync.startTeam());
      return !started.ok && started.error.code === 'team-exists' ? this.remember(sync.join()) : started;
    });
  }

  syncNow(): Promise<Result<SyncReport>> {
    return this.withEngine((sync) => this.remember(sync.syncNow()));
  }

  removeBrowser(device: string): Promise<Result<{ announced: boolean }>> {
    return this.withEngine((sync) => sync.removeBrowser(device));
  }

  leaveTeam(): Promise<Result<MembershipEnd & { unshared: number }>> {
    return this.withEngine((sync) => sync.leave());
  }

  useOtherValue(conflictId: string): Promise<Result<void>> {
    return this.withEngine((sync) => sync.useOtherValue(conflictId));
  }

  keepCurrentValue(conflictId: string): Promise<Result<void>> {
    return this.withEngine((sync) => sync.keepCurrentValue(conflictId));
  }

  private async remember(pending: Promise<Result<SyncReport>>): Promise<Result<SyncReport>> {
    const result = await pending;
    if (result.ok) this.lastSync = { ...result.value, at: this.base.clock.now().toISOString() };
    return result;
  }

  private withEngine<T>(work: (sync: TeamSync) => Promise<Result<T>>): Promise<Result<T>> {
    return this.sync ? work(this.sync) : Promise.resolve(fail('team-not-connected', MESSAGES.notConnected));
  }
}
