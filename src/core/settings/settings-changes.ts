import { fail, ok, type Result } from '../result';
import { formatTimeOfDay, parseTimeOfDay } from '../snapshots/end-of-day';
import {
  MAX_OPERATOR_NAME_LENGTH,
  normalizeOperatorName,
  RECOVERY_TARGET_BOUNDS,
  RETENTION_BOUNDS,
  withDefaults,
  type AppSettings,
  type RetentionPolicy,
} from './app-settings';

/**
 * A change to the settings, checked against the safe bounds, and said in words for the audit
 * trail ("End of day: 17:00 → 18:00"). A value out of bounds refuses the whole change: nothing is
 * half-applied.
 */

export type SettingsChange = Partial<Omit<AppSettings, 'retention'>> & { retention?: Partial<RetentionPolicy> };

/** One setting that changed, in words. */
export interface SettingChange {
  label: string;
  from: string;
  to: string;
}

const LABELS = {
  endOfDay: 'End of day',
  recoveryTargetMinutes: 'Recovery-time target',
  operatorName: 'Your name',
  hourlyDays: 'Hourly snapshots kept',
  dailyDays: 'Daily snapshots kept',
  weeklyWeeks: 'Weekly snapshots kept',
  monthlyMonths: 'Monthly snapshots kept',
} as const;

const MESSAGES = {
  endOfDay: 'The end of day must be a time such as 17:00. Nothing was changed.',
  recoveryTarget: `The recovery-time target must be a whole number of minutes from ${RECOVERY_TARGET_BOUNDS.min} to ${RECOVERY_TARGET_BOUNDS.max}. Nothing was changed.`,
  tier: (label: string, bounds: { min: number; max: number; unit: string }) =>
    `${label} must be a whole number from ${bounds.min} to ${bounds.max} ${bounds.unit}. Nothing was changed.`,
  name: `A name can have at most ${MAX_OPERATOR_NAME_LENGTH} characters. Nothing was changed.`,
};

/** Applies `change` to the explicit settings `stored`; the new explicit settings and what changed. */
export function applySettingsChange(
  stored: Partial<AppSettings>,
  change: SettingsChange,
): Result<{ next: Partial<AppSettings>; changes: SettingChange[] }> {
  const before = withDefaults(stored);
  const next: Partial<AppSettings> = { ...stored };
  const changes: SettingChange[] = [];
  const note = (label: string, from: string, to: string) => {
    if (from !== to) changes.push({ label, from, to });
  };

  if (change.endOfDay !== undefined) {
    const parsed = parseTimeOfDay(change.endOfDay);
    if (!parsed) return fail('settings-invalid', MESSAGES.endOfDay);
    next.endOfDay = formatTimeOfDay(parsed);
    note(LABELS.endOfDay, before.endOfDay, next.endOfDay);
  }
  if (change.recoveryTargetMinutes !== undefined) {
    const minutes = change.recoveryTargetMinutes;
    if (!isWholeWithin(minutes, RECOVERY_TARGET_BOUNDS)) return fail('settings-invalid', MESSAGES.recoveryTarget);
    next.recoveryTargetMinutes = minutes;
    note(LABELS.recoveryTargetMinutes, minutesText(before.recoveryTargetMinutes), minutesText(minutes));
  }
  if (change.operatorName !== undefined) {
    if (change.operatorName.trim().length > MAX_OPERATOR_NAME_LENGTH) return fail('settings-invalid', MESSAGES.name);
    next.operatorName = normalizeOperatorName(change.operatorName);
    note(LABELS.operatorName, nameText(before.operatorName), nameText(next.operatorName));
  }
  if (change.retention !== undefined) {
    const retention: RetentionPolicy = { ...before.retention };
    for (const key of Object.keys(RETENTION_BOUNDS) as (keyof RetentionPolicy)[]) {
      const value = change.retention[key];
      if (value === undefined) continue;
      const bounds = RETENTION_BOUNDS[key];
      if (!isWholeWithin(value, bounds)) return fail('settings-invalid', MESSAGES.tier(LABELS[key], bounds));
      retention[key] = value;
      note(LABELS[key], `${before.retention[key]} ${bounds.unit}`, `${value} ${bounds.unit}`);
    }
    next.retention = retention;
  }
  return ok({ next, changes });
}

/** "End of day: 17:00 → 18:00; Your name: (none) → Dana". */
export function describeSettingChanges(changes: readonly SettingChange[]): string {
  return changes.map((c) => `${c.label}: ${c.from} → ${c.to}`).join('; ');
}

function isWholeWithin(value: number, bounds: { min: number; max: number }): boolean {
  return Number.isInteger(value) && value >= bounds.min && value <= bounds.max;
}

function minutesText(minutes: number): string {
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

function nameText(name: string): string {
  return name === '' ? '(none)' : name;
}
