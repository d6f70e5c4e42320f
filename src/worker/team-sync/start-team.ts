import { logActivity } from '../../core/db/activity';
import { databaseChecksum } from '../../core/backup/checksum/database-rows';
import { countRows } from '../../core/db/tables';
import { fail, ok, type Result } from '../../core/result';
import { noteSendingRuns } from '../../core/team-sync/capture';
import { installCapture } from '../../core/team-sync/capture-triggers';
import type { RestoreChange } from '../../core/team-sync/changes';
import { recordRestore } from '../../core/team-sync/epochs';
import { clockText, tickClock } from '../../core/team-sync/hlc';
import { chooseSlot, SLOT_SIZE, slotRange } from '../../core/team-sync/id-range';
import { queueChanges, replacePositions } from '../../core/team-sync/local-queue';
import { readListing } from '../../core/team-sync/store-listing';
import { META, readClock, writeClock, writeSyncMeta } from '../../core/team-sync/sync-meta';
import { adoptAsBase } from '../../core/team-sync/team-base';
import { DATA_TABLES } from '../../core/db/schema';
import { newObjectId } from '../../core/team-store/object-names';
import { joinSnapshot } from './choose-snapshot';
import { loadSnapshot } from './load-snapshot';
import { emptyReport, type SyncContext } from './sync-context';
import { readTeammates, refreshTeammates } from './teammates';
import { engineWrite } from './engine-write';

/**
 * Starting a team, and joining one.
 * - The first browser's data becomes the team's first epoch (a restore from this browser's own
 *   database, "team created"): its rows keep their ids; its snapshot is stored at the next push,
 *   before the log announcing it.
 * - A browser joining starts from the newest counted snapshot and brings its own data in
 *   (own-data.ts); its id range avoids every teammate's.
 */

export const TEAM_START_MESSAGES = {
  exists: 'This team store already holds a team database. Join it instead of starting a new one; nothing was changed.',
  noTeam:
    'The team store holds no team database yet (or its first snapshot is not stored yet). Start the team in the first browser, or try again in a minute. Nothing was changed.',
} as const;

/** Makes this browser's database the team's first (the store must hold no team yet). */
export async function startTeam(ctx: SyncContext): Promise<Result<void>> {
  const listed = await ctx.objects.list();
  if (!listed.ok) return listed;
  const listing = readListing(ctx.deps.connection.prefix, listed.value);
  if ([...listing.devices.values()].some((d) => d.state || d.snapshots.length > 0 || d.logs.length > 0))
    return fail('team-exists', TEAM_START_MESSAGES.exists);
  const { database, connection } = ctx.deps;
  const { checksum, counts, taken } = database.read((db) => ({
    checksum: databaseChecksum(db),
    counts: countRows(db),
    taken: new Set(
      DATA_TABLES.flatMap((t) =>
        (db.exec(`SELECT DISTINCT id / ${SLOT_SIZE} FROM ${t}`)[0]?.values ?? []).map((r) => Number(r[0])),
      ),
    ),
  }));
  const slot = await chooseSlot(ctx.me, taken);
  const sum = await checksum;
  const written = await engineWrite(database, (db, nowIso) => {
    const clock = tickClock(readClock(db), ctx.nowMs());
    const restore: RestoreChange = {
      k: 'restore',
      e: '',
      h: [clock.wall, clock.counter],
      r: {
        id: newObjectId(),
        source: 'team-created',
        fileName: null,
        undoOf: null,
        snapshot: { device: ctx.me, objectId: newObjectId() },
        checksum: sum,
        counts,
        seen: {},
        person: connection.person,
        browser: connection.browserName,
      },
    };
    const editedAt = (row: Record<string, unknown>) =>
      clockText(
        {
          wall: Math.min(ctx.nowMs(), Date.parse(String(row.updated_at ?? row.created_at)) || ctx.nowMs()),
          counter: 0,
        },
        ctx.me,
      );
    adoptAsBase(db, (_table, row) => editedAt(row), connection.person);
    const epochClock = clockText(clock, ctx.me);
    writeSyncMeta(db, META.team, connection.teamKey.teamId);
    writeSyncMeta(db, META.device, ctx.me);
    writeSyncMeta(db, META.slot, String(slot));
    writeSyncMeta(db, META.epoch, restore.r.id);
    writeSyncMeta(db, META.epochClock, epochClock);
    writeSyncMeta(db, META.nextSequence, '1');
    writeSyncMeta(db, META.joinedAt, nowIso);
    writeSyncMeta(db, META.restoreSnapshot, restore.r.snapshot.objectId);
    writeClock(db, clock);
    replacePositions(db, {});
    recordRestore(db, restore.r, epochClock);
    installCapture(db, slotRange(slot));
    noteSendingRuns(db);
    queueChanges(db, [restore]);
    logActivity(db, {
      at: nowIso,
      kind: 'restore',
      summary: `${connection.person} started the team database from this browser’s data`,
      details: { restoreId: restore.r.id },
    });
    return ok(undefined);
  });
  return written;
}

/** Joins the team in the store: its newest snapshot, this browser's own data merged in. */
export async function joinTeam(ctx: SyncContext): Promise<Result<void>> {
  const report = emptyReport();
  const listed = await ctx.objects.list();
  if (!listed.ok) return listed;
  const listing = readListing(ctx.deps.connection.prefix, listed.value);
  await refreshTeammates(ctx, listing, report);
  const teammates = ctx.deps.database.read((db) => readTeammates(db));
  const snapshot = joinSnapshot(teammates);
  if (!snapshot) return fail('team-missing', TEAM_START_MESSAGES.noTeam);
  const taken = new Set(teammates.map((t) => t.slot));
  const slot = await chooseSlot(ctx.me, taken);
  const ownLogs = listing.devices.get(ctx.me)?.logs ?? [];
  return loadSnapshot(
    ctx,
    snapshot,
    { kind: 'join', slot, firstSequence: Math.max(0, ...ownLogs) + 1, listing },
    report,
  );
}
