import { ok, fail, type Result } from '../../core/result';
import { parseDeviceState, type VerifiedSnapshot } from '../../core/team-sync/device-state';
import type { TeamListing } from '../../core/team-sync/store-listing';
import { META, readSyncMeta, writeSyncMeta } from '../../core/team-sync/sync-meta';
import { joinSnapshot } from './choose-snapshot';
import { engineWrite } from './engine-write';
import { loadSnapshot } from './load-snapshot';
import { KEEP_LISTED_SNAPSHOTS } from './snapshot-writer';
import { TEAM_START_MESSAGES } from './start-team';
import type { SyncContext, SyncReport } from './sync-context';
import { readTeammates } from './teammates';

/**
 * Joins again with this browser's slot when its database fell behind what it had shared (it was
 * put back to an older copy of itself): from the newest counted snapshot — its own state in the
 * store included, since its database's copy of that state may be old — with its rows merged in
 * as a joiner's, and its log numbers going on after the last one stored.
 */
export async function rejoinTeam(
  ctx: SyncContext,
  listing: TeamListing,
  slot: number,
  report: SyncReport,
): Promise<Result<void>> {
  const own = await ctx.objects.get({ kind: 'state', deviceId: ctx.me }, 'team-state');
  const parsed = own.outcome === 'ok' ? parseDeviceState(own.bytes, ctx.deps.connection.teamKey.teamId, ctx.me) : null;
  const stored = parsed?.ok ? parsed.value : null;
  const teammates = ctx.deps.database.read((db) => readTeammates(db));
  const snapshot = joinSnapshot(stored ? [...teammates, stored] : teammates);
  if (!snapshot) return fail('team-missing', TEAM_START_MESSAGES.noTeam);
  const ownLogs = listing.devices.get(ctx.me)?.logs ?? [];
  const loaded = await loadSnapshot(
    ctx,
    snapshot,
    { kind: 'join', slot, firstSequence: Math.max(0, ...ownLogs) + 1, listing },
    report,
  );
  if (!loaded.ok || !stored) return loaded;
  return keepListing(ctx, stored.snapshots);
}

/**
 * The snapshots this browser wrote after the copy its database went back to stay named in its
 * state: teammates may have deleted logs because of them, and one away long catches up from them.
 */
function keepListing(ctx: SyncContext, later: readonly VerifiedSnapshot[]): Promise<Result<void>> {
  return engineWrite(ctx.deps.database, (db) => {
    const listed = JSON.parse(readSyncMeta(db, META.snapshots) ?? '[]') as VerifiedSnapshot[];
    const known = new Set(listed.map((s) => s.objectId));
    const merged = [...listed, ...later.filter((s) => !known.has(s.objectId))].sort((a, b) =>
      a.createdAt.localeCompare(b.createdAt),
    );
    writeSyncMeta(db, META.snapshots, JSON.stringify(merged.slice(-KEEP_LISTED_SNAPSHOTS)));
    return ok(undefined);
  });
}
