import { ok } from '../../core/result';
import type { SecretsMode } from '../../core/backup/format/format';
import type { FeatureCalls } from '../feature-calls';
import type { ScheduleRequest } from './snapshot-types';
import type { SnapshotService } from './snapshot-service';

/**
 * Snapshots, as the Backups view uses them: listed with why each is kept, taken by hand or by the
 * page's minute tick (After changes, Hourly, End of day), pinned, deleted, checked again, found by
 * time, and downloaded as a normal backup file. Restoring one is the restore feature's.
 */
export const snapshotCalls = {
  reads: {
    /** Every snapshot, newest first, with why it is kept, and the storage they use. */
    listSnapshots: (snapshots: SnapshotService) => snapshots.listSnapshots(),
    /** `Restore to a time`: the newest verified snapshot at or before `atIso`. */
    findSnapshotAt: (snapshots: SnapshotService, atIso: string) => snapshots.findSnapshotAt(atIso),
  },
  actions: {
    /** A normal ff2api_backup file of a snapshot (it restores anywhere). */
    downloadSnapshot: (
      snapshots: SnapshotService,
      id: string,
      request: { secrets: SecretsMode; passphrase?: string },
    ) => snapshots.downloadSnapshot(id, request),
    /** `Take snapshot now` (trigger Manual), verified before it resolves. */
    takeSnapshot: async (snapshots: SnapshotService, note?: string) => {
      const taken = await snapshots.takeSnapshot('manual', note ?? null);
      return taken.ok ? ok(await snapshots.rowOf(taken.value)) : taken;
    },
    /** The page's minute tick: takes the automatic snapshots that are due (After changes, Hourly, End of day). */
    runSnapshotSchedule: (snapshots: SnapshotService, request: ScheduleRequest) => snapshots.runSchedule(request),
    setSnapshotPinned: (snapshots: SnapshotService, id: string, pinned: boolean) => snapshots.setPinned(id, pinned),
    deleteSnapshot: (snapshots: SnapshotService, id: string) => snapshots.deleteSnapshot(id),
    /** Checks a stored snapshot again, completely; a failure is recorded and shown. */
    verifySnapshot: (snapshots: SnapshotService, id: string) => snapshots.verifySnapshot(id),
  },
} satisfies FeatureCalls<SnapshotService>;
