import type { RestoreMode } from '../../core/backup/restore/changes';
import { ok, type Result } from '../../core/result';
import type { SnapshotManifest } from '../../core/snapshots/manifest';
import { TRIGGER_LABELS } from '../../core/snapshots/triggers';
import { lazyInstance, lazyModule, type LazyInstance } from '../../platform/lazy-import';
import type { BackupSource } from '../backup-files/backup-file-types';
import type { Fact } from '../engine/fact-store';
import type { RestoreTiming } from '../health/restore-timing';
import type { RestoreDeps, RestoreOperations } from './restore-operations';
import type { RestoreOutcome, RestorePreview } from './restore-types';
import { undoKindOf, UndoOperations, type UndoSnapshots } from './undo-operations';
import type { UndoPoint } from './undo-point';

/** What restoring works with: the restore engine's needs, the snapshots, and where its records go. */
export interface RestoreFeatureDeps extends RestoreDeps {
  snapshots: UndoSnapshots;
  undoPoint: Fact<UndoPoint>;
  restoreTiming: Fact<RestoreTiming>;
}

/**
 * Restoring the database: from a file or a snapshot (the same preview in names, the same apply),
 * after a `Before restore` / `Before merge` snapshot that is the restore's undo; and the undo
 * itself. The restore engine is a chunk loaded on first use.
 */
export class RestoreFeature {
  readonly restores: LazyInstance<RestoreOperations>;
  readonly undo: UndoOperations;
  /** Preview ids → the file or snapshot they show, for the undo point of the restore. */
  private readonly previewNames = new Map<string, string>();

  constructor(private readonly deps: RestoreFeatureDeps) {
    this.restores = lazyInstance(
      lazyModule(() => import('./restore-operations')),
      (m) => new m.RestoreOperations(deps),
    );
    this.undo = new UndoOperations({ ...deps, onUndone: () => this.restores.current()?.forgetPending() });
    // Another tab may have restored or undone: the undo point is read again next time.
    deps.live.onChange(() => this.undo.forget());
  }

  async inspectBackup(file: BackupSource, options?: { passphrase?: string }): Promise<Result<RestorePreview>> {
    return this.notePreview(await this.restores.use((restores) => restores.inspectBackup(file, options)));
  }

  /** The usual restore preview, for a snapshot. */
  async inspectSnapshot(id: string): Promise<Result<RestorePreview>> {
    const found = await this.deps.snapshots.find(id);
    if (!found.ok) return found;
    const restores = await this.restores.get();
    if (!restores.ok) return restores;
    const candidate = await this.deps.snapshots.openCandidate(found.value);
    if (!candidate.ok) return candidate;
    return this.notePreview(restores.value.inspectCandidate(snapshotName(found.value), candidate.value));
  }

  /** Applies a previewed file or snapshot, after a `Before restore` / `Before merge` snapshot (its undo). */
  async applyRestore(previewId: string, mode: RestoreMode): Promise<Result<RestoreOutcome>> {
    const restores = await this.restores.get();
    if (!restores.ok) return restores;
    const before = await this.deps.snapshots.takeSnapshot(mode === 'merge' ? 'before-merge' : 'before-restore', null);
    if (!before.ok) return before;
    const started = performance.now();
    const applied = await restores.value.applyRestore(previewId, mode);
    if (!applied.ok) return applied;
    const nowIso = this.deps.clock.now().toISOString();
    const sourceName = this.previewNames.get(previewId) ?? 'a backup';
    const rows = Object.values(applied.value.counts).reduce((sum, n) => sum + n, 0);
    await this.deps.restoreTiming.write({
      ms: performance.now() - started,
      rows,
      at: nowIso,
      what: `restore of ${sourceName}`,
    });
    await this.undo.rememberRestore({ snapshotId: before.value.id, kind: undoKindOf(mode), sourceName, at: nowIso });
    return applied;
  }

  private notePreview(preview: Result<RestorePreview>): Result<RestorePreview> {
    if (preview.ok && preview.value.previewId) this.previewNames.set(preview.value.previewId, preview.value.fileName);
    return preview.ok ? ok(preview.value) : preview;
  }
}

/** "snapshot of Nov 22, 2026, 5:00 PM (End of day)" — how previews and the log name a snapshot. */
export function snapshotName(manifest: Pick<SnapshotManifest, 'takenAt' | 'trigger'>): string {
  const when = new Date(manifest.takenAt).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
  return `snapshot of ${when} (${TRIGGER_LABELS[manifest.trigger]})`;
}
