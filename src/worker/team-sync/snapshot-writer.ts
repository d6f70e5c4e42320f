import { exportDatabase } from '../../core/db/open';
import { SCHEMA_VERSION } from '../../core/db/schema';
import { fail, ok, type Result } from '../../core/result';
import type { VerifiedSnapshot } from '../../core/team-sync/device-state';
import { captureAndQueue, readPositions } from '../../core/team-sync/local-queue';
import { buildSnapshot, openSnapshot } from '../../core/team-sync/snapshot-db';
import type { SnapshotDetails } from '../../core/team-sync/snapshot-details';
import { META, readEpoch, readSyncMeta, writeSyncMeta } from '../../core/team-sync/sync-meta';
import { newObjectId } from '../../core/team-store/object-names';
import type { SyncContext } from './sync-context';
import { engineWrite } from './engine-write';

/**
 * Writes a snapshot of the team database as this browser holds it, reads it back and checks it
 * (opens, schema, checksum) before it counts: only then does this browser's state name it, and
 * only counted snapshots let logs be deleted or browsers start from them.
 */

/** How many of its counted snapshots a browser's state names (the newest). */
export const KEEP_LISTED_SNAPSHOTS = 10;

export async function writeSnapshot(ctx: SyncContext, objectId = newObjectId()): Promise<Result<VerifiedSnapshot>> {
  const { database, SQL, connection } = ctx.deps;
  // Every local write a change first: a snapshot holds only what the team's changes say.
  const captured = await engineWrite(database, (db) => ok(captureAndQueue(db, ctx.me, connection.person, ctx.nowMs())));
  if (!captured.ok) return captured;
  const { bytes, epoch, positions } = database.read((db) => ({
    bytes: exportDatabase(db),
    epoch: readEpoch(db),
    positions: readPositions(db),
  }));
  const file = await buildSnapshot(SQL, bytes);
  const details: SnapshotDetails = {
    epoch: epoch.id,
    epochClock: epoch.clock,
    positions,
    checksum: file.checksum,
    counts: file.counts,
    schemaVersion: SCHEMA_VERSION,
  };
  const name = { kind: 'snapshot' as const, deviceId: ctx.me, objectId };
  const createdAt = ctx.nowIso();
  const put = await ctx.objects.put(name, 'team-snapshot', details, file.bytes, createdAt);
  if (!put.ok) return fail(put.error.code, put.error.message, put.error.detail);
  const back = await ctx.objects.get(name, 'team-snapshot');
  if (back.outcome !== 'ok')
    return fail(
      'team-snapshot-unchecked',
      'The snapshot written to the team store could not be read back and checked, so it does not count. The app tries again later.',
      back.error.detail,
    );
  const opened = await openSnapshot(SQL, back.bytes, file.checksum);
  if (!opened.ok) return opened;
  opened.value.close();
  const counted: VerifiedSnapshot = {
    objectId,
    epoch: epoch.id,
    epochClock: epoch.clock,
    positions,
    checksum: file.checksum,
    createdAt,
  };
  await engineWrite(database, (db) => {
    const listed = JSON.parse(readSyncMeta(db, META.snapshots) ?? '[]') as VerifiedSnapshot[];
    writeSyncMeta(db, META.snapshots, JSON.stringify([...listed, counted].slice(-KEEP_LISTED_SNAPSHOTS)));
    return ok(undefined);
  });
  return ok(counted);
}
