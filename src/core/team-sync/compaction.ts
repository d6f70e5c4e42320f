import type { DeviceState, VerifiedSnapshot } from './device-state';

/**
 * Compaction: snapshots of the team database let old log objects go. The rules, each decided by
 * the owner of the objects alone (a browser deletes only its own):
 * - a snapshot counts once its writer read it back and checked it, and says so in its state;
 * - a log object goes only when a counted snapshot of the current epoch covers it and every
 *   active browser has read past it; the newest log object always stays (so a missing one always
 *   means "compacted", never "not listed yet");
 * - a snapshot goes once a newer counted snapshot of the current epoch exists;
 * - a browser silent for longer than `activeDays` no longer holds anything back: when it comes
 *   back, it catches up from a snapshot and shares its own changes on top.
 * One browser writes snapshots (the active one with the lowest device id), after enough log objects.
 */

export interface CompactionPolicy {
  activeDays: number;
  /** A new snapshot once this many log objects were written after the newest one. */
  snapshotAfterLogs: number;
}

export const DEFAULT_COMPACTION: CompactionPolicy = { activeDays: 14, snapshotAfterLogs: 100 };

/** A counted snapshot and who wrote it. */
export interface CountedSnapshot extends VerifiedSnapshot {
  device: string;
}

/** Whether a browser counts as active (seen within the policy's days). */
export function isActive(state: DeviceState, nowMs: number, policy: CompactionPolicy): boolean {
  return nowMs - Date.parse(state.lastSeen) <= policy.activeDays * 86_400_000;
}

/**
 * The newest counted snapshot of an epoch, or null: the one covering the most logs, then the
 * latest written. Coverage first, because writers' clocks differ: a snapshot written after
 * another by a browser whose clock is behind can carry an earlier time while holding more.
 */
export function newestSnapshot(states: readonly DeviceState[], epoch: string): CountedSnapshot | null {
  let newest: CountedSnapshot | null = null;
  for (const state of states) {
    for (const snapshot of state.snapshots) {
      if (snapshot.epoch !== epoch) continue;
      if (!newest || isNewer(snapshot, newest)) newest = { ...snapshot, device: state.device };
    }
  }
  return newest;
}

/** Logs a snapshot covers, summed over devices (of one epoch, more means it holds more). */
export function logsCovered(snapshot: { positions: Record<string, number> }): number {
  return Object.values(snapshot.positions).reduce((sum, sequence) => sum + sequence, 0);
}

function isNewer(a: VerifiedSnapshot, b: VerifiedSnapshot): boolean {
  const covered = logsCovered(a) - logsCovered(b);
  return covered !== 0 ? covered > 0 : a.createdAt > b.createdAt;
}

/** Which of my log objects may go: covered by `snapshot` and read by every other active browser. */
export function deletableLogs(
  me: string,
  myLogs: readonly number[],
  snapshot: CountedSnapshot | null,
  others: readonly DeviceState[],
  nowMs: number,
  policy: CompactionPolicy,
): number[] {
  if (!snapshot || myLogs.length === 0) return [];
  let bound = snapshot.positions[me] ?? 0;
  for (const state of others) {
    if (state.device !== me && isActive(state, nowMs, policy)) bound = Math.min(bound, state.positions[me] ?? 0);
  }
  const newest = Math.max(...myLogs);
  return myLogs.filter((sequence) => sequence <= bound && sequence !== newest);
}

/** Which of my snapshots may go: those older than the newest counted one of the current epoch. */
export function deletableSnapshots(
  mine: readonly { objectId: string; createdAt: string | null; positions?: Record<string, number> }[],
  newest: CountedSnapshot | null,
): string[] {
  if (!newest) return [];
  return mine.filter((s) => s.objectId !== newest.objectId && isOlder(s, newest)).map((s) => s.objectId);
}

function isOlder(
  s: { createdAt: string | null; positions?: Record<string, number> },
  newest: CountedSnapshot,
): boolean {
  if (s.createdAt === null) return true;
  if (!s.positions) return s.createdAt < newest.createdAt;
  return isNewer(newest, { ...newest, positions: s.positions, createdAt: s.createdAt });
}

/** Whether this browser should write a snapshot now (`logsSince`: log objects after the newest snapshot). */
export function isSnapshotDue(
  me: string,
  states: readonly DeviceState[],
  nowMs: number,
  policy: CompactionPolicy,
  logsSince: number,
): boolean {
  if (logsSince < policy.snapshotAfterLogs) return false;
  const active = states.filter((s) => s.device !== me && isActive(s, nowMs, policy)).map((s) => s.device);
  return active.every((device) => device > me);
}
