import { readDatabaseTimes } from '../../core/db/meta';
import type { Result } from '../../core/result';
import type { RestoreMode } from '../../core/backup/restore/changes';
import { lazyModule } from '../../platform/lazy-import';
import type { RecordAudit } from '../engine/audit';
import type { Fact } from '../engine/fact-store';
import type { Track } from '../engine/progress';
import type { RestoreOutcome, UndoPreview } from './restore-types';
import type { UndoPoint } from './undo-point';
import type { UndoRunDeps } from './undo-run';

/** Undo itself, with the restore engine's parts it needs (a chunk of its own). */
const loadUndoRun = lazyModule(() => import('./undo-run'));

/** What undoing works with. */
export interface UndoDeps extends UndoRunDeps {
  track: Track;
  undoPoint: Fact<UndoPoint>;
  /** Called after an undo replaced the database (a pending restore preview is then stale). */
  onUndone: () => void;
  audit: RecordAudit;
}

/**
 * Undo that cannot surprise: undoing a restore is restoring the snapshot taken just before it.
 * `describeUndo` says what would be undone and what was changed since (those changes are lost);
 * `undoRestore` first takes a `Before undo` snapshot, so an undo can itself be undone. The undo
 * point is kept here (the sidebar shows it from the start); the undo itself loads on first use.
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
    const run = await loadUndoRun();
    if (!run.ok) return run;
    return run.value.describeUndo(this.deps, await this.readPoint());
  }

  /** Returns the data to the snapshot taken before the last restore (or undo); the log keeps both. */
  async undoRestore(): Promise<Result<RestoreOutcome>> {
    const undone = await this.deps.track('undo', async (step) => {
      const run = await loadUndoRun();
      if (!run.ok) return run;
      const done = await run.value.runUndo(this.deps, await this.readPoint(), step, (next) =>
        this.rememberRestore(next),
      );
      if (done.ok) this.deps.onUndone();
      return done;
    });
    if (!undone.ok) {
      const { code, message } = undone.error;
      await this.deps.audit({
        kind: 'undo',
        summary: `Undo failed — ${message}`,
        details: { ok: false, code, message },
      });
    }
    return undone;
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
}

/** How an applied restore is remembered for undo. */
export function undoKindOf(mode: RestoreMode): UndoPoint['kind'] {
  return mode === 'merge' ? 'merge' : 'restore';
}
