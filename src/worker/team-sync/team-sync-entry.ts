import { fail, ok, type Result } from '../../core/result';
import type { MembershipEnd } from '../../core/team-sync/membership';
import type { TeamActivityEntry } from '../../core/team-sync/team-activity';
import type { ConflictView, TeamBrowser } from '../../core/team-sync/team-views';
import { lazyModule } from '../../platform/lazy-import';
import type { TeamRestoreNotice } from './restore-notice';
import type { SyncReport } from './sync-context';
import type { TeamConnection, TeamSyncDeps } from './team-connection';
import type { TeamSync } from './team-sync';
import type { TeamSyncFeature } from './team-sync-feature';
import { NOT_CONNECTED_STATUS, type TeamSyncStatus } from './team-sync-types';

/** The team database's engine (a chunk of its own), loaded once a team store is connected. */
const loadFeature = lazyModule(() => import('./team-sync-feature'));

/** What the entry is built from: the engine's parts, and the team store's connection as narrow functions. */
export interface TeamSyncEntryDeps extends Omit<TeamSyncDeps, 'connection'> {
  /** Whether a team store is connected here (cheap: reads this browser's row, loads nothing). */
  isConnected: () => boolean;
  /** The connection sync works over (the team store's code loads for it). */
  connection: () => Promise<Result<TeamConnection>>;
  /** Whether this tab writes the database (only the writing tab shares and applies changes). */
  isWriter: () => boolean;
}

/**
 * The team database as the worker starts it: a browser with no team store connected gets every
 * answer at once without loading sync's code; once one is connected, the engine loads on first
 * use and follows the connection (a new connection, a new engine over the same database).
 */
export class TeamSyncEntry {
  private feature: TeamSyncFeature | null = null;
  private connectedTo: TeamConnection | null = null;

  constructor(private readonly deps: TeamSyncEntryDeps) {}

  async status(): Promise<TeamSyncStatus> {
    if (!this.deps.isConnected()) return NOT_CONNECTED_STATUS;
    const feature = await this.ready();
    if (!feature.ok) throw new Error(feature.error.message);
    return { ...feature.value.status(), isOtherTabWriting: !this.deps.isWriter() };
  }

  conflicts(): Promise<ConflictView[]> {
    return this.read([], (feature) => feature.conflicts());
  }

  browsers(): Promise<TeamBrowser[]> {
    return this.read([], (feature) => feature.browsers());
  }

  activity(): Promise<TeamActivityEntry[]> {
    return this.read([], (feature) => feature.activity());
  }

  restoreNotice(): Promise<TeamRestoreNotice | null> {
    return this.read(null, (feature) => feature.restoreNotice());
  }

  joinTeamDatabase(): Promise<Result<SyncReport>> {
    return this.act((feature) => feature.joinTeamDatabase());
  }

  /** A sync; in a tab that does not write the database, nothing (the writing tab shares). */
  async syncNow(): Promise<Result<SyncReport>> {
    if (!this.deps.isWriter()) return fail('team-other-tab', MESSAGES.otherTab);
    return this.act((feature) => feature.syncNow());
  }

  removeBrowser(device: string): Promise<Result<{ announced: boolean }>> {
    return this.act((feature) => feature.removeBrowser(device));
  }

  leaveTeam(): Promise<Result<MembershipEnd & { unshared: number }>> {
    return this.act((feature) => feature.leaveTeam());
  }

  useOtherValue(conflictId: string): Promise<Result<void>> {
    return this.act((feature) => feature.useOtherValue(conflictId));
  }

  keepCurrentValue(conflictId: string): Promise<Result<void>> {
    return this.act((feature) => feature.keepCurrentValue(conflictId));
  }

  /**
   * The engine, when this browser is in the team database and this tab writes it (the restore
   * feature's team restores go through it, see app-calls.ts); null otherwise.
   */
  async joinedEngine(): Promise<TeamSync | null> {
    if (!this.deps.isConnected() || !this.deps.isWriter()) return null;
    const feature = await this.ready();
    const engine = feature.ok ? feature.value.engine : null;
    return engine?.isJoined() ? engine : null;
  }

  private async read<T>(none: T, work: (feature: TeamSyncFeature) => T): Promise<T> {
    if (!this.deps.isConnected()) return none;
    const feature = await this.ready();
    if (!feature.ok) throw new Error(feature.error.message);
    return work(feature.value);
  }

  private async act<T>(work: (feature: TeamSyncFeature) => Promise<Result<T>>): Promise<Result<T>> {
    if (!this.deps.isConnected()) return fail('team-not-connected', MESSAGES.notConnected);
    const feature = await this.ready();
    return feature.ok ? work(feature.value) : feature;
  }

  /** The feature, loaded and connected to the team store's current connection. */
  private async ready(): Promise<Result<TeamSyncFeature>> {
    const connection = await this.deps.connection();
    if (!connection.ok) return connection;
    const loaded = await loadFeature();
    if (!loaded.ok) return loaded;
    const { isConnected: _connected, connection: _connection, isWriter: _writer, ...base } = this.deps;
    this.feature ??= new loaded.value.TeamSyncFeature(base);
    if (!isSameConnection(this.connectedTo, connection.value)) {
      this.feature.connect(connection.value);
      this.connectedTo = connection.value;
    }
    return ok(this.feature);
  }
}

/** The same store, team, device and names: the engine (and its queue of operations) carries on. */
function isSameConnection(a: TeamConnection | null, b: TeamConnection): boolean {
  return (
    a !== null &&
    a.store === b.store &&
    a.prefix === b.prefix &&
    a.teamKey === b.teamKey &&
    a.deviceId === b.deviceId &&
    a.browserName === b.browserName &&
    a.person === b.person
  );
}

const MESSAGES = {
  notConnected:
    'No team store is connected in this browser. Connect one under Team → Team store first; nothing was changed.',
  otherTab:
    'Another tab of this app writes the database in this browser; that tab shares the changes with the team. Nothing was changed here.',
} as const;
