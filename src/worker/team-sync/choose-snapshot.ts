import type { Database } from '../../core/db/sql-types';
import type { RestoreRecord } from '../../core/team-sync/changes';
import { logsCovered, type CountedSnapshot } from '../../core/team-sync/compaction';
import type { DeviceState, VerifiedSnapshot } from '../../core/team-sync/device-state';
import type { TeamListing } from '../../core/team-sync/store-listing';
import { META, readSyncMeta } from '../../core/team-sync/sync-meta';
import type { SnapshotRef } from './fetch-snapshot';

/**
 * Which snapshot to start from. Only counted snapshots (their writer read them back and says so
 * in its state) of the current epoch or a newer one, the newest first.
 */

/** The snapshots this browser wrote and read back. */
export function readOwnSnapshots(db: Database): VerifiedSnapshot[] {
  return JSON.parse(readSyncMeta(db, META.snapshots) ?? '[]') as VerifiedSnapshot[];
}

/** Every counted snapshot the team's states name. */
export function countedSnapshots(
  teammates: readonly DeviceState[],
  own: readonly VerifiedSnapshot[],
  me: string,
): CountedSnapshot[] {
  return [
    ...teammates.flatMap((state) => state.snapshots.map((s) => ({ ...s, device: state.device }))),
    ...own.map((s) => ({ ...s, device: me })),
  ];
}

/**
 * A snapshot to catch up from: it covers every device whose next log object is gone (`gaps`:
 * device → first sequence still there), in this epoch or a newer one; the newest such.
 */
export function catchUpSnapshot(
  teammates: readonly DeviceState[],
  own: readonly VerifiedSnapshot[],
  epoch: { id: string; clock: string },
  gaps: ReadonlyMap<string, number>,
  me = '',
): SnapshotRef | null {
  const usable = countedSnapshots(teammates, own, me).filter(
    (s) =>
      (s.epoch === epoch.id || s.epochClock > epoch.clock) &&
      [...gaps].every(([device, first]) => (s.positions[device] ?? 0) >= first - 1),
  );
  const newest = newestOf(usable);
  return newest ? { device: newest.device, objectId: newest.objectId } : null;
}

/** The snapshot holding a restore's data: its own, or a newer counted one of its epoch. */
export function restoreSnapshot(
  teammates: readonly DeviceState[],
  record: RestoreRecord,
  listing: TeamListing,
): SnapshotRef {
  const listed = listing.devices
    .get(record.snapshot.device)
    ?.snapshots.some((s) => s.objectId === record.snapshot.objectId);
  if (listed) return record.snapshot;
  const newest = newestOf(countedSnapshots(teammates, [], '').filter((s) => s.epoch === record.id));
  return newest ? { device: newest.device, objectId: newest.objectId } : record.snapshot;
}

/** The newest snapshot of a team joining now: the latest epoch, then the latest written. */
export function joinSnapshot(teammates: readonly DeviceState[]): SnapshotRef | null {
  const newest = newestOf(countedSnapshots(teammates, [], ''));
  return newest ? { device: newest.device, objectId: newest.objectId } : null;
}

/**
 * The latest epoch, then (of one epoch) the one covering the most logs, then the latest written:
 * coverage before time, since writers' clocks differ (compaction.ts orders them the same way, so
 * the snapshot chosen here is never one compaction deleted).
 */
function newestOf(snapshots: readonly CountedSnapshot[]): CountedSnapshot | null {
  let newest: CountedSnapshot | null = null;
  for (const s of snapshots) {
    if (!newest || compareSnapshots(s, newest) > 0) newest = s;
  }
  return newest;
}

function compareSnapshots(a: CountedSnapshot, b: CountedSnapshot): number {
  if (a.epochClock !== b.epochClock) return a.epochClock > b.epochClock ? 1 : -1;
  const covered = logsCovered(a) - logsCovered(b);
  if (covered !== 0) return covered;
  return a.createdAt === b.createdAt ? 0 : a.createdAt > b.createdAt ? 1 : -1;
}
