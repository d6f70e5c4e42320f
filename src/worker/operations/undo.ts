import { META_KEYS, readDatabaseTimes, writeMeta, type DatabaseTimes } from '../../core/db/meta';
import { countRows } from '../../core/db/tables';
import { inTransaction } from '../../core/db/transaction';
import { fail, ok, type Result } from '../../core/result';
import { describeChangesSince } from '../../core/snapshots/changes-since';
import type { RestoreMode, RestoreOutcome } from '../api';
import { loadRestoreAdapter } from '../lazy/worker-chunks';
import type { UndoPreview } from '../snapshots/snapshot-api';
import type { Candidate } from '../../core/backup/load/load-backup';
import type { SnapshotService } from '../snapshots/snapshot-service';
import type { UndoPoint } from '../snapshots/snapshot-store';
import type { OperationContext, StepReporter } from './operation-context';

const MESSAGES = {
  noUndo: 'There is no restore to undo. Nothing was changed.',
  snapshotGone: 'The copy kept before that restore is no longer stored (it was deleted, or retention removed it after its week was over), so undo is not possible. Nothing was changed. The Backups view lists the snapshots you can still restore.',
  beforeUndoFailed: 'Undo was not done: the app could not first keep a copy of the database as it is now (so that the undo could be undone). Nothing was changed.',
};

/**
 * Undo that cannot surprise: undoing a restore is restoring the snapshot taken just before it.
 * `describeUndo` says what would be undone and what was changed since (those changes are lost);
 * `undoRestore` first takes a `Before undo` snapshot, so an undo can itself be undone.
 */
export class UndoOperations {
  /** The undo point, cached; undefined until first read. */
  private point: UndoPoint | null | undefined;

  constructor(
    private readonly context: OperationContext,
    private readonly snapshots: SnapshotService,
    /** Called after an undo replaced the database. */
    private readonly onUndone: () => void,
  ) {}

  /** Records that a restore (or an undo) was just applied, with the snapshot taken before it. */
  async rememberRestore(point: Omit<UndoPoint, 'changeMarkAfter'>): Promise<void> {
    this.point = { ...point, changeMarkAfter: this.context.live.read(readDatabaseTimes).lastChangeAt };
    await this.snapshots.deps.store.writeFacts({ undoPoint: this.point });
  }

  /** What `Undo restore` would do now. */
  async describeUndo(): Promise<Result<UndoPreview>> {
    const adapter = await loadRestoreAdapter();
    if (!adapter.ok) return adapter;
    const opened = await this.openPoint();
    if (!opened.ok) return opened;
    const { point, manifest, candidate } = opened.value;
    let changes: UndoPreview['changes'];
    try {
      changes = adapter.value.countReplaceChanges(this.context.live, candidate);
    } finally {
      candidate.db.close();
    }
    const lastChangeAt = this.context.live.read(readDatabaseTimes).lastChangeAt;
    const changedAfter = lastChangeAt !== null && lastChangeAt !== point.changeMarkAfter;
    return ok({
      kind: point.kind,
      sourceName: point.sourceName,
      at: point.at,
      snapshot: await this.snapshots.rowOf(manifest),
      changes,
      changedSince: changedAfter ? { ...this.context.live.read((db) => describeChangesSince(db, point.at)), lastChangeAt } : null,
    });
  }

  /** Returns the data to the snapshot taken before the last restore (or undo); the log keeps both. */
  undoRestore(): Promise<Result<RestoreOutcome>> {
    return this.context.track('undo', (step) => this.undoTracked(step));
  }

  private async undoTracked(step: StepReporter): Promise<Result<RestoreOutcome>> {
    step('Opening the copy kept before the restore', 0, 0.2)(0);
    const adapter = await loadRestoreAdapter();
    if (!adapter.ok) return adapter;
    const { buildUndoneDatabase, replaceLiveDatabase } = adapter.value;
    const opened = await this.openPoint();
    if (!opened.ok) return opened;
    const { point, candidate } = opened.value;
    // The snapshot's own times, read before its database is finished as the live one.
    const times = readDatabaseTimes(candidate.db);
    step('Keeping a copy of the database as it is now', 0.2, 0.5)(0);
    const beforeUndo = await this.snapshots.takeSnapshot('before-undo', `Before undoing the ${point.kind === 'undo' ? 'undo' : 'restore'} of ${point.sourceName}`);
    if (!beforeUndo.ok) {
      candidate.db.close();
      return fail('before-undo-failed', MESSAGES.beforeUndoFailed, beforeUndo.error.message);
    }
    step('Rebuilding the earlier database', 0.5, 0.9)(0);
    const nowIso = this.context.deps.clock.now().toISOString();
    const what = point.kind === 'undo' ? 'the undo' : 'the restore';
    const built = await buildUndoneDatabase(this.context.live, candidate, {
      now: nowIso,
      summary: `Undid ${what} of ${point.sourceName}: back to the database as it was before it${this.context.byline()}`,
      details: { snapshotId: point.snapshotId, undone: point.kind, at: point.at, by: this.context.operatorName || null },
    });
    if (!built.ok) return built;
    const next = built.value;
    restoreTimes(next, times, nowIso);
    const replaced = await replaceLiveDatabase(this.context.live, next);
    if (!replaced.ok) return replaced;
    await this.rememberRestore({ snapshotId: beforeUndo.value.id, kind: 'undo', sourceName: point.sourceName, at: nowIso });
    this.onUndone();
    return ok({ mode: 'undo', counts: this.context.live.read(countRows), warnings: [], status: await this.context.readStatus() });
  }

  /** What the sidebar says about undo: when the copy was taken, and before what. */
  async describeForStatus(): Promise<{ takenAt: string; label: string } | null> {
    const point = await this.readPoint();
    if (!point) return null;
    return { takenAt: point.at, label: point.kind === 'undo' ? `before the undo of ${point.sourceName}` : `before restoring ${point.sourceName}` };
  }

  /** Another tab may have restored or undone: read the undo point again next time. */
  forget(): void {
    this.point = undefined;
  }

  private async readPoint(): Promise<UndoPoint | null> {
    if (this.point === undefined) this.point = (await this.snapshots.deps.store.readFacts()).undoPoint;
    return this.point;
  }

  /** The undo point and its snapshot opened as a restore candidate (the caller closes or consumes it). */
  private async openPoint(): Promise<Result<{ point: UndoPoint; manifest: Parameters<SnapshotService['rowOf']>[0]; candidate: Candidate }>> {
    const point = await this.readPoint();
    if (!point) return fail('no-undo', MESSAGES.noUndo);
    const found = await this.snapshots.library.find(point.snapshotId);
    if (!found.ok) return fail('undo-snapshot-gone', MESSAGES.snapshotGone);
    const candidate = await this.snapshots.openCandidate(found.value);
    if (!candidate.ok) return candidate;
    return ok({ point, manifest: found.value, candidate: candidate.value });
  }
}

/** The data is again what it was before the restore, so are its times; it changed just now. */
function restoreTimes(next: Parameters<typeof writeMeta>[0], times: DatabaseTimes, nowIso: string): void {
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

/** How an applied restore is remembered for undo. */
export function undoKindOf(mode: RestoreMode): UndoPoint['kind'] {
  return mode === 'merge' ? 'merge' : 'restore';
}
