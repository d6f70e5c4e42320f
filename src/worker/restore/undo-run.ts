import { META_KEYS, readDatabaseTimes, writeMeta, type DatabaseTimes } from '../../core/db/meta';
import type { Database } from '../../core/db/sql-types';
import { countRows } from '../../core/db/tables';
import { inTransaction } from '../../core/db/transaction';
import { fail, ok, type Result } from '../../core/result';
import { describeChangesSince } from '../../core/snapshots/changes-since';
import type { Candidate } from '../../core/backup/load/load-backup';
import type { Clock } from '../../core/clock';
import type { SnapshotManifest } from '../../core/snapshots/manifest';
import type { SnapshotTrigger } from '../../core/snapshots/triggers';
import type { LiveDatabase } from '../engine/live-database';
import type { Operator } from '../engine/operator';
import type { StepReporter } from '../engine/progress';
import type { SnapshotRow } from '../snapshots/snapshot-types';
import type { RestoreOutcome, UndoPreview } from './restore-types';
import { buildUndoneDatabase, countReplaceChanges } from './undo-build';
import type { UndoPoint } from './undo-point';
import type { TeamRestoreRoute } from './team-route';

/**
 * Undo itself, loaded on first use (opening the app only needs to know whether there is one):
 * what an undo would change, and going back to the snapshot taken before the last restore.
 */

/** What undo needs of the snapshots: the safety copy first, and the copy to go back to. */
export interface UndoSnapshots {
  takeSnapshot(trigger: SnapshotTrigger, note: string | null): Promise<Result<SnapshotManifest>>;
  find(id: string): Promise<Result<SnapshotManifest>>;
  openCandidate(manifest: SnapshotManifest): Promise<Result<Candidate>>;
  rowOf(manifest: SnapshotManifest): Promise<SnapshotRow>;
}

/** What an undo works with: the live database, the snapshots, and who does it. */
export interface UndoRunDeps {
  live: LiveDatabase;
  clock: Clock;
  operator: Operator;
  snapshots: UndoSnapshots;
  /** The team database: the undo of a team restore is a team restore too. */
  team: TeamRestoreRoute;
}

const MESSAGES = {
  noUndo: 'There is no restore to undo. Nothing was changed.',
  snapshotGone:
    'The copy kept before that restore is no longer stored (it was deleted, or retention removed it after its week was over), so undo is not possible. Nothing was changed. The Backups view lists the snapshots you can still restore.',
  beforeUndoFailed:
    'Undo was not done: the app could not first keep a copy of the database as it is now (so that the undo could be undone). Nothing was changed.',
};

/** What `Undo restore` would do now, for the undo point `point`. */
export async function describeUndo(deps: UndoRunDeps, point: UndoPoint | null): Promise<Result<UndoPreview>> {
  const opened = await openPoint(deps, point);
  if (!opened.ok) return opened;
  const { manifest, candidate } = opened.value;
  let changes: UndoPreview['changes'];
  try {
    changes = countReplaceChanges(deps.live, candidate);
  } finally {
    candidate.db.close();
  }
  const lastChangeAt = deps.live.read(readDatabaseTimes).lastChangeAt;
  const changedAfter = lastChangeAt !== null && lastChangeAt !== opened.value.point.changeMarkAfter;
  return ok({
    kind: opened.value.point.kind,
    sourceName: opened.value.point.sourceName,
    at: opened.value.point.at,
    snapshot: await deps.snapshots.rowOf(manifest),
    changes,
    isTeamRestore: opened.value.point.teamRestoreId !== undefined,
    changedSince: changedAfter
      ? { ...deps.live.read((db) => describeChangesSince(db, opened.value.point.at)), lastChangeAt }
      : null,
  });
}

/**
 * Returns the data to the snapshot taken before the last restore (or undo), after a `Before undo`
 * snapshot; `remember` records that snapshot as the undo of this undo.
 */
