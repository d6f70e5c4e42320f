import { deletableLogs, deletableSnapshots, isSnapshotDue, newestSnapshot } from '../../core/team-sync/compaction';
import { hasUnsharedChanges } from '../../core/team-sync/local-queue';
import { memberStates } from '../../core/team-sync/membership';
import type { TeamListing } from '../../core/team-sync/store-listing';
import { readEpoch } from '../../core/team-sync/sync-meta';
import { readOwnSnapshots } from './choose-snapshot';
import { currentState, writeStateIfDue } from './state-writer';
import type { SyncContext, SyncReport } from './sync-context';
import { readTeammates } from './teammates';
import { writeSnapshot } from './snapshot-writer';

/**
 * Compaction, after a successful push (compaction.ts has the rules): maybe write a snapshot (this
 * browser's duty when it is the active one with the lowest id and enough logs piled up since the
 * newest), then delete what of this browser's own the rules allow. A refused delete (Object Lock, a
 * key without delete) is left for next time; nothing else depends on it.
 */
export async function compact(ctx: SyncContext, listing: TeamListing, report: SyncReport): Promise<void> {
  const { database } = ctx.deps;
  const epoch = database.read((db) => readEpoch(db));
  const mine = currentState(ctx);
  const states = [...database.read((db) => readTeammates(db)), mine];
  // Browsers removed from the team, or that left, hold nothing back: their logs stay readable.
  const teammates = memberStates(states).filter((s) => s.device !== ctx.me);
  const now = ctx.nowMs();
  let newest = newestSnapshot(states, epoch.id);
  const logsSince = [...listing.devices].reduce(
    (sum, [device, objects]) => sum + objects.logs.filter((s) => s > (newest?.positions[device] ?? 0)).length,
    0,
  );
  const isQuiet = !database.read((db) => hasUnsharedChanges(db));
  if (isQuiet && isSnapshotDue(ctx.me, teammates, now, ctx.policy, logsSince)) {
    const written = await writeSnapshot(ctx);
    if (written.ok) {
      report.wroteSnapshot = true;
      await writeStateIfDue(ctx, true);
      newest = { ...written.value, device: ctx.me };
    }
  }
  const own = listing.devices.get(ctx.me);
  const myLogs = [...(own?.logs ?? []), ...(mine.lastSequence > 0 ? [mine.lastSequence] : [])];
  for (const sequence of deletableLogs(ctx.me, [...new Set(myLogs)], newest, teammates, now, ctx.policy)) {
    if (!own?.logs.includes(sequence)) continue;
    const deleted = await ctx.objects.delete({ kind: 'log', deviceId: ctx.me, sequence });
    if (deleted.ok) report.compacted++;
  }
  const known = new Map(database.read((db) => readOwnSnapshots(db)).map((s) => [s.objectId, s]));
  const snapshots = (own?.snapshots ?? []).map((s) => ({
    objectId: s.objectId,
    createdAt: known.get(s.objectId)?.createdAt ?? null,
    ...(known.get(s.objectId)?.epoch === epoch.id ? { positions: known.get(s.objectId)?.positions } : {}),
  }));
  for (const objectId of deletableSnapshots(snapshots, newest)) {
    const deleted = await ctx.objects.delete({ kind: 'snapshot', deviceId: ctx.me, objectId });
    if (deleted.ok) report.compacted++;
  }
}
