import type { SecretsMode } from '../backup/format/format';
import { DEFAULT_END_OF_DAY, formatTimeOfDay, parseTimeOfDay, type TimeOfDay } from '../snapshots/end-of-day';

/**
 * The app's settings: when the end-of-day backup runs, how long snapshots are kept, the recovery
 * time a drill must beat, and the name of the person at the keyboard. They live in the database
 * (so the app lock seals them and a backup file carries them) and every change is audited.
 * Each number has safe bounds: a value outside them is refused, never clamped in silence.
 */

/** How long each tier of snapshot retention reaches back (the seeds' tiers are the defaults). */
export interface RetentionPolicy {
  /** The newest snapshot of each hour, for this many days. */
  hourlyDays: number;
  /** The newest of each local day, for this many days. */
  dailyDays: number;
  /** The newest of each week (Monday to Sunday), for this many weeks. */
  weeklyWeeks: number;
  /** The newest of each month, for this many months. */
  monthlyMonths: number;
}

export interface AppSettings {
  /** "17:00": local time of the end-of-day snapshot and file. */
  endOfDay: string;
  retention: RetentionPolicy;
  /** A drill passes only if restoring takes at most this long. */
  recoveryTargetMinutes: number;
  /** Who is at the keyboard of this browser ('' when nobody said). */
  operatorName: string;
}

export const DEFAULT_RETENTION: RetentionPolicy = { hourlyDays: 7, dailyDays: 30, weeklyWeeks: 12, monthlyMonths: 12 };

/**
 * The bounds of each retention tier. Below them a mistake or a bad day could leave no copy old
 * enough to go back to; above them snapshots would mostly spend the storage budget.
 */
export const RETENTION_BOUNDS: Record<keyof RetentionPolicy, { min: number; max: number; unit: string }> = {
  hourlyDays: { min: 1, max: 14, unit: 'days' },
  dailyDays: { min: 7, max: 90, unit: 'days' },
  weeklyWeeks: { min: 4, max: 52, unit: 'weeks' },
  monthlyMonths: { min: 3, max: 36, unit: 'months' },
};

/** The recovery-time target: 1 minute to 4 hours (the longest target the procedures name). */
export const RECOVERY_TARGET_BOUNDS = { min: 1, max: 240 } as const;
export const DEFAULT_RECOVERY_TARGET_MINUTES = 5;
export const MAX_OPERATOR_NAME_LENGTH = 60;

export const DEFAULT_SETTINGS: AppSettings = {
  endOfDay: formatTimeOfDay(DEFAULT_END_OF_DAY),
  retention: DEFAULT_RETENTION,
  recoveryTargetMinutes: DEFAULT_RECOVERY_TARGET_MINUTES,
  operatorName: '',
};

/** Settings with every key: what is given, the default for the rest. */
export function withDefaults(partial: Partial<AppSettings>): AppSettings {
  return { ...DEFAULT_SETTINGS, ...partial, retention: { ...DEFAULT_RETENTION, ...partial.retention } };
}

/** The end-of-day time as hours and minutes. */
export function endOfDayOf(settings: Pick<AppSettings, 'endOfDay'>): TimeOfDay {
  return parseTimeOfDay(settings.endOfDay) ?? DEFAULT_END_OF_DAY;
}

/** A person's name as the audit trail keeps it: trimmed, single spaces, at most 60 characters. */
export function normalizeOperatorName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').slice(0, MAX_OPERATOR_NAME_LENGTH);
}

/**
 * The settings a file made now should carry: what was set here. An encrypted file's header is
 * readable without the passphrase, so its copy leaves the person's name out.
 */
export function settingsForFile(explicit: Partial<AppSettings>, secrets: SecretsMode): Partial<AppSettings> {
  if (secrets !== 'encrypted') return { ...explicit };
  const { operatorName: _name, ...rest } = explicit;
  return rest;
}
