import { DEFAULT_END_OF_DAY, formatTimeOfDay, parseTimeOfDay, type TimeOfDay } from '../../core/snapshots/end-of-day';

/** The end-of-day time is a preference of this browser (localStorage), not data. */
const STORAGE_KEY = 'ff2api-web.end-of-day';

/** The stored end-of-day time, 17:00 when none (or storage is blocked). */
export function readEndOfDay(): TimeOfDay {
  try {
    return parseTimeOfDay(localStorage.getItem(STORAGE_KEY) ?? '') ?? DEFAULT_END_OF_DAY;
  } catch {
    return DEFAULT_END_OF_DAY;
  }
}

/** Remembers the end-of-day time. */
export function storeEndOfDay(at: TimeOfDay): void {
  try {
    localStorage.setItem(STORAGE_KEY, formatTimeOfDay(at));
  } catch {
    // Storage blocked: the choice holds for this tab.
  }
}
