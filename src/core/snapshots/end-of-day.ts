/**
 * End of day (docs/design.md): at a set local time, default 17:00, a snapshot and the daily file.
 * A missed end of day (the laptop was shut) is caught up the next time the app runs.
 */

export interface TimeOfDay {
  hour: number;
  minute: number;
}

export const DEFAULT_END_OF_DAY: TimeOfDay = { hour: 17, minute: 0 };

/** "17:00" → { hour: 17, minute: 0 }; null for anything that is not a time of day. */
export function parseTimeOfDay(text: string): TimeOfDay | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  return hour <= 23 && minute <= 59 ? { hour, minute } : null;
}

/** "17:00". */
export function formatTimeOfDay({ hour, minute }: TimeOfDay): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** The most recent end-of-day moment at or before `now` (today's, or yesterday's before it). */
export function latestEndOfDay(now: Date, at: TimeOfDay): Date {
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate(), at.hour, at.minute, 0, 0);
  if (today.getTime() <= now.getTime()) return today;
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1, at.hour, at.minute, 0, 0);
}

/**
 * Whether the end-of-day run is due: the latest end-of-day moment passed after the last run
 * (or, with none yet, after the database was created), and there is data to keep.
 */
export function isEndOfDayDue(input: {
  now: Date;
  at: TimeOfDay;
  lastRunAt: string | null;
  createdAt: string | null;
  hasData: boolean;
}): boolean {
  if (!input.hasData) return false;
  const moment = latestEndOfDay(input.now, input.at).getTime();
  const since = input.lastRunAt ?? input.createdAt;
  return since === null || Date.parse(since) < moment;
}

/** Whether today's end of day has passed without a backup file made since (the banner's rule). */
export function isEndOfDayFileMissing(input: {
  now: Date;
  at: TimeOfDay;
  lastBackupAt: string | null;
  hasChangesSinceBackup: boolean;
}): boolean {
  const today = new Date(
    input.now.getFullYear(),
    input.now.getMonth(),
    input.now.getDate(),
    input.at.hour,
    input.at.minute,
  );
  if (input.now.getTime() < today.getTime() || !input.hasChangesSinceBackup) return false;
  return input.lastBackupAt === null || Date.parse(input.lastBackupAt) < today.getTime();
}
