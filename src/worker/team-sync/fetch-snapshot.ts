import type { Database } from '../../core/db/sql-types';
import { fail, ok, type Result } from '../../core/result';
import { openSnapshot } from '../../core/team-sync/snapshot-db';
import { readSnapshotDetails, type SnapshotDetails } from '../../core/team-sync/snapshot-details';
import { noteRefused } from './refused';
import type { SyncContext, SyncReport } from './sync-context';

/** A snapshot object in the store. */
export interface SnapshotRef {
  device: string;
  objectId: string;
}

const MESSAGES = {
  unavailable:
    'The team database’s snapshot could not be read from the team store now. Nothing was changed; the app tries again at the next sync.',
} as const;

/**
 * Downloads a snapshot, opens it and checks it (envelope, header, schema, soundness, checksum).
 * A snapshot that fails is refused and reported; one the store could not give is a plain failure.
 */
export async function fetchSnapshot(
  ctx: SyncContext,
  ref: SnapshotRef,
  report: SyncReport,
): Promise<Result<{ db: Database; details: SnapshotDetails }>> {
  const name = { kind: 'snapshot' as const, deviceId: ref.device, objectId: ref.objectId };
  const fetched = await ctx.objects.get(name, 'team-snapshot');
  if (fetched.outcome === 'unavailable')
    return fail('team-snapshot-unavailable', MESSAGES.unavailable, fetched.error.detail);
  if (fetched.outcome === 'refused') return refuse(ctx, report, name, fetched.error.detail ?? fetched.error.message);
  const details = readSnapshotDetails(fetched.header.metadata.details);
  if (!details) return refuse(ctx, report, name, 'its header does not describe a snapshot');
  const opened = await openSnapshot(ctx.deps.SQL, fetched.bytes, details.checksum);
  if (!opened.ok) return refuse(ctx, report, name, opened.error.detail ?? opened.error.message);
  return ok({ db: opened.value, details });
}

async function refuse(
  ctx: SyncContext,
  report: SyncReport,
  name: { kind: 'snapshot'; deviceId: string; objectId: string },
  reason: string,
): Promise<Result<never>> {
  await noteRefused(ctx, report, name, reason);
  return fail(
    'team-snapshot-refused',
    'A snapshot of the team database in the team store was refused: it failed its checks. Nothing of it was used.',
    reason,
  );
}
