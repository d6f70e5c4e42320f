import { logActivity } from '../../core/db/activity';
import { markRestored } from '../../core/team-sync/team-base';
import { exportDatabase, openDatabase } from '../../core/db/open';
import type { Database } from '../../core/db/sql-types';
import { inTransaction } from '../../core/db/transaction';
import { fail, ok, type Result } from '../../core/result';
import { assembleFromSnapshot } from '../../core/team-sync/assemble';
import type { Change } from '../../core/team-sync/changes';
import { recordLost, recordRestore } from '../../core/team-sync/epochs';
import { slotRange } from '../../core/team-sync/id-range';
import { captureAndQueue, queuedChanges, readPositions } from '../../core/team-sync/local-queue';
import { processLogs } from '../../core/team-sync/log-processing';
import type { TeamListing } from '../../core/team-sync/store-listing';
import { fetchNewLogs } from './fetch-logs';
import type { FoundRestore } from '../../core/team-sync/log-processing';
import { ownDataChanges } from '../../core/team-sync/own-changes';
import { alignOwnData } from '../../core/team-sync/own-data';
import { META, readClock, readEpoch, readSyncMeta, writeClock } from '../../core/team-sync/sync-meta';
import { laterClock, tickClock } from '../../core/team-sync/hlc';
import { clockOf } from '../../core/team-sync/apply';
import { removeCapture } from '../../core/team-sync/capture-triggers';
import { fetchSnapshot, type SnapshotRef } from './fetch-snapshot';
import type { SyncContext, SyncReport } from './sync-context';

/**
 * This browser takes a snapshot of the team database as its own (its rows and unshared changes
 * kept, see assemble.ts):
 * - `catch-up`: it was away so long that logs it needed are compacted away; its unshared changes
 *   go on top;
 * - `restore`: a teammate replaced the team database; first this browser's "Before restore"
 *   snapshot, then its unshared changes are reported lost (they were made on the data replaced);
 * - `join`: its own data joins the team's (own-data.ts), nothing dropped.
 * A snapshot of a newer epoch met while catching up is a restore too.
 */

export type LoadMode =
  | { kind: 'catch-up' }
  | { kind: 'restore'; restore: FoundRestore }
  | { kind: 'join'; slot: number; firstSequence: number; listing: TeamListing };

const MESSAGES = {
  safety:
    'A teammate replaced the team database, but this browser’s “Before restore” snapshot could not be taken, so the restore was not applied here yet. Nothing was changed; free some storage and sync again.',
} as const;

export async function loadSnapshot(
  ctx: SyncContext,
  ref: SnapshotRef,
  mode: LoadMode,
  report: SyncReport,
): Promise<Result<void>> {
  const fetched = await fetchSnapshot(ctx, ref, report);
  if (!fetched.ok) return fetched;
  const { db: next, details } = fetched.value;
  const { database } = ctx.deps;
  const current = database.read((db) => readEpoch(db));
  const isNewEpoch = mode.kind !== 'join' && details.epoch !== current.id;
  if (isNewEpoch) {
    const restore = mode.kind === 'restore' ? mode.restore.change.r : null;
    const summary = restore
      ? `Before team restore: ${restore.person} replaced the team database with ${restore.fileName ?? 'a snapshot'}`
      : 'Before team restore (catching up with the team)';
    const safety = await ctx.deps.takeSafetySnapshot(summary);
    if (!safety.ok) {
      next.close();
      return fail('team-restore-safety', MESSAGES.safety, safety.error.detail ?? safety.error.message);
    }
  }
  try {
    if (mode.kind === 'join') {
      // The team's logs after the snapshot first: this browser's rows are compared with the
      // team's latest, so a row the team already holds is not shared twice.
      const { cursors } = await fetchNewLogs(ctx, mode.listing, details.positions, report);
      next.exec('BEGIN');
      processLogs(next, cursors);
      next.exec('COMMIT');
      // The snapshot's positions, moved on where logs after it were read: a device with none
      // new keeps the snapshot's position (its older logs may be compacted away already).
      joinInto(ctx, next, { ...details.positions, ...readPositions(next) }, mode);
    } else database.read((live) => takeOver(ctx, next, live, details.positions, isNewEpoch, mode, report));
  } catch (error) {
    next.close();
    throw error;
  }
  const replaced = await database.replace(next);
  if (!replaced.ok) return replaced;
  report.loadedSnapshot = true;
  if (mode.kind === 'restore') report.restores.push(mode.restore.change.r);
  return ok(undefined);
}