export async function runUndo(
  deps: UndoRunDeps,
  point: UndoPoint | null,
  step: StepReporter,
  remember: (next: Omit<UndoPoint, 'changeMarkAfter'>) => Promise<void>,
): Promise<Result<RestoreOutcome>> {
  step('Opening the copy kept before the restore', 0, 0.2)(0);
  const opened = await openPoint(deps, point);
  if (!opened.ok) return opened;
  const { candidate } = opened.value;
  const { sourceName, kind } = opened.value.point;
  // The snapshot's own times, read before its database is finished as the live one.
  const times = readDatabaseTimes(candidate.db);
  step('Keeping a copy of the database as it is now', 0.2, 0.5)(0);
  const beforeUndo = await deps.snapshots.takeSnapshot(
    'before-undo',
    `Before undoing the ${kind === 'undo' ? 'undo' : 'restore'} of ${sourceName}`,
  );
  if (!beforeUndo.ok) {
    candidate.db.close();
    return fail('before-undo-failed', MESSAGES.beforeUndoFailed, beforeUndo.error.message);
  }
  step('Rebuilding the earlier database', 0.5, 0.9)(0);
  const nowIso = deps.clock.now().toISOString();
  const undoneRestore = opened.value.point.teamRestoreId;
  if (undoneRestore !== undefined && (await deps.team.isJoined())) {
    const restored = await deps.team.restore({
      db: candidate.db,
      source: 'undo',
      fileName: sourceName,
      undoOf: undoneRestore,
    });
    if (!restored.ok) return restored;
    const at = deps.clock.now().toISOString();
    await remember({
      snapshotId: beforeUndo.value.id,
      kind: 'undo',
      sourceName,
      at,
      teamRestoreId: restored.value.restoreId,
    });
    return ok({ mode: 'undo', counts: deps.live.read(countRows), warnings: [], isTeamRestore: true });
  }
  const what = kind === 'undo' ? 'the undo' : 'the restore';
  const built = await buildUndoneDatabase(deps.live, candidate, {
    now: nowIso,
    summary: `Undid ${what} of ${sourceName}: back to the database as it was before it${deps.operator.byline()}`,
    details: {
      snapshotId: opened.value.point.snapshotId,
      undone: kind,
      at: opened.value.point.at,
      by: deps.operator.nameOrNull,
    },
  });
  if (!built.ok) return built;
  restoreTimes(built.value, times, nowIso);
  const replaced = await deps.live.replaceWith(built.value);
  if (!replaced.ok) return replaced;
  await remember({ snapshotId: beforeUndo.value.id, kind: 'undo', sourceName, at: nowIso });
  return ok({ mode: 'undo', counts: deps.live.read(countRows), warnings: [] });
}

/** The undo point and its snapshot opened as a restore candidate (the caller closes or consumes it). */
async function openPoint(
  deps: UndoRunDeps,
  point: UndoPoint | null,
): Promise<Result<{ point: UndoPoint; manifest: SnapshotManifest; candidate: Candidate }>> {
  if (!point) return fail('no-undo', MESSAGES.noUndo);
  const found = await deps.snapshots.find(point.snapshotId);
  if (!found.ok) return fail('undo-snapshot-gone', MESSAGES.snapshotGone);
  const candidate = await deps.snapshots.openCandidate(found.value);
  if (!candidate.ok) return candidate;
  return ok({ point, manifest: found.value, candidate: candidate.value });
}

/** The data is again what it was before the restore, so are its times; it changed just now. */
function restoreTimes(next: Database, times: DatabaseTimes, nowIso: string): void {
  inTransaction(next, () => {
    for (const [key, value] of [
      [META_KEYS.createdAt, times.createdAt],
      [META_KEYS.restoredAt, times.restoredAt],
      [META_KEYS.lastBackupAt, times.lastBackupAt],
    ] as const) {
      if (value === null) next.run('DELETE FROM app_meta WHERE key = ?', [key]);
      else writeMeta(next, key, value);
    }
    writeMeta(next, META_KEYS.lastChangeAt, nowIso);
  });
}
