import type { Database } from '../../core/db/sql-types';
import { selectRows } from '../../core/db/transaction';
import { fail, ok, type Result } from '../../core/result';
import { hasCapture } from '../../core/team-sync/capture-triggers';
import type { RestoreRecord } from '../../core/team-sync/changes';
import { teamChangesSince, type ChangesByPerson } from '../../core/team-sync/changes-since';
import type { LostChange } from '../../core/team-sync/epochs';
import { clockTime } from '../../core/team-sync/hlc';
import { captureAndQueue, pendingCount } from '../../core/team-sync/local-queue';
import { META, readEpoch, readSyncMeta } from '../../core/team-sync/sync-meta';
import { conflictView, teamBrowsers, type ConflictView, type TeamBrowser } from '../../core/team-sync/team-views';
import { compact } from './compaction-run';
import { resolveConflict } from './conflict-actions';
import { pull } from './pull';
import { push } from './push';
import { joinTeam, startTeam } from './start-team';
import { currentState, writeStateIfDue } from './state-writer';
import { emptyReport, syncContext, type RefusedObject, type SyncContext, type SyncReport } from './sync-context';
import type { TeamSyncDeps } from './team-connection';
import { readTeammates } from './teammates';
import { restoreForTeam, type TeamRestoreInput } from './team-restore';
import { findTeamConflicts } from './conflict-actions';
import { engineWrite } from './engine-write';
import type { DeviceState } from '../../core/team-sync/device-state';
import type { MembershipEnd } from '../../core/team-sync/membership';
import { teamHealth, type TeamHealthWarning } from '../../core/team-sync/team-health';
import { readStalledLogs } from './stalled-logs';
import { leaveTeam, readDeparture, removeBrowser } from './membership-actions';

/**
 * The team database's engine for one browser: over the live database, the team store's
 * connection, the page's clock and a safety-snapshot function. Local writes never wait for it
 * (the triggers note them inside their own transaction); `captureLocalWrites` turns notes into
 * changes after a write, and `syncNow` pulls what teammates changed, pushes what this browser
 * changed, compacts and writes its state. Its operations run one at a time; everything it knows
 * is in the database, so a new TeamSync over the same database carries on where the last stopped.
 */
export class TeamSync {
  private readonly ctx: SyncContext;
  private running: Promise<unknown> = Promise.resolve();

  constructor(deps: TeamSyncDeps) {
    this.ctx = syncContext(deps);
  }

  /** Whether this browser's database is in this connection's team. */
  isJoined(): boolean {
    return this.ctx.deps.database.read(
      (db) => readSyncMeta(db, META.team) === this.ctx.deps.connection.teamKey.teamId && hasCapture(db),
    );
  }

  /** Starts the team from this browser's data (the store must hold no team yet), then syncs. */
  startTeam(): Promise<Result<SyncReport>> {
    return this.serial(async () => {
      const started = await startTeam(this.ctx);
      return started.ok ? this.sync() : started;
    });
  }

  /** Joins the team in the store, this browser's data merged in, then syncs. */
  join(): Promise<Result<SyncReport>> {
    return this.serial(async () => {
      // Joining again after leaving or being removed is a new membership (an old removal names the old one).
      const fresh = await engineWrite(this.ctx.deps.database, (db) => {
        if (readSyncMeta(db, META.departure)) db.run('DELETE FROM team_sync_meta WHERE key = ?', [META.joinedAt]);
        return ok(undefined);
      });
      if (!fresh.ok) return fresh;
      const joined = await joinTeam(this.ctx);
      return joined.ok ? this.sync() : joined;
    });
  }

  /** Turns local writes noted since the last capture into changes (call after every write). */
  captureLocalWrites(): Promise<Result<number>> {
    return this.serial(() => this.capture());
  }

  /** Pull, then push, then compaction and the state object; an unreachable store is in the report, not a failure. */
  syncNow(): Promise<Result<SyncReport>> {
    return this.serial(() => this.sync());
  }

  /** This browser's changes not in the team store yet. */
  pendingCount(): number {
    return this.ctx.deps.database.read((db) => pendingCount(db));
  }

  /** Every conflict, the latest first, credentials masked. */
  conflicts(): ConflictView[] {
    return this.ctx.deps.database.read((db) => findTeamConflicts(db)).map(conflictView);
  }

  /** Takes the value that lost: a change that ends the conflict in every browser. */
  useOtherValue(conflictId: string): Promise<Result<void>> {
    return this.serial(() => resolveConflict(this.ctx, conflictId, 'other'));
  }

  /** Keeps the value the field has: the conflict ends in every browser. */
  keepCurrentValue(conflictId: string): Promise<Result<void>> {
    return this.serial(() => resolveConflict(this.ctx, conflictId, 'current'));
  }

