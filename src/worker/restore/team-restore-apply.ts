import { countRows } from '../../core/db/tables';
import { ok, type Result } from '../../core/result';
import type { Clock } from '../../core/clock';
import type { LiveDatabase } from '../engine/live-database';
import type { Track } from '../engine/progress';
import type { RestoreOperations } from './restore-operations';
import type { RestoreOutcome } from './restore-types';
import type { TeamRestoreRoute } from './team-route';
import type { UndoPoint } from './undo-point';
import type { UndoSnapshots } from './undo-run';

/** What a team restore from the preview works with. */
export interface TeamApplyDeps {
  live: LiveDatabase;
  clock: Clock;
  track: Track;
  snapshots: UndoSnapshots;
  team: TeamRestoreRoute;
}

/**
 * A previewed file or snapshot restored in Replace mode in a browser that joined a team database:
 * it becomes the TEAM's database (team sync announces it; every teammate takes its own `Before
 * restore` snapshot and the same data), and this browser stays in the team. The `Before restore`
 * snapshot taken here is the restore's undo, which is a team restore as well.
 */
export async function applyTeamRestore(
  deps: TeamApplyDeps,
  restores: RestoreOperations,
  previewId: string,
  source: 'file' | 'snapshot',
  remember: (point: Omit<UndoPoint, 'changeMarkAfter'>) => Promise<void>,
): Promise<Result<RestoreOutcome>> {
  return deps.track('restore', async (step) => {
    const taken = await restores.takePending(previewId);
    if (!taken.ok) return taken;
    const { fileName, candidate } = taken.value;
    step('Keeping a copy of the database as it is now', 0, 0.3)(0);
    const before = await deps.snapshots.takeSnapshot('before-restore', `Before team restore of ${fileName}`);
    if (!before.ok) {
      candidate.db.close();
      return before;
    }
    step('Replacing the team database', 0.3, 1)(0);
    const restored = await deps.team.restore({
      db: candidate.db,
      source,
      fileName: source === 'file' ? fileName : null,
    });
    if (!restored.ok) return restored;
    await remember({
      snapshotId: before.value.id,
      kind: 'restore',
      sourceName: fileName,
      at: deps.clock.now().toISOString(),
      teamRestoreId: restored.value.restoreId,
    });
    return ok({
      mode: 'replace',
      counts: deps.live.read(countRows),
      warnings: candidate.warnings,
      settingChanges: [],
      isTeamRestore: true,
    });
  });
}
