import type { Database } from '../../core/db/sql-types';
import { fail, ok, type Result } from '../../core/result';
import { applyChanges } from '../../core/team-sync/apply';
import { resolutionChanges, type ConflictChoice } from '../../core/team-sync/conflict-resolution';
import { findConflicts, type Conflict } from '../../core/team-sync/conflicts';
import { resolveEditable } from '../../core/team-sync/editable-groups';
import { readEditableWrites } from '../../core/team-sync/editable-state';
import { tickClock } from '../../core/team-sync/hlc';
import { captureAndQueue, queueChanges } from '../../core/team-sync/local-queue';
import { readClock, readEpoch, writeClock } from '../../core/team-sync/sync-meta';
import type { SyncContext } from './sync-context';
import { engineWrite } from './engine-write';

const MESSAGES = {
  gone: 'That conflict is already settled (perhaps a teammate settled it). The list has been refreshed; nothing was changed.',
} as const;

/** Every conflict in the database. */
export function findTeamConflicts(db: Database): Conflict[] {
  return findConflicts(resolveEditable(readEditableWrites(db)));
}

/** Ends a conflict with the value chosen: a change applied here and queued for the team. */
export async function resolveConflict(
  ctx: SyncContext,
  conflictId: string,
  choice: ConflictChoice,
): Promise<Result<void>> {
  const { database, connection } = ctx.deps;
  return engineWrite(
    database,
    (db) => {
      captureAndQueue(db, ctx.me, connection.person, ctx.nowMs());
      const resolved = resolveEditable(readEditableWrites(db));
      const conflict = findConflicts(resolved).find((c) => c.id === conflictId);
      if (!conflict) return fail('conflict-gone', MESSAGES.gone);
      let clock = readClock(db);
      const changes = resolutionChanges(resolved, conflict, choice, readEpoch(db).id, () => {
        clock = tickClock(clock, ctx.nowMs());
        return [clock.wall, clock.counter];
      });
      applyChanges(
        db,
        changes.map((change) => ({ change, device: ctx.me, person: connection.person })),
      );
      queueChanges(db, changes);
      writeClock(db, clock);
      return ok(undefined);
    },
    () => true,
  );
}
