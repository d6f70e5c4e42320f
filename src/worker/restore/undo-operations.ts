import { META_KEYS, readDatabaseTimes, writeMeta, type DatabaseTimes } from '../../core/db/meta';
import { countRows } from '../../core/db/tables';
import { inTransaction } from '../../core/db/transaction';
import { fail, ok, type Result } from '../../core/result';
import { describeChangesSince } from '../../core/snapshots/changes-since';
import type { RestoreMode } from '../../core/backup/restore/changes';
import type { Candidate } from '../../core/backup/load/load-backup';
import type { Clock } from '../../core/clock';
import type { SnapshotManifest } from '../../core/snapshots/manifest';
import type { SnapshotTrigger } from '../../core/snapshots/triggers';
import { lazyModule } from '../../platform/lazy-import';
import type { Fact } from '../engine/fact-store';
import type { LiveDatabase } from '../engine/live-database';
import type { Operator } from '../engine/operator';
import type { StepReporter, Track } from '../engine/progress';
import type { SnapshotRow } from '../snapshots/snapshot-types';
import type { RestoreOutcome, UndoPreview } from './restore-types';
import type { UndoPoint } from './undo-point';

/** The restore engine's parts an undo needs (a chunk of their own). */
const loadUndoBuild = lazyModule(() => import('./undo-build'));

/** What undo needs of the snapshots: the safety copy first, and the copy to go back to. */
export interface UndoSnapshots {
  takeSnapshot(trigger: SnapshotTrigger, note: string | null): Promise<Result<SnapshotManifest>>;
  find(id: string): Promise<Result<SnapshotManifest>>;
  openCandidate(manifest: SnapshotManifest): Promise<Result<Candidate>>;
  rowOf(manifest: SnapshotManifest): Promise<SnapshotRow>;
}

/** What undoing works with. */
export interface UndoDeps {
  live: LiveDatabase;
  clock: Clock;
  track: Track;
  operator: Operator;
  snapshots: UndoSnapshots;
  undoPoint: Fact<UndoPoint>;
  /** Called after an undo replaced the database (a pending restore preview is then stale). */
  onUndone: () => void;
}

const MESSAGES = {
  noUndo: 'There is no restore to undo. Nothing was changed.',
  snapshotGone:
    'The copy kept before that restore is no longer stored (it was deleted, or retention removed it after its week was over), so undo is not possible. Nothing was changed. The Backups view lists the snapshots you can still restore.',
  beforeUndoFailed:
    'Undo was not done: the app could not first keep a copy of the database as it is now (so that the undo could be undone). Nothing was changed.',
};

/**
 * Undo that cannot surprise: undoing a restore is restoring the snapshot taken just before it.
 * `describeUndo` says what would be undone and what was changed since (those changes are lost);
 * `undoRestore` first takes a `Before undo` snapshot, so an undo can itself be undone.
 */
export class UndoOperations {
  /** The undo point, cached; undefined until first read. */
  private point: UndoPoint | null | undefined;

  constructor(private readonly deps: UndoDeps) {}

  /** Records that a restore (or an undo) was just applied, with the snapshot taken before it. */
  async rememberRestore(point: Omit<UndoPoint, 'changeMarkAfter'>): Promise<void> {
    this.point = { ...point, changeMarkAfter: this.deps.live.read(readDatabaseTimes).lastChangeAt };
    await this.deps.undoPoint.write(this.point);
  }

  /** What `Undo restore` would do now. */
  async describeUndo(): Promise<Result<UndoPreview>> {
    const adapter = await loadUndoBuild();
    if (!adapter.ok) return adapter;
    const opened = await this.openPoint();
    if (!opened.ok) return opened;
    const { point, manifest, candidate } = opened.value;
    let changes: UndoPreview['changes'];
    try {
      changes = adapter.value.countReplaceChanges(this.deps.live, candidate);
    } finally {
      candidate.db.close();
    }
    const lastChangeAt = this.deps.live.read(readDatabaseTimes).lastChangeAt;
    const changedAfter = lastChangeAt !== null && lastChangeAt !== point.changeMarkAfter;
    return ok({
      kind: point.kind,
      sourceName: point.sourceName,
      at: point.at,
      snapshot: await this.deps.snapshots.rowOf(manifest),
      changes,
      changedSince: changedAfter
        ? { ...this.deps.live.read((db) => describeChangesSince(db, point.at)), lastChangeAt }
        : null,
    });
  }

