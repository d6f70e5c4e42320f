import { ok } from '../../core/result';
import { STATE_FORMAT, encodeDeviceState, type DeviceState } from '../../core/team-sync/device-state';
import { pendingCount, readPositions } from '../../core/team-sync/local-queue';
import { META, readEpoch, readSyncMeta, writeSyncMeta } from '../../core/team-sync/sync-meta';
import { readOwnSnapshots } from './choose-snapshot';
import type { SyncContext } from './sync-context';
import { engineWrite } from './engine-write';

/**
 * This browser's state object is written when something in it changed (positions, pending count,
 * snapshots, who it is) or, as a heartbeat, when the last one is older than HEARTBEAT_MS: so an idle
 * browser costs one PUT per half hour, and "last seen" is never older than that while it is open.
 */
export const HEARTBEAT_MS = 30 * 60_000;

/** This browser's state as it would be written now. */
export function currentState(ctx: SyncContext): DeviceState {
  const { connection, lastBackupAt } = ctx.deps;
  return ctx.deps.database.read((db) => {
    const positions = readPositions(db);
    return {
      format: STATE_FORMAT,
      version: 1,
      team: connection.teamKey.teamId,
      device: ctx.me,
      slot: Number(readSyncMeta(db, META.slot)),
      browserName: connection.browserName,
      person: connection.person,
      lastSeen: ctx.nowIso(),
      joinedAt: readSyncMeta(db, META.joinedAt) ?? ctx.nowIso(),
      epoch: readEpoch(db).id,
      positions,
      lastSequence: positions[ctx.me] ?? 0,
      pending: pendingCount(db),
      lastBackupAt: lastBackupAt?.() ?? null,
      snapshots: readOwnSnapshots(db),
      removed: JSON.parse(readSyncMeta(db, META.removals) ?? '[]') as DeviceState['removed'],
      leftAt: null,
    };
  });
}

/** Writes the state object if it changed or the heartbeat is due; true when written. */
export async function writeStateIfDue(ctx: SyncContext, force = false): Promise<boolean> {
  const state = currentState(ctx);
  const { lastSeen: _seen, ...content } = state;
  const text = JSON.stringify(content);
  const last = ctx.deps.database.read((db) => ({
    text: readSyncMeta(db, META.stateWritten),
    at: Number(readSyncMeta(db, META.stateWrittenAt) ?? '0'),
  }));
  if (!force && last.text === text && ctx.nowMs() - last.at < HEARTBEAT_MS) return false;
  const put = await ctx.objects.put(
    { kind: 'state', deviceId: ctx.me },
    'team-state',
    {},
    encodeDeviceState(state),
    state.lastSeen,
  );
  if (!put.ok) return false;
  await engineWrite(ctx.deps.database, (db) => {
    writeSyncMeta(db, META.stateWritten, text);
    writeSyncMeta(db, META.stateWrittenAt, String(ctx.nowMs()));
    return ok(undefined);
  });
  return true;
}