/** Catch-up or restore: this browser's database becomes `next`, its own rows and changes kept. */
function takeOver(
  ctx: SyncContext,
  next: Database,
  live: Database,
  positions: Record<string, number>,
  isNewEpoch: boolean,
  mode: LoadMode,
  report: SyncReport,
): void {
  const { connection } = ctx.deps;
  // Writes made since the last capture are captured now, in the same step as the switch: their
  // rows are about to be replaced, so they must be changes first. (Saved with the replacement.)
  inTransaction(live, () => captureAndQueue(live, ctx.me, connection.person, ctx.nowMs()));
  const pending = queuedChanges(live);
  const slot = Number(readSyncMeta(live, META.slot));
  assembleFromSnapshot(next, live, {
    team: connection.teamKey.teamId,
    device: ctx.me,
    slot,
    positions,
    keep: isNewEpoch
      ? ['team_sync_outgoing', 'team_sync_devices', 'team_sync_lost', 'team_sync_refused']
      : ['team_sync_outgoing', 'team_sync_devices', 'team_sync_lost', 'team_sync_refused', 'team_sync_pending'],
    reapply: isNewEpoch ? [] : pending,
    queue: [],
    person: connection.person,
    noteSending: false,
    firstSequence: 1,
    now: ctx.nowIso(),
  });
  if (!isNewEpoch) return;
  next.exec('BEGIN');
  const epoch = readEpoch(next).id;
  for (const change of pending)
    report.lost.push(recordLost(next, epoch, change, clockOf(change, ctx.me), connection.person));
  if (mode.kind === 'restore') {
    const { change, clock } = mode.restore;
    recordRestore(next, change.r, clock);
    markRestored(next, ctx.nowIso());
    logActivity(next, {
      at: ctx.nowIso(),
      kind: 'restore',
      summary: `${change.r.person} replaced the team database with ${change.r.fileName ?? 'a snapshot'} (team restore)`,
      details: {
        restoreId: change.r.id,
        by: change.r.person,
        browser: change.r.browser,
        at: new Date(change.h[0]).toISOString(),
        lost: pending.length,
      },
    });
  }
  next.exec('COMMIT');
}

/** Joining: this browser's own data, renumbered into its range, joins the snapshot's. */
function joinInto(
  ctx: SyncContext,
  next: Database,
  positions: Record<string, number>,
  mode: { slot: number; firstSequence: number },
): void {
  const { connection, database, SQL } = ctx.deps;
  const own = openDatabase(
    SQL,
    database.read((live) => exportDatabase(live)),
  );
  try {
    own.exec('PRAGMA foreign_keys = OFF');
    removeCapture(own);
    const { share, held } = alignOwnData(own, next, slotRange(mode.slot));
    let clock = laterClock(readClock(own), readClock(next));
    const changes: Change[] = ownDataChanges(own, share, held, readEpoch(next).id, ctx.nowMs(), () => {
      clock = tickClock(clock, ctx.nowMs());
      return [clock.wall, clock.counter];
    });
    own.exec('BEGIN');
    writeClock(own, clock);
    own.exec('COMMIT');
    assembleFromSnapshot(next, own, {
      team: connection.teamKey.teamId,
      device: ctx.me,
      slot: mode.slot,
      positions,
      keep: [],
      reapply: [],
      queue: changes,
      person: connection.person,
      noteSending: true,
      firstSequence: mode.firstSequence,
      numberAfterStored: true,
      now: ctx.nowIso(),
    });
  } finally {
    own.close();
  }
}