  /** Returns the data to the snapshot taken before the last restore (or undo); the log keeps both. */
  undoRestore(): Promise<Result<RestoreOutcome>> {
    return this.deps.track('undo', (step) => this.undoTracked(step));
  }

  private async undoTracked(step: StepReporter): Promise<Result<RestoreOutcome>> {
    step('Opening the copy kept before the restore', 0, 0.2)(0);
    const adapter = await loadUndoBuild();
    if (!adapter.ok) return adapter;
    const { buildUndoneDatabase } = adapter.value;
    const opened = await this.openPoint();
    if (!opened.ok) return opened;
    const { point, candidate } = opened.value;
    // The snapshot's own times, read before its database is finished as the live one.
    const times = readDatabaseTimes(candidate.db);
    step('Keeping a copy of the database as it is now', 0.2, 0.5)(0);
    const beforeUndo = await this.deps.snapshots.takeSnapshot(
      'before-undo',
      `Before undoing the ${point.kind === 'undo' ? 'undo' : 'restore'} of ${point.sourceName}`,
    );
    if (!beforeUndo.ok) {
      candidate.db.close();
      return fail('before-undo-failed', MESSAGES.beforeUndoFailed, beforeUndo.error.message);
    }
    step('Rebuilding the earlier database', 0.5, 0.9)(0);
    const nowIso = this.deps.clock.now().toISOString();
    const what = point.kind === 'undo' ? 'the undo' : 'the restore';
    const built = await buildUndoneDatabase(this.deps.live, candidate, {
      now: nowIso,
      summary: `Undid ${what} of ${point.sourceName}: back to the database as it was before it${this.deps.operator.byline()}`,
      details: { snapshotId: point.snapshotId, undone: point.kind, at: point.at, by: this.deps.operator.nameOrNull },
    });
    if (!built.ok) return built;
    const next = built.value;
    restoreTimes(next, times, nowIso);
    const replaced = await this.deps.live.replaceWith(next);
    if (!replaced.ok) return replaced;
    await this.rememberRestore({
      snapshotId: beforeUndo.value.id,
      kind: 'undo',
      sourceName: point.sourceName,
      at: nowIso,
    });
    this.deps.onUndone();
    return ok({ mode: 'undo', counts: this.deps.live.read(countRows), warnings: [] });
  }

  /** What the sidebar says about undo: when the copy was taken, and before what. */
  async describeForStatus(): Promise<{ takenAt: string; label: string } | null> {
    const point = await this.readPoint();
    if (!point) return null;
    return {
      takenAt: point.at,
      label: point.kind === 'undo' ? `before the undo of ${point.sourceName}` : `before restoring ${point.sourceName}`,
    };
  }

  /** Another tab may have restored or undone: read the undo point again next time. */
  forget(): void {
    this.point = undefined;
  }

  private async readPoint(): Promise<UndoPoint | null> {
    if (this.point === undefined) this.point = await this.deps.undoPoint.read();
    return this.point;
  }

  /** The undo point and its snapshot opened as a restore candidate (the caller closes or consumes it). */
  private async openPoint(): Promise<Result<{ point: UndoPoint; manifest: SnapshotManifest; candidate: Candidate }>> {
    const point = await this.readPoint();
    if (!point) return fail('no-undo', MESSAGES.noUndo);
    const found = await this.deps.snapshots.find(point.snapshotId);
    if (!found.ok) return fail('undo-snapshot-gone', MESSAGES.snapshotGone);
    const candidate = await this.deps.snapshots.openCandidate(found.value);
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
