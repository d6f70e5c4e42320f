import type { DatabaseTimes } from '../db/meta';

/**
 * Database age and backup risk, as pure functions of persisted times (docs/design.md "Age and risk").
 * Boundaries are half-open so every hour value has exactly one level:
 *   age   Stable h < 12 · Reminder 12 ≤ h < 24 · Warning 24 ≤ h ≤ 72 · Critical h > 72
 *   time  Low h < 12 · Medium 12 ≤ h < 24 · High 24 ≤ h ≤ 72 · Critical h > 72
 *   count Low n < 5 · Medium 5 ≤ n ≤ 20 · High 21 ≤ n ≤ 50 · Critical n > 50
 */

export const AGE_LEVELS = ['Stable', 'Reminder', 'Warning', 'Critical'] as const;
export type AgeLevel = (typeof AGE_LEVELS)[number];

export const RISK_LEVELS = ['Low', 'Medium', 'High', 'Critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

const HOUR_MS = 3_600_000;

const AGE_ACTIONS: Record<AgeLevel, string> = {
  Stable: 'Normal operation',
  Reminder: 'Consider backup',
  Warning: 'Backup recommended',
  Critical: 'Immediate backup',
};

export interface Assessment {
  /** Hours since the database was created or last restored; null when never recorded. */
  ageHours: number | null;
  ageLevel: AgeLevel;
  /** What to do about the age: an action when changed since backup, reassurance otherwise. */
  ageAction: string;
  /** The later of the last backup download and the last restore; null when there is none. */
  backupPoint: string | null;
  hoursSinceBackup: number | null;
  hasChangesSinceBackup: boolean;
  riskLevel: RiskLevel;
  /** Whether the top-of-main banner with its own emergency button should show. */
  showsUrgentBanner: boolean;
}

export interface AssessmentInput {
  times: DatabaseTimes;
  configurationCount: number;
  /** Rows in any data table; a database with none has nothing at risk. */
  hasData: boolean;
  now: Date;
}

/** Computes every level the sidebar and banners show. */
export function assessDatabase({ times, configurationCount, hasData, now }: AssessmentInput): Assessment {
  const ageStart = latest(times.createdAt, times.restoredAt);
  const ageHours = ageStart === null ? null : hoursBetween(ageStart, now);
  const ageLevel = ageLevelFor(ageHours ?? 0);

  const backupPoint = latest(times.lastBackupAt, times.restoredAt);
  const hoursSinceBackup = backupPoint === null ? null : hoursBetween(backupPoint, now);
  const hasChangesSinceBackup =
    backupPoint === null
      ? hasData
      : times.lastChangeAt !== null && Date.parse(times.lastChangeAt) > Date.parse(backupPoint);

  const riskLevel = hasChangesSinceBackup
    ? lowerOf(timeRiskLevel(hoursSinceBackup ?? Infinity), countRiskLevel(configurationCount))
    : 'Low';

  const ageAction = hasChangesSinceBackup
    ? AGE_ACTIONS[ageLevel]
    : hasData
      ? 'Nothing to do: the latest backup already holds everything'
      : 'Nothing to back up yet';

  const showsUrgentBanner =
    rank(riskLevel) >= rank('High') || (ageLevel !== 'Stable' && ageLevel !== 'Reminder' && hasChangesSinceBackup);

  return {
    ageHours,
    ageLevel,
    ageAction,
    backupPoint,
    hoursSinceBackup,
    hasChangesSinceBackup,
    riskLevel,
    showsUrgentBanner,
  };
}

/** Age level for a number of hours. */
export function ageLevelFor(hours: number): AgeLevel {
  if (hours < 12) return 'Stable';
  if (hours < 24) return 'Reminder';
  if (hours <= 72) return 'Warning';
  return 'Critical';
}

/** Risk from the hours since the backup point (Infinity when there is none). */
export function timeRiskLevel(hours: number): RiskLevel {
  if (hours < 12) return 'Low';
  if (hours < 24) return 'Medium';
  if (hours <= 72) return 'High';
  return 'Critical';
}

/** Risk from the number of brokerage configurations. */
export function countRiskLevel(configurations: number): RiskLevel {
  if (configurations < 5) return 'Low';
  if (configurations <= 20) return 'Medium';
  if (configurations <= 50) return 'High';
  return 'Critical';
}

function rank(level: RiskLevel): number {
  return RISK_LEVELS.indexOf(level);
}

function lowerOf(a: RiskLevel, b: RiskLevel): RiskLevel {
  return rank(a) <= rank(b) ? a : b;
}

function latest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

function hoursBetween(fromIso: string, now: Date): number {
  return Math.max(0, (now.getTime() - Date.parse(fromIso)) / HOUR_MS);
}
