import { fail, type Result } from '../../core/result';
import type { RestoreRecord } from '../../core/team-sync/changes';
import type { LostChange } from '../../core/team-sync/epochs';
import type { ConflictView, TeamBrowser } from '../../core/team-sync/team-views';
import type { RefusedObject, SyncReport } from './sync-context';
import type { TeamConnection, TeamSyncDeps } from './team-connection';
import { TeamSync } from './team-sync';

/**
 * The team database as a worker feature: the engine exists once the team store is connected
 * (the connection arrives from the Team view's setup), and every call says plainly when it is not.
 * What the page sees of sync; the restore feature reaches `engine` through app-calls.ts.
 */

export interface TeamSyncStatus {
  isConnected: boolean;
  isJoined: boolean;
  /** This browser's changes not in the team store yet ("N changes not shared yet"). */
  pending: number;
  conflicts: number;
  /** The last sync's report (null before the first). */
  lastSync: (SyncReport & { at: string }) | null;
}

const MESSAGES = {
  notConnected:
    'The team store is not connected in this browser. Connect it in Team → Team store first; nothing was changed.',
} as const;

export class TeamSyncFeature {
  private sync: TeamSync | null = null;
  private lastSync: TeamSyncStatus['lastSync'] = null;

  constructor(private readonly base: Omit<TeamSyncDeps, 'connection'>) {}

  /** Connects (or, with null, disconnects) the team store; the engine is made anew. */
  connect(connection: TeamConnection | null): void {
    this.sync = connection ? new TeamSync({ ...this.base, connection }) : null;
  }

  /** The engine, when connected (for the restore feature, through app-calls.ts). */
  get engine(): TeamSync | null {
    return this.sync;
  }

  status(): TeamSyncStatus {
    const sync = this.sync;
    if (!sync) return { isConnected: false, isJoined: false, pending: 0, conflicts: 0, lastSync: this.lastSync };
    const isJoined = sync.isJoined();
    return {
      isConnected: true,
      isJoined,
      pending: isJoined ? sync.pendingCount() : 0,
      conflicts: isJoined ? sync.conflicts().length : 0,
      lastSync: this.lastSync,
    };
  }

  conflicts(): ConflictView[] {
    return this.sync?.isJoined() ? this.sync.conflicts() : [];
  }

  browsers(): TeamBrowser[] {
    return this.sync?.isJoined() ? this.sync.browsers() : [];
  }

  restores(): { record: RestoreRecord; isCurrent: boolean }[] {
    return this.sync?.isJoined() ? this.sync.restores() : [];
  }

  lostChanges(): LostChange[] {
    return this.sync?.isJoined() ? this.sync.lostChanges() : [];
  }

  refusedObjects(): (RefusedObject & { at: string })[] {
    return this.sync?.refusedObjects() ?? [];
  }

  startTeam(): Promise<Result<SyncReport>> {
    return this.withEngine((sync) => this.remember(sync.startTeam()));
  }

  join(): Promise<Result<SyncReport>> {
    return this.withEngine((sync) => this.remember(sync.join()));
  }

  syncNow(): Promise<Result<SyncReport>> {
    return this.withEngine((sync) => this.remember(sync.syncNow()));
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
