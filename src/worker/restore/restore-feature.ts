import type { RestoreMode } from '../../core/backup/restore/changes';
import { ok, type AppError, type Result } from '../../core/result';
import { snapshotName } from '../../core/snapshots/snapshot-name';
import { lazyInstance, lazyModule, type LazyInstance } from '../../platform/lazy-import';
import type { BackupSource } from '../backup-files/backup-file-types';
import type { RecordAudit } from '../engine/audit';
import type { Fact } from '../engine/fact-store';
import type { RestoreTiming } from '../health/restore-timing';
import type { RestoreDeps, RestoreOperations } from './restore-operations';
import type { RestoreOptions, RestoreOutcome, RestorePreview } from './restore-types';
import { applyTeamRestore } from './team-restore-apply';
import type { TeamRestoreRoute } from './team-route';
import { undoKindOf, UndoOperations } from './undo-operations';
import type { UndoSnapshots } from './undo-run';
import type { UndoPoint } from './undo-point';

/** What restoring works with: the restore engine's needs, the snapshots, and where its records go. */
export interface RestoreFeatureDeps extends RestoreDeps {
  snapshots: UndoSnapshots;
  undoPoint: Fact<UndoPoint>;
  restoreTiming: Fact<RestoreTiming>;
  /** Failed restores go into the audit trail too (a good one is logged with the restored database). */
  audit: RecordAudit;
  /** The team database, when this browser joined one: a replace is then the team's (team-route.ts). */
  team: TeamRestoreRoute;
}

/**
 * Restoring the database: from a file or a snapshot (the same preview in names, the same apply),
 * after a `Before restore` / `Before merge` snapshot that is the restore's undo; and the undo
 * itself. The restore engine is a chunk loaded on first use.
 */
export class RestoreFeature {
  readonly restores: LazyInstance<RestoreOperations>;
  readonly undo: UndoOperations;
  /**
   * Preview ids → the file or snapshot they show: its name for the undo point and the audit trail,
   * whether it is a snapshot for a team restore (which says "a snapshot", not its name).
   */
  private readonly previews = new Map<string, { name: string; source: 'file' | 'snapshot' }>();

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
    // A file refused before any restore began changes nothing, the audit trail included.
    return this.withTeam(await this.restores.use((restores) => restores.inspectBackup(file, options)), 'file');
  }

  /** The usual restore preview, for a snapshot. */
  async inspectSnapshot(id: string): Promise<Result<RestorePreview>> {
    const found = await this.deps.snapshots.find(id);
    if (!found.ok) return found;
    const restores = await this.restores.get();
    if (!restores.ok) return restores;
    const candidate = await this.deps.snapshots.openCandidate(found.value);
    if (!candidate.ok) return candidate;
    return this.withTeam(restores.value.inspectCandidate(snapshotName(found.value), candidate.value), 'snapshot');
  }

  /** Applies a previewed file or snapshot, after a `Before restore` / `Before merge` snapshot (its undo). */
  async applyRestore(
    previewId: string,
    mode: RestoreMode,
    options: RestoreOptions = {},
  ): Promise<Result<RestoreOutcome>> {
    const applied = await this.applyAfterSafetyCopy(previewId, mode, options);
    if (!applied.ok) await this.auditFailure(this.previews.get(previewId)?.name ?? 'a backup', mode, applied.error);
    return applied;
  }

  private async applyAfterSafetyCopy(
    previewId: string,
    mode: RestoreMode,
    options: RestoreOptions,
  ): Promise<Result<RestoreOutcome>> {
    const restores = await this.restores.get();
    if (!restores.ok) return restores;
    // A browser that lost its data (the eviction alert) is in no team any more: its recovery is its own.
    if (mode === 'replace' && options.isRecovery !== true && (await this.deps.team.isJoined())) {
      const source = this.previews.get(previewId)?.source ?? 'file';
      return applyTeamRestore(this.deps, restores.value, previewId, source, (point) =>
        this.undo.rememberRestore(point),
      );
    }
    const before = await this.deps.snapshots.takeSnapshot(mode === 'merge' ? 'before-merge' : 'before-restore', null);
    if (!before.ok) return before;
    const started = performance.now();
    const applied = await restores.value.applyRestore(previewId, mode, options);
    if (!applied.ok) return applied;
    const nowIso = this.deps.clock.now().toISOString();
    const sourceName = this.previews.get(previewId)?.name ?? 'a backup';
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

  /**
   * A restore that was asked for and did not happen, in the audit trail: which file, which mode,
   * and why. The data stays exactly as it was; only the trail records the attempt.
   */
  private async auditFailure(sourceName: string, mode: RestoreMode, error: AppError): Promise<void> {
    const verb = mode === 'merge' ? 'Merge failed:' : 'Restore failed:';
    await this.deps.audit({
      kind: 'restore',
      summary: `${verb} ${sourceName} — ${error.message}`,
      details: { ok: false, fileName: sourceName, mode, code: error.code, message: error.message },
    });
  }

  /** The preview, noted; in a team database, with what teammates changed since the file. */
  private async withTeam(
    preview: Result<RestorePreview>,
    source: 'file' | 'snapshot',
  ): Promise<Result<RestorePreview>> {
    const noted = this.notePreview(preview, source);
    if (!noted.ok || !noted.value.previewId || !(await this.deps.team.isJoined())) return noted;
    const file = this.restores.current()?.pendingDatabase(noted.value.previewId);
    if (!file) return noted;
    const changedSince = await this.deps.team.changedSince(file, noted.value.fileCreatedAt);
    return ok({ ...noted.value, team: { changedSince } });
  }

  private notePreview(preview: Result<RestorePreview>, source: 'file' | 'snapshot'): Result<RestorePreview> {
    if (preview.ok && preview.value.previewId)
      this.previews.set(preview.value.previewId, { name: preview.value.fileName, source });
    return preview.ok ? ok(preview.value) : preview;
  }
}
