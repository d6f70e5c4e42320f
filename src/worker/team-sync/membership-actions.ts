import { fail, ok, type Result } from '../../core/result';
import { encodeDeviceState, type Removal } from '../../core/team-sync/device-state';
import { pendingCount } from '../../core/team-sync/local-queue';
import type { MembershipEnd } from '../../core/team-sync/membership';
import { META, readSyncMeta, writeSyncMeta } from '../../core/team-sync/sync-meta';
import { engineWrite } from './engine-write';
import { currentState, writeStateIfDue } from './state-writer';
import type { SyncContext } from './sync-context';
import { readTeammates } from './teammates';

/**
 * Removing a teammate's browser, and leaving (membership.ts has the rule). A removal is noted in
 * this browser's own state object — the only object it may write — naming the membership it ends;
 * teammates read it with the state. Leaving is this browser's last state, saying when it left;
 * then it stops syncing, its data and unshared changes kept here.
 */

/** The most removals a state keeps (the oldest go first; a removed browser that never came back stays out). */
const KEEP_REMOVALS = 500;

const MESSAGES = {
  notTeammate: 'That browser is not one of the team’s browsers (any more). Nothing was changed.',
  notSelf: 'This browser cannot remove itself: use “Leave the team” instead. Nothing was changed.',
  leaveUnreachable:
    'The team store could not be reached, so leaving could not be announced to the team: this browser is still in the team and nothing was changed. Try again once the store can be reached.',
} as const;

/** Notes the removal and announces it (at once if the store answers, else with the next state written). */
export async function removeBrowser(ctx: SyncContext, device: string): Promise<Result<{ announced: boolean }>> {
  if (device === ctx.me) return fail('team-remove-self', MESSAGES.notSelf);
  const target = ctx.deps.database.read((db) => readTeammates(db)).find((s) => s.device === device);
  if (!target) return fail('team-remove-unknown', MESSAGES.notTeammate);
  const removal: Removal = {
    device,
    joinedAt: target.joinedAt,
    at: ctx.nowIso(),
    browserName: target.browserName,
    person: target.person,
  };
  const noted = await engineWrite(ctx.deps.database, (db) => {
    const removals = [...readRemovals(db), removal].slice(-KEEP_REMOVALS);
    writeSyncMeta(db, META.removals, JSON.stringify(removals));
    return ok(undefined);
  });
  if (!noted.ok) return noted;
  return ok({ announced: await writeStateIfDue(ctx, true) });
}

/** Announces that this browser leaves, then stops syncing here (nothing local is deleted). */
export async function leaveTeam(ctx: SyncContext): Promise<Result<MembershipEnd>> {
  const { connection } = ctx.deps;
  const at = ctx.nowIso();
  const state = { ...currentState(ctx), leftAt: at };
  const put = await ctx.objects.put(
    { kind: 'state', deviceId: ctx.me },
    'team-state',
    {},
    encodeDeviceState(state),
    at,
  );
  if (!put.ok) return fail('team-store-unreachable', MESSAGES.leaveUnreachable, put.error.detail ?? put.error.message);
  const end: MembershipEnd = { kind: 'left', person: connection.person, browserName: connection.browserName, at };
  const stopped = await stopSyncing(ctx, end);
  return stopped.ok ? ok(end) : stopped;
}

/** This browser is no longer in the team: it stops syncing and remembers why (its data stays). */
export function stopSyncing(ctx: SyncContext, end: MembershipEnd): Promise<Result<void>> {
  return engineWrite(ctx.deps.database, (db) => {
    writeSyncMeta(db, META.team, '');
    writeSyncMeta(db, META.departure, JSON.stringify(end));
    return ok(undefined);
  });
}

/** Why this browser stopped syncing, with its changes not shared; null when it never did. */
export function readDeparture(ctx: SyncContext): (MembershipEnd & { unshared: number }) | null {
  return ctx.deps.database.read((db) => {
    const text = readSyncMeta(db, META.departure);
    return text ? { ...(JSON.parse(text) as MembershipEnd), unshared: pendingCount(db) } : null;
  });
}

export function readRemovals(db: Parameters<typeof readSyncMeta>[0]): Removal[] {
  return JSON.parse(readSyncMeta(db, META.removals) ?? '[]') as Removal[];
}
