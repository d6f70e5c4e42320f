import { databaseChecksum } from '../../core/backup/checksum/database-rows';
import { logActivity } from '../../core/db/activity';
import type { Database } from '../../core/db/sql-types';
import { countRows } from '../../core/db/tables';
import { inTransaction } from '../../core/db/transaction';
import { fail, ok, type Result } from '../../core/result';
import { assembleFromSnapshot } from '../../core/team-sync/assemble';
import type { RestoreChange, RestoreRecord, RestoreSource } from '../../core/team-sync/changes';
import { recordRestore } from '../../core/team-sync/epochs';
import { clockText, tickClock } from '../../core/team-sync/hlc';
import { captureAndQueue, readPositions } from '../../core/team-sync/local-queue';
import { META, readClock, readEpoch, readSyncMeta, writeClock, writeSyncMeta } from '../../core/team-sync/sync-meta';
import { adoptAsBase, clearSyncState, markRestored } from '../../core/team-sync/team-base';
import { newObjectId } from '../../core/team-store/object-names';
import type { SyncContext } from './sync-context';

/**
 * A team restore: this browser replaces the team's database with a restored file or snapshot —
 * a change like any other. Here: the "Before restore" snapshot, then the restored data becomes
 * the base of a new epoch (its rows keep their ids, every field one write at the restore's clock),
 * this browser's own rows come along, and the restore is queued; at the next push its snapshot
 * is stored and checked, then the log that announces it. Every teammate, on reading it, takes its
 * own "Before restore" snapshot and the same data (load-snapshot.ts). Changes teammates made
 * that this browser had not seen yet are reported lost where they are read. Undo is a restore of
 * the data from before, announced as such.
 */

export interface TeamRestoreInput {
  /** The restored data: a checked database the engine takes over (closed on failure). */
  db: Database;
  source: Exclude<RestoreSource, 'team-created'>;
  fileName: string | null;
  undoOf?: string | null;
  /** The caller took the `Before restore` snapshot already (the restore feature keeps it as the undo). */
  safetyTaken?: boolean;
}

const MESSAGES = {
  safety:
    'The “Before restore” snapshot could not be taken, so the team database was not replaced. Nothing was changed; free some storage and try again.',
} as const;

export async function restoreForTeam(ctx: SyncContext, input: TeamRestoreInput): Promise<Result<RestoreRecord>> {
  const { database, connection } = ctx.deps;
  const safety = input.safetyTaken
    ? ok(undefined)
    : await ctx.deps.takeSafetySnapshot(`Before team restore of ${input.fileName ?? 'a snapshot'}`);
  if (!safety.ok) {
    input.db.close();
    return fail('team-restore-safety', MESSAGES.safety, safety.error.detail ?? safety.error.message);
  }
  const checksum = await databaseChecksum(input.db);
  const next = input.db;
  try {
    const record = database.read((live) => {
      const clock = inTransaction(live, () => {
        captureAndQueue(live, ctx.me, connection.person, ctx.nowMs());
        const tick = tickClock(readClock(live), ctx.nowMs());
        writeClock(live, tick);
        return tick;
      });
      const positions = readPositions(live);
      const restore: RestoreChange = {
        k: 'restore',
        e: readEpoch(live).id,
        h: [clock.wall, clock.counter],
        r: {
          id: newObjectId(),
          source: input.source,
          fileName: input.fileName,
          undoOf: input.undoOf ?? null,
          snapshot: { device: ctx.me, objectId: newObjectId() },
          checksum,
          counts: countRows(next),
          seen: positions,
          person: connection.person,
          browser: connection.browserName,
        },
      };
      const restoreClock = clockText(clock, ctx.me);
      next.exec('BEGIN');
      clearSyncState(next);
      adoptAsBase(next, () => restoreClock, connection.person);
      writeSyncMeta(next, META.epoch, restore.r.id);
      writeSyncMeta(next, META.epochClock, restoreClock);
      recordRestore(next, restore.r, restoreClock);
      next.exec('COMMIT');
      assembleFromSnapshot(next, live, {
        team: connection.teamKey.teamId,
        device: ctx.me,
        slot: Number(readSyncMeta(live, META.slot)),
        positions,
        keep: ['team_sync_outgoing', 'team_sync_pending', 'team_sync_devices', 'team_sync_lost', 'team_sync_refused'],
        reapply: [],
        queue: [restore],
        person: connection.person,
        noteSending: false,
        firstSequence: 1,
        now: ctx.nowIso(),
      });
      next.exec('BEGIN');
      writeSyncMeta(next, META.restoreSnapshot, restore.r.snapshot.objectId);
      markRestored(next, ctx.nowIso());
      const what =
        input.source === 'undo'
          ? 'undid the last team restore'
          : `replaced the team database with ${input.fileName ?? 'a snapshot'}`;
      logActivity(next, {
        at: ctx.nowIso(),
        kind: input.source === 'undo' ? 'undo' : 'restore',
        summary: `${connection.person} ${what} (team restore)`,
        details: { restoreId: restore.r.id },
      });
      next.exec('COMMIT');
      return restore.r;
    });
    const replaced = await database.replace(next);
    return replaced.ok ? ok(record) : replaced;
  } catch (error) {
    next.close();
    throw error;
  }
}
