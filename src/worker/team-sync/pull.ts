import { fail, ok, type Result } from '../../core/result';
import { captureAndQueue, readPositions } from '../../core/team-sync/local-queue';
import { processLogs } from '../../core/team-sync/log-processing';
import { readListing, type TeamListing } from '../../core/team-sync/store-listing';
import { META, readEpoch, readSyncMeta } from '../../core/team-sync/sync-meta';
import { catchUpSnapshot, readOwnSnapshots, restoreSnapshot } from './choose-snapshot';
import { loadSnapshot } from './load-snapshot';
import { rejoinTeam } from './rejoin-team';
import { fetchNewLogs } from './fetch-logs';
import { noteStalledLogs } from './stalled-logs';
import { isRacingStart, knownRestores } from '../../core/team-sync/epochs';
import { removalOf, type MembershipEnd } from '../../core/team-sync/membership';
import { stopSyncing } from './membership-actions';
import type { SyncContext, SyncReport } from './sync-context';
import { readTeammates, refreshTeammates } from './teammates';
import { engineWrite } from './engine-write';

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
  const removal = removalOf(
    ctx.me,
    database.read((db) => readSyncMeta(db, META.joinedAt) ?? ''),
    teammates,
  );
  if (removal) {
    const stopped = await stopSyncing(ctx, removal);
    return stopped.ok ? fail('team-removed', removedMessage(removal)) : stopped;
  }
  if (teammates.some((state) => state.slot === slot && state.device !== ctx.me))
    return fail('team-slot-taken', MESSAGES.slotTaken);
  // The store shows log objects of this browser its database never numbered: the database was
  // put back to an older copy of itself. Its rows join the team again, renumbered, before any of
  // the team's changes could meet a reused id.
  const ownLogs = listing.devices.get(ctx.me)?.logs ?? [];
  const nextSequence = database.read((db) => Number(readSyncMeta(db, META.nextSequence) ?? '1'));
  if (ownLogs.length > 0 && Math.max(...ownLogs) >= nextSequence) {
    const rejoined = await rejoinTeam(ctx, listing, slot, report);
    if (rejoined.ok) report.rejoined = true;
    return rejoined.ok ? ok({ listing, again: true }) : rejoined;
  }

  const { cursors, gaps } = await fetchNewLogs(ctx, listing, positions, report);
  if (gaps.size > 0) {
    const snapshot = catchUpSnapshot(teammates, ownSnapshots, epoch, gaps, ctx.me);
    if (snapshot) {
      const loaded = await loadSnapshot(ctx, snapshot, { kind: 'catch-up' }, report);
      return loaded.ok ? ok({ listing, again: true }) : loaded;
    }
  }
  await noteStalledLogs(ctx, gaps, positions);
  // Local writes made while the logs were downloading are captured first, in the same
  // transaction: applying the team's changes rewrites rows to what the changes say, and a local
  // edit not yet a change would be written over.
  const processed = await engineWrite(
    database,
    (db) => {
      captureAndQueue(db, ctx.me, ctx.deps.connection.person, ctx.nowMs());
      return ok(processLogs(db, cursors));
    },
    (outcome) => outcome.rowsChanged > 0,
  );
  if (!processed.ok) return processed;
  const outcome = processed.value;
  report.applied += outcome.applied;
  report.rowsChanged += outcome.rowsChanged;
  report.lost.push(...outcome.lost);
  if (!outcome.restore) return ok({ listing, again: false });
  const snapshot = restoreSnapshot(teammates, outcome.restore.change.r, listing);
  const current = database.read((db) => knownRestores(db).get(epoch.id)?.record);
  if (isRacingStart(current, outcome.restore.change.r)) {
    // Another browser started the team at the same time, later: this browser joins that team with
    // all its data (a join merges, nothing is dropped), instead of having it replaced.
    const joined = await loadSnapshot(
      ctx,
      snapshot,
      { kind: 'join', slot, firstSequence: nextFree(listing, ctx.me), listing },
      report,
    );
    if (joined.ok) report.rejoined = true;
    return joined.ok ? ok({ listing, again: true }) : joined;
  }
  const loaded = await loadSnapshot(ctx, snapshot, { kind: 'restore', restore: outcome.restore }, report);
  return loaded.ok ? ok({ listing, again: true }) : loaded;
}

function removedMessage(removal: MembershipEnd): string {
  return `${removal.person} removed this browser from the team on ${removal.at.slice(0, 10)}, so it stopped syncing. Its data stays here, with any changes not shared yet; join the team database again to share them.`;
}

/** The first log number this browser has not stored yet (numbering goes on after a join). */
function nextFree(listing: TeamListing, me: string): number {
  return Math.max(0, ...(listing.devices.get(me)?.logs ?? [])) + 1;
}