  /** The team's browsers as their states last said (this one as it is now). */
  browsers(): TeamBrowser[] {
    return teamBrowsers(this.states(), this.ctx.me, this.ctx.nowMs());
  }

  /** Team health: teammates silent for a day with unshared changes, logs that cannot be read on. */
  health(): TeamHealthWarning[] {
    return teamHealth(
      this.browsers(),
      this.ctx.deps.database.read((db) => readStalledLogs(db)),
    );
  }

  /** Every browser's state as last read (this one as it is now). */
  states(): DeviceState[] {
    return [...this.ctx.deps.database.read((db) => readTeammates(db)), currentState(this.ctx)];
  }

  /** Removes a teammate's browser from the team (announced in this browser's state). */
  removeBrowser(device: string): Promise<Result<{ announced: boolean }>> {
    return this.serial(() => removeBrowser(this.ctx, device));
  }

  /** Shares what it can, announces that this browser leaves, and stops syncing here. */
  leave(): Promise<Result<MembershipEnd & { unshared: number }>> {
    return this.serial(async () => {
      const synced = await this.sync();
      if (!synced.ok) return synced;
      const left = await leaveTeam(this.ctx);
      return left.ok ? ok({ ...left.value, unshared: this.pendingCount() }) : left;
    });
  }

  /** Why this browser stopped syncing (removed by a teammate, or left), or null. */
  departure(): (MembershipEnd & { unshared: number }) | null {
    return readDeparture(this.ctx);
  }

  /** Replaces the team's database with restored data, for everyone (see team-restore.ts). */
  restoreForTeam(input: TeamRestoreInput): Promise<Result<RestoreRecord>> {
    return this.serial(() => restoreForTeam(this.ctx, input));
  }

  /**
   * What teammates (every browser but this one) changed since a file was made, by person: the
   * restore preview's "check with the team". A file of unknown age: everything they changed.
   */
  changesSince(file: Database, fileCreatedAt: string | null): ChangesByPerson[] {
    const states = this.states();
    return this.ctx.deps.database
      .read((db) => teamChangesSince(db, file, fileCreatedAt ?? '', states))
      .filter((person) => person.device !== this.ctx.me);
  }

  /** The team restores this browser knows, newest first, and which one the data comes from. */
  restores(): { record: RestoreRecord; at: string; isCurrent: boolean }[] {
    return this.ctx.deps.database.read((db) => {
      const current = readEpoch(db).id;
      return selectRows<{ id: string; hlc: string; record: string }>(
        db,
        'SELECT id, hlc, record FROM team_sync_restores ORDER BY hlc DESC',
      ).map((r) => ({
        record: JSON.parse(r.record) as RestoreRecord,
        at: clockTime(r.hlc),
        isCurrent: r.id === current,
      }));
    });
  }

  /** Changes team restores replaced before anyone saw them. */
  lostChanges(): LostChange[] {
    return this.ctx.deps.database.read((db) =>
      selectRows<{ record: string }>(db, 'SELECT record FROM team_sync_lost ORDER BY hlc DESC').map(
        (r) => JSON.parse(r.record) as LostChange,
      ),
    );
  }

  /** Objects in the store that were refused. */
  refusedObjects(): (RefusedObject & { at: string })[] {
    return this.ctx.deps.database.read((db) =>
      selectRows(db, 'SELECT name, reason, at FROM team_sync_refused ORDER BY at DESC'),
    );
  }

  private async capture(): Promise<Result<number>> {
    if (!this.isJoined()) return ok(0);
    const { connection } = this.ctx.deps;
    return engineWrite(this.ctx.deps.database, (db) =>
      ok(captureAndQueue(db, this.ctx.me, connection.person, this.ctx.nowMs())),
    );
  }

  private async sync(): Promise<Result<SyncReport>> {
    if (!this.isJoined())
      return fail('team-not-joined', 'This browser is not in the team yet: join the team first. Nothing was changed.');
    const report = emptyReport();
    const captured = await this.capture();
    if (!captured.ok) return captured;
    let pulled = await pull(this.ctx, report);
    for (let again = 0; pulled.ok && pulled.value.again && again < 4; again++) pulled = await pull(this.ctx, report);
    if (!pulled.ok) return report.unreachable !== null ? ok(report) : pulled;
    const stored = pulled.value.listing.devices.get(this.ctx.me)?.logs ?? [];
    const pushed = await push(this.ctx, report, Math.max(0, ...stored));
    // The logs could not be stored: the state still tries to go out, so teammates learn that this
    // browser holds changes they do not have (team health warns when it then falls silent).
    if (!pushed.ok) {
      await writeStateIfDue(this.ctx);
      return ok(report);
    }
    await compact(this.ctx, pulled.value.listing, report);
    await writeStateIfDue(this.ctx);
    return ok(report);
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.running.then(work, work);
    this.running = next.catch(() => undefined);
    return next;
  }
}
