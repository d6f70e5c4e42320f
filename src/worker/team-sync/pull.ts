import { fail, ok, type Result } from '../../core/result';
import { readPositions } from '../../core/team-sync/local-queue';
import { parseLogBody } from '../../core/team-sync/log-format';
import { processLogs, type FetchedLog, type LogCursor } from '../../core/team-sync/log-processing';
import { logsToRead, readListing, type TeamListing } from '../../core/team-sync/store-listing';
import { META, readEpoch, readSyncMeta } from '../../core/team-sync/sync-meta';
import { catchUpSnapshot, readOwnSnapshots, restoreSnapshot } from './choose-snapshot';
import { loadSnapshot } from './load-snapshot';
import { noteRefused } from './refused';
import type { SyncContext, SyncReport } from './sync-context';
import { readTeammates, refreshTeammates } from './teammates';

/**
 * Pull: one listing of the team's devices folder, then only what is new — teammates' states whose
 * entity tag changed, and each device's log objects after the position read last time, in order.
 * A device whose next log object was compacted away is caught up from a snapshot; a team restore
 * met in a log is applied (restore mode). Either replaces the database and moves the positions,
 * so the pull says `again` and the caller pulls once more from there.
 */

export type PullOutcome = { listing: TeamListing; again: boolean };

const MESSAGES = {
  slotTaken:
    'Another browser of the team uses the same id range as this one (an extremely rare coincidence of two joining at once), so this browser stopped sharing its changes to keep both browsers’ rows apart. Nothing was lost. Leave the team in this browser and join again.',
} as const;

export async function pull(ctx: SyncContext, report: SyncReport): Promise<Result<PullOutcome>> {
  const listed = await ctx.objects.list();
  if (!listed.ok) {
    report.unreachable = listed.error.message;
    return fail(listed.error.code, listed.error.message, listed.error.detail);
  }
  const listing = readListing(ctx.deps.connection.prefix, listed.value);
  await refreshTeammates(ctx, listing, report);
  const { database } = ctx.deps;
  const { positions, slot, teammates, epoch, ownSnapshots } = database.read((db) => ({
    positions: readPositions(db),
    slot: Number(readSyncMeta(db, META.slot)),
    teammates: readTeammates(db),
    epoch: readEpoch(db),
    ownSnapshots: readOwnSnapshots(db),
  }));
  if (teammates.some((state) => state.slot === slot && state.device !== ctx.me))
    return fail('team-slot-taken', MESSAGES.slotTaken);

  const gaps = new Map<string, number>();
  const cursors = new Map<string, LogCursor>();
  for (const [device, objects] of listing.devices) {
    const { read, gap } = logsToRead(objects.logs, positions[device] ?? 0);
    if (gap) gaps.set(device, objects.logs.find((s) => s > (positions[device] ?? 0)) ?? 0);
    const logs = await fetchLogs(ctx, device, read, report);
    if (logs.length > 0) cursors.set(device, { logs, next: 0, change: 0 });
  }
  if (gaps.size > 0) {
    const snapshot = catchUpSnapshot(teammates, ownSnapshots, epoch, gaps, ctx.me);
    if (snapshot) {
      const loaded = await loadSnapshot(ctx, snapshot, { kind: 'catch-up' }, report);
      return loaded.ok ? ok({ listing, again: true }) : loaded;
    }
  }
  const processed = await database.write((db) => ok(processLogs(db, cursors)));
  if (!processed.ok) return processed;
  const outcome = processed.value;
  report.applied += outcome.applied;
  report.rowsChanged += outcome.rowsChanged;
  report.lost.push(...outcome.lost);
  if (!outcome.restore) return ok({ listing, again: false });
  const snapshot = restoreSnapshot(teammates, outcome.restore.change.r, listing);
  const loaded = await loadSnapshot(ctx, snapshot, { kind: 'restore', restore: outcome.restore }, report);
  return loaded.ok ? ok({ listing, again: true }) : loaded;
}

/** A device's new log objects, opened and checked, in order; stops at the first that cannot be had. */
async function fetchLogs(
  ctx: SyncContext,
  device: string,
  sequences: readonly number[],
  report: SyncReport,
): Promise<FetchedLog[]> {
  const logs: FetchedLog[] = [];
  for (const sequence of sequences) {
    const name = { kind: 'log' as const, deviceId: device, sequence };
    const fetched = await ctx.objects.get(name, 'team-log');
    if (fetched.outcome === 'unavailable') break;
    if (fetched.outcome === 'refused') {
      await noteRefused(ctx, report, name, fetched.error.detail ?? fetched.error.message);
      break;
    }
    const body = parseLogBody(fetched.bytes, { team: ctx.deps.connection.teamKey.teamId, device, sequence });
    if (!body.ok) {
      await noteRefused(ctx, report, name, body.error.detail ?? body.error.message);
      break;
    }
    logs.push({ device, sequence, body: body.value });
    report.logsRead++;
  }
  return logs;
}
