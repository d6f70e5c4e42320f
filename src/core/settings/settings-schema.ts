import * as z from 'zod/mini';
import { parseTimeOfDay } from '../snapshots/end-of-day';
import { MAX_OPERATOR_NAME_LENGTH, RECOVERY_TARGET_BOUNDS, RETENTION_BOUNDS, type AppSettings } from './app-settings';

/**
 * Reading settings back (stored JSON, or a file's `app_settings`) through a schema of their safe
 * bounds. Apart from app-settings.ts so the page, which only shows settings, loads no schema code.
 */

const whole = (bounds: { min: number; max: number }) => z.int().check(z.gte(bounds.min), z.lte(bounds.max));

/** Each setting's own schema: a file or a record is read one key at a time. */
const KEY_SCHEMAS = {
  endOfDay: z.string().check(z.refine((text) => parseTimeOfDay(text) !== null)),
  retention: z.object({
    hourlyDays: whole(RETENTION_BOUNDS.hourlyDays),
    dailyDays: whole(RETENTION_BOUNDS.dailyDays),
    weeklyWeeks: whole(RETENTION_BOUNDS.weeklyWeeks),
    monthlyMonths: whole(RETENTION_BOUNDS.monthlyMonths),
  }),
  recoveryTargetMinutes: whole(RECOVERY_TARGET_BOUNDS),
  operatorName: z.string().check(z.maxLength(MAX_OPERATOR_NAME_LENGTH)),
} as const;

/**
 * The settings held in `raw` (stored JSON, or a file's `app_settings`): each readable key is
 * taken, anything else is dropped, so one damaged key never costs the others.
 */
export function readSettings(raw: unknown): Partial<AppSettings> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const result: Partial<AppSettings> = {};
  for (const key of Object.keys(KEY_SCHEMAS) as (keyof typeof KEY_SCHEMAS)[]) {
    if (!Object.hasOwn(raw, key)) continue;
    const parsed = KEY_SCHEMAS[key].safeParse((raw as Record<string, unknown>)[key]);
    if (parsed.success) Object.assign(result, { [key]: parsed.data });
  }
  return result;
}
