import type { SnapshotTrigger } from './triggers';

/**
 * When the automatic snapshots are due (docs/design.md "Triggers"), as a pure function of times, so
 * a fake clock can drive it. The page asks about once a minute, on its own clock.
 *
 * - `After changes`: something changed since the newest snapshot, that snapshot is at least
 *   30 minutes old, and the user paused for a moment (2 minutes without a change) — so the copy
 *   is of a settled state, and at most one is taken every 30 minutes.
 * - `Hourly`: changes have waited an hour for a snapshot — since the newest one, or since they
 *   were first seen — even without a pause (a user editing non-stop still gets one every hour).
 */

export const AFTER_CHANGES_GAP_MS = 30 * 60_000;
export const QUIET_MS = 2 * 60_000;
export const HOURLY_MS = 60 * 60_000;

export interface ScheduleInput {
  now: Date;
  /** The live data's last change (app_meta). */
  lastChangeAt: string | null;
  /** The newest snapshot: when it was taken, and the data's last change it holds. */
  newest: { takenAt: string; dataChangedAt: string | null } | null;
  /** When the scheduler first saw changes that no snapshot holds (null: not seen before now). */
  pendingSince: string | null;
}

/** Whether the live data holds changes that no snapshot holds. */
export function hasChangesSinceSnapshot({
  lastChangeAt,
  newest,
}: Pick<ScheduleInput, 'lastChangeAt' | 'newest'>): boolean {
  if (lastChangeAt === null) return false;
  if (newest === null || newest.dataChangedAt === null) return true;
  return Date.parse(lastChangeAt) > Date.parse(newest.dataChangedAt);
}

/** The automatic snapshot due now, if any. */
export function dueScheduledSnapshot(
  input: ScheduleInput,
): Extract<SnapshotTrigger, 'after-changes' | 'hourly'> | null {
  if (!hasChangesSinceSnapshot(input) || input.lastChangeAt === null) return null;
  const now = input.now.getTime();
  const sinceNewest = input.newest === null ? Infinity : now - Date.parse(input.newest.takenAt);
  const quiet = now - Date.parse(input.lastChangeAt);
  if (sinceNewest >= AFTER_CHANGES_GAP_MS && quiet >= QUIET_MS) return 'after-changes';
  const waited = Math.min(sinceNewest, input.pendingSince === null ? 0 : now - Date.parse(input.pendingSince));
  if (waited >= HOURLY_MS) return 'hourly';
  return null;
}
