import type { DatabaseTimes } from '../../core/db/meta';
import type { LocationHealth } from '../../core/snapshots/health';
import { storeLocation, type StoreFacts } from '../../core/team-store/store-health';

/**
 * The team store as a location of backup health, judged by its own rules
 * (core/team-store/store-health.ts): loaded only while a store is connected (./use-store-rules.ts).
 */
export function storeLocationOf(
  store: StoreFacts,
  data: { now: Date; times: DatabaseTimes; hasData: boolean },
): LocationHealth {
  return storeLocation(store, { now: data.now, lastChangeAt: lastUnsharedChange(data.times, data.hasData) });
}

/**
 * The data's newest change that may be in no copy: none when the database is empty, or when
 * nothing changed after the last restore (right after one, the data is a file's content).
 */
export function lastUnsharedChange(times: DatabaseTimes, hasData: boolean): string | null {
  if (!hasData || times.lastChangeAt === null) return null;
  if (times.restoredAt !== null && times.lastChangeAt <= times.restoredAt) return null;
  return times.lastChangeAt;
}
